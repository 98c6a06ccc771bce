import {
	planActivation,
	planDeactivation,
	readAppSubscriptions,
	subscriptionIsInPlace,
	type AppSubscription,
} from '../../../nodes/shared/webhook/subscription';

const OURS = 'https://n8n.example/webhook/abc/webhook';
const OTHER = 'https://crm.example/meta';
const object = 'whatsapp_business_account';
const wanted = ['account_settings_update', 'account_update'];
const sub = (callbackUrl: string, fields: string[]): AppSubscription => ({ object, callbackUrl, fields });

describe('readAppSubscriptions', () => {
	it('reads Meta\'s list with {name, version} fields and plain names', () => {
		const answer = {
			data: [
				{ object: 'page', callback_url: OTHER, active: true, fields: [{ name: 'feed', version: 'v26.0' }, 'messages'] },
				{ object, callback_url: OURS, fields: [{ name: 'account_update' }, { nope: 1 }] },
				{ callback_url: 'no object' },
				'garbage',
			],
		};
		expect(readAppSubscriptions(answer)).toEqual([
			{ object: 'page', callbackUrl: OTHER, fields: ['feed', 'messages'] },
			{ object, callbackUrl: OURS, fields: ['account_update'] },
		]);
		expect(readAppSubscriptions({})).toEqual([]);
		expect(readAppSubscriptions(null)).toEqual([]);
	});
});

describe('planActivation', () => {
	const base = { object, callbackUrl: OURS, wantedFields: wanted, replaceExistingCallback: false, previous: undefined };

	it('subscribes all wanted fields when the app has no subscription for the object', () => {
		expect(planActivation({ ...base, current: undefined })).toEqual({
			kind: 'subscribe',
			postFields: wanted,
			record: { object, callbackUrl: OURS, addedFields: wanted },
		});
	});

	it('refuses to take over another callback URL, naming it', () => {
		expect(planActivation({ ...base, current: sub(OTHER, ['messages']) })).toEqual({ kind: 'conflict', otherCallbackUrl: OTHER });
	});

	it('with replaceExistingCallback keeps the other integration\'s fields and adds ours', () => {
		const plan = planActivation({ ...base, replaceExistingCallback: true, current: sub(OTHER, ['messages', 'account_update']) });
		expect(plan).toEqual({
			kind: 'subscribe',
			postFields: ['messages', 'account_update', 'account_settings_update'],
			record: { object, callbackUrl: OURS, addedFields: ['account_settings_update'] },
		});
	});

	it('adds only missing fields on our own URL and remembers only those as ours', () => {
		const plan = planActivation({ ...base, current: sub(OURS, ['messages', 'account_update']) });
		expect(plan).toMatchObject({ postFields: ['messages', 'account_update', 'account_settings_update'], record: { addedFields: ['account_settings_update'] } });
	});

	it('sends nothing when everything is already in place, but keeps what it added earlier', () => {
		const previous = { object, callbackUrl: OURS, addedFields: ['account_update'] };
		expect(planActivation({ ...base, previous, current: sub(OURS, ['account_update', 'account_settings_update', 'messages']) })).toEqual({
			kind: 'subscribe',
			postFields: null,
			record: { object, callbackUrl: OURS, addedFields: ['account_update'] },
		});
	});

	it('forgets an earlier record made for another URL', () => {
		const previous = { object, callbackUrl: 'https://old.example/webhook', addedFields: ['account_update'] };
		const plan = planActivation({ ...base, previous, current: sub(OURS, ['account_update']) });
		expect(plan).toMatchObject({ record: { addedFields: ['account_settings_update'] } });
	});
});

describe('planDeactivation', () => {
	const record = { object, callbackUrl: OURS, addedFields: ['account_settings_update'] };

	it('removes only the fields it added when others remain', () => {
		expect(planDeactivation(sub(OURS, ['messages', 'account_settings_update']), record)).toEqual({ kind: 'removeFields', fields: ['account_settings_update'] });
	});

	it('removes the object when only its own fields are left', () => {
		expect(planDeactivation(sub(OURS, ['account_settings_update']), record)).toEqual({ kind: 'removeObject' });
	});

	it('does nothing when the URL is someone else\'s now, when nothing is recorded, or when its fields are gone', () => {
		expect(planDeactivation(sub(OTHER, ['account_settings_update']), record)).toEqual({ kind: 'nothing' });
		expect(planDeactivation(sub(OURS, ['account_settings_update']), undefined)).toEqual({ kind: 'nothing' });
		expect(planDeactivation(undefined, record)).toEqual({ kind: 'nothing' });
		expect(planDeactivation(sub(OURS, ['messages']), record)).toEqual({ kind: 'nothing' });
	});
});

describe('subscriptionIsInPlace', () => {
	const record = { object, callbackUrl: OURS, addedFields: [] };
	it('is true only for our URL, all wanted fields, and our own record', () => {
		expect(subscriptionIsInPlace(sub(OURS, [...wanted, 'messages']), OURS, wanted, record)).toBe(true);
		expect(subscriptionIsInPlace(sub(OURS, ['account_update']), OURS, wanted, record)).toBe(false);
		expect(subscriptionIsInPlace(sub(OTHER, wanted), OURS, wanted, record)).toBe(false);
		expect(subscriptionIsInPlace(sub(OURS, wanted), OURS, wanted, undefined)).toBe(false);
		expect(subscriptionIsInPlace(undefined, OURS, wanted, record)).toBe(false);
	});
});
