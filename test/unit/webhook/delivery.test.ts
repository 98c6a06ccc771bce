import { parseJsonBody, splitDelivery } from '../../../nodes/shared/webhook/delivery';
import { readPageChange, readWhatsAppChange } from '../../../nodes/shared/webhook/readable';
import {
	PAGE_1,
	PHONE_1,
	PHONE_2,
	WABA_ID,
	callingSettings,
	otherAccountChange,
	pageSeedDelivery,
	restrictionChange,
	settingsChange,
	violationChange,
	whatsAppDelivery,
} from './fixtures';

describe('parseJsonBody', () => {
	it('parses JSON bytes and reports anything else', () => {
		expect(parseJsonBody(Buffer.from('{"a":1}'))).toEqual({ ok: true, body: { a: 1 } });
		expect(parseJsonBody(Buffer.from('{"a":'))).toEqual({ ok: false, reason: 'body is not JSON' });
		expect(parseJsonBody(Buffer.from([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false });
		expect(parseJsonBody(Buffer.alloc(0))).toMatchObject({ ok: false });
	});
});

describe('splitDelivery', () => {
	it('splits the WhatsApp envelope into its changes with entry id and ISO time', () => {
		const result = splitDelivery(whatsAppDelivery({ changes: [settingsChange(PHONE_1)] }), 'whatsapp_business_account');
		expect(result).toEqual({
			ok: true,
			changes: [
				{
					object: 'whatsapp_business_account',
					field: 'account_settings_update',
					entryId: WABA_ID,
					time: '2026-01-01T00:00:00.000Z',
					value: settingsChange(PHONE_1).value,
					raw: settingsChange(PHONE_1),
				},
			],
		});
	});

	it('reads the Page example from entry[].call_settings, not changes[]', () => {
		const result = splitDelivery(pageSeedDelivery, 'page');
		expect(result.ok && result.changes).toEqual([
			{
				object: 'page',
				field: 'call_settings_update',
				entryId: PAGE_1,
				time: '2022-12-21T17:47:04.000Z',
				value: pageSeedDelivery.entry[0].call_settings,
				raw: pageSeedDelivery.entry[0].call_settings,
			},
		]);
	});

	it('keeps every change of a batch in order: many entries, many changes each', () => {
		const delivery = whatsAppDelivery(
			{ id: 'waba-a', changes: [settingsChange('p1'), violationChange, settingsChange('p2')] },
			{ id: 'waba-b', changes: [restrictionChange] },
			{ id: 'waba-c', changes: [settingsChange('p3'), otherAccountChange] },
		);
		const result = splitDelivery(delivery, 'whatsapp_business_account');
		if (!result.ok) throw new Error(result.reason);
		expect(result.changes.map((c) => `${c.entryId}/${c.field}`)).toEqual([
			'waba-a/account_settings_update',
			'waba-a/account_update',
			'waba-a/account_settings_update',
			'waba-b/account_update',
			'waba-c/account_settings_update',
			'waba-c/account_update',
		]);
	});

	it('skips malformed entries and changes but keeps the good ones', () => {
		const delivery = {
			object: 'whatsapp_business_account',
			entry: [null, 7, { id: 'w', changes: 'x' }, { id: 'w', time: 'soon', changes: [null, { value: {} }, { field: 5 }, settingsChange('p')] }],
		};
		const result = splitDelivery(delivery, 'whatsapp_business_account');
		expect(result.ok && result.changes.map((c) => [c.field, c.time])).toEqual([['account_settings_update', null]]);
	});

	it.each([
		['not an object', [1, 2]],
		['wrong object', { object: 'page', entry: [] }],
		['no entry list', { object: 'whatsapp_business_account', entry: {} }],
	])('refuses a delivery that is %s', (_name, body) => {
		expect(splitDelivery(body, 'whatsapp_business_account')).toMatchObject({ ok: false });
	});

	it('refuses a WhatsApp delivery sent to the Page trigger', () => {
		expect(splitDelivery(whatsAppDelivery({ changes: [] }), 'page')).toEqual({ ok: false, reason: 'object is not "page"' });
	});
});

describe('readable shapes', () => {
	const split = (body: unknown, object: 'page' | 'whatsapp_business_account') => {
		const result = splitDelivery(body, object);
		if (!result.ok) throw new Error(result.reason);
		return result.changes;
	};

	it('account_settings_update -> phone number id and the calling settings', () => {
		const [change] = split(whatsAppDelivery({ changes: [settingsChange(PHONE_2)] }), 'whatsapp_business_account');
		expect(readWhatsAppChange(change)).toEqual({
			event: 'accountSettingsUpdate',
			phoneNumberId: PHONE_2,
			settingsType: 'PHONE_NUMBER_SETTINGS',
			calling: callingSettings,
			updatedAt: '2026-01-01T00:00:00.000Z',
		});
	});

	it('account_settings_update without calling -> calling null', () => {
		const change = { field: 'account_settings_update', value: { type: 'PHONE_NUMBER_SETTINGS', phone_number_settings: { phone_number_id: 'p', calling: null } } };
		const [read] = split(whatsAppDelivery({ changes: [change] }), 'whatsapp_business_account');
		expect(readWhatsAppChange(read)).toMatchObject({ phoneNumberId: 'p', calling: null });
	});

	it('calling violation -> a quality warning with its type', () => {
		const [change] = split(whatsAppDelivery({ changes: [violationChange] }), 'whatsapp_business_account');
		expect(readWhatsAppChange(change)).toEqual({
			event: 'callingQualityWarning',
			phoneNumberId: null,
			phoneNumber: '+1 650-555-0101',
			accountEvent: 'ACCOUNT_VIOLATION',
			violationType: 'LOW_USER_INITIATED_CALLING_QUALITY',
		});
	});

	it('calling restriction -> only the calling restriction types, expiry as ISO dates', () => {
		const [change] = split(whatsAppDelivery({ changes: [restrictionChange] }), 'whatsapp_business_account');
		expect(readWhatsAppChange(change)).toEqual({
			event: 'callingRestriction',
			phoneNumberId: null,
			phoneNumber: '16505550101',
			accountEvent: 'ACCOUNT_RESTRICTION',
			restrictions: [{ type: 'RESTRICTED_BIZ_INITIATED_AND_USER_INITIATED_CALLING', expiresAt: '2026-01-08T00:00:00.000Z' }],
		});
	});

	it('a single restriction object (not a list) is read too', () => {
		const change = { field: 'account_update', value: { event: 'ACCOUNT_RESTRICTION', restriction_info: { restriction_type: 'RESTRICTED_USER_INITIATED_CALLING_CALL_BUTTON_HIDDEN', expiration: '1767830400' } } };
		const [read] = split(whatsAppDelivery({ changes: [change] }), 'whatsapp_business_account');
		expect(readWhatsAppChange(read)).toMatchObject({
			event: 'callingRestriction',
			restrictions: [{ type: 'RESTRICTED_USER_INITIATED_CALLING_CALL_BUTTON_HIDDEN', expiresAt: '2026-01-08T00:00:00.000Z' }],
		});
	});

	it('other account_update events pass through with their value', () => {
		const [change] = split(whatsAppDelivery({ changes: [otherAccountChange] }), 'whatsapp_business_account');
		expect(readWhatsAppChange(change)).toEqual({
			event: 'accountUpdate',
			phoneNumberId: null,
			phoneNumber: '16505550101',
			accountEvent: 'VERIFIED_ACCOUNT',
			value: otherAccountChange.value,
		});
	});

	it('fields this package does not know are marked other', () => {
		const [change] = split(whatsAppDelivery({ changes: [{ field: 'messages', value: { messages: [] } }] }), 'whatsapp_business_account');
		expect(readWhatsAppChange(change).event).toBe('other');
	});

	it('Page call_settings_update -> page id and the settings', () => {
		const [change] = split(pageSeedDelivery, 'page');
		expect(readPageChange(change)).toEqual({
			event: 'callSettingsUpdate',
			pageId: PAGE_1,
			callSettings: pageSeedDelivery.entry[0].call_settings,
			recipientId: null,
		});
	});

	it('a numeric Page id (as in the seed page) becomes text', () => {
		const [change] = split({ object: 'page', entry: [{ id: 4000000000000002, time: 1, call_settings: { recipient_id: 5000000000000001 } }] }, 'page');
		expect(readPageChange(change)).toMatchObject({ pageId: '4000000000000002', recipientId: '5000000000000001' });
	});
});
