import { handleWebhookRequest, refusalWithoutSecret, type TriggerRules } from '../../../nodes/shared/webhook/handleRequest';
import { eventsForChoices } from '../../../nodes/shared/webhook/filters';
import { signBody } from '../../../tools/sandbox/webhooks/sign';
import {
	PAGE_1,
	PHONE_1,
	PHONE_2,
	WABA_ID,
	otherAccountChange,
	pageSeedDelivery,
	restrictionChange,
	settingsChange,
	violationChange,
	whatsAppDelivery,
} from './fixtures';

const secret = 'sandbox-app-secret';
const whatsAppRules: TriggerRules = {
	object: 'whatsapp_business_account',
	verifyToken: 'my-token',
	appSecret: secret,
	filter: { events: eventsForChoices(['accountSettingsUpdate', 'callingRestriction']), ids: [] },
};
const pageRules: TriggerRules = {
	object: 'page',
	verifyToken: 'my-token',
	appSecret: secret,
	filter: { events: new Set(['callSettingsUpdate']), ids: [] },
};

function signedPost(body: unknown, signWith = secret) {
	const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	return { method: 'POST', query: {}, signatureHeader: signBody(raw, signWith), body: { raw } };
}

describe('GET verification', () => {
	it('answers the challenge as text with 200', () => {
		const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-token', 'hub.challenge': '42' };
		expect(handleWebhookRequest({ method: 'GET', query, signatureHeader: undefined, body: { parsed: {} } }, whatsAppRules)).toEqual({
			startExecution: false,
			status: 200,
			contentType: 'text/plain; charset=utf-8',
			body: '42',
		});
	});

	it('answers 403 for a wrong token, without starting anything', () => {
		const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '42' };
		expect(handleWebhookRequest({ method: 'GET', query, signatureHeader: undefined, body: { parsed: {} } }, whatsAppRules)).toMatchObject({
			startExecution: false,
			status: 403,
		});
	});
});

describe('POST deliveries', () => {
	it('turns a signed WhatsApp settings update into one item', () => {
		const delivery = whatsAppDelivery({ changes: [settingsChange(PHONE_1)] });
		const outcome = handleWebhookRequest(signedPost(delivery), whatsAppRules);
		expect(outcome).toEqual({
			startExecution: true,
			items: [
				expect.objectContaining({
					field: 'account_settings_update',
					object: 'whatsapp_business_account',
					entryId: WABA_ID,
					time: '2026-01-01T00:00:00.000Z',
					event: 'accountSettingsUpdate',
					phoneNumberId: PHONE_1,
					calling: expect.objectContaining({ status: 'ENABLED' }),
					signatureVerified: true,
					raw: settingsChange(PHONE_1),
				}),
			],
		});
	});

	it('turns the seed Page example into one item with the page id', () => {
		const outcome = handleWebhookRequest(signedPost(pageSeedDelivery), pageRules);
		expect(outcome.startExecution && outcome.items).toEqual([
			expect.objectContaining({ field: 'call_settings_update', object: 'page', pageId: PAGE_1, entryId: PAGE_1, signatureVerified: true }),
		]);
	});

	it('gives every matching change of a batch its own item, in order', () => {
		const entries = Array.from({ length: 50 }, (_, e) => ({
			id: `waba-${e}`,
			changes: [settingsChange(`phone-${e}-a`), otherAccountChange, restrictionChange, settingsChange(`phone-${e}-b`), violationChange],
		}));
		const outcome = handleWebhookRequest(signedPost(whatsAppDelivery(...entries)), whatsAppRules);
		if (!outcome.startExecution) throw new Error(`no execution: ${outcome.status}`);
		expect(outcome.items).toHaveLength(200);
		expect(outcome.items.slice(0, 5).map((i) => [i.entryId, i.event, i.phoneNumberId])).toEqual([
			['waba-0', 'accountSettingsUpdate', 'phone-0-a'],
			['waba-0', 'callingRestriction', null],
			['waba-0', 'accountSettingsUpdate', 'phone-0-b'],
			['waba-0', 'callingQualityWarning', null],
			['waba-1', 'accountSettingsUpdate', 'phone-1-a'],
		]);
		expect(outcome.items[199]).toMatchObject({ entryId: 'waba-49', event: 'callingQualityWarning' });
	});

	it('applies the phone number filter', () => {
		const delivery = whatsAppDelivery({ changes: [settingsChange(PHONE_1), settingsChange(PHONE_2)] });
		const rules = { ...whatsAppRules, filter: { ...whatsAppRules.filter, ids: [PHONE_2] } };
		const outcome = handleWebhookRequest(signedPost(delivery), rules);
		expect(outcome.startExecution && outcome.items.map((i) => i.phoneNumberId)).toEqual([PHONE_2]);
	});

	it('answers 200 without an execution when nothing passes the filters', () => {
		const delivery = whatsAppDelivery({ changes: [otherAccountChange, { field: 'messages', value: {} }] });
		expect(handleWebhookRequest(signedPost(delivery), whatsAppRules)).toMatchObject({ startExecution: false, status: 200 });
		expect(handleWebhookRequest(signedPost(whatsAppDelivery()), whatsAppRules)).toMatchObject({ startExecution: false, status: 200 });
	});

	it.each([
		['missing signature', (r: ReturnType<typeof signedPost>) => ({ ...r, signatureHeader: undefined })],
		['wrong secret', () => signedPost(pageSeedDelivery, 'another-secret')],
		['tampered body', (r: ReturnType<typeof signedPost>) => ({ ...r, body: { raw: Buffer.from(r.body.raw.toString().replace('true', 'false')) } })],
		['raw body unavailable', (r: ReturnType<typeof signedPost>) => ({ ...r, body: { parsed: pageSeedDelivery } })],
	])('answers 401 without an execution: %s', (_name, mangle) => {
		expect(handleWebhookRequest(mangle(signedPost(pageSeedDelivery)), pageRules)).toMatchObject({ startExecution: false, status: 401 });
	});

	it('checks the signature before parsing: unsigned garbage is 401, not 400', () => {
		const request = { method: 'POST', query: {}, signatureHeader: undefined, body: { raw: Buffer.from('not json') } };
		expect(handleWebhookRequest(request, pageRules)).toMatchObject({ status: 401 });
	});

	it.each([
		['not JSON', 'not json'],
		['the other platform', whatsAppDelivery({ changes: [settingsChange(PHONE_1)] })],
		['a JSON string', '"page"'],
	])('answers 400 without an execution for a signed body that is %s', (_name, body) => {
		expect(handleWebhookRequest(signedPost(body), pageRules)).toMatchObject({ startExecution: false, status: 400 });
	});

	it('without an app secret refuses every delivery, unsigned or signed, raw or parsed', () => {
		const rules = { ...pageRules, appSecret: '' };
		const raw = Buffer.from(JSON.stringify(pageSeedDelivery));
		const posts = [
			{ method: 'POST', query: {}, signatureHeader: undefined, body: { raw } },
			{ method: 'POST', query: {}, signatureHeader: signBody(raw, ''), body: { raw } },
			{ method: 'POST', query: {}, signatureHeader: signBody(raw, secret), body: { raw } },
			{ method: 'POST', query: {}, signatureHeader: undefined, body: { parsed: pageSeedDelivery } },
		];
		expect(posts.map((post) => handleWebhookRequest(post, rules))).toEqual(posts.map(() => expect.objectContaining({ startExecution: false, status: 401 })));
	});

	it('answers 405 to other methods', () => {
		expect(handleWebhookRequest({ method: 'PUT', query: {}, signatureHeader: undefined, body: { parsed: {} } }, pageRules)).toMatchObject({ status: 405 });
	});
});

describe('refusalWithoutSecret: what is refused before the credential is read', () => {
	const raw = Buffer.from(JSON.stringify(pageSeedDelivery));
	it.each([
		['no signature header', { method: 'POST', query: {}, signatureHeader: undefined, body: { raw } }, 401],
		['a sha1 header', { method: 'POST', query: {}, signatureHeader: 'sha1=abc', body: { raw } }, 401],
		['a short digest', { method: 'POST', query: {}, signatureHeader: 'sha256=abc', body: { raw } }, 401],
		['a repeated header', { method: 'POST', query: {}, signatureHeader: [signBody(raw, secret), signBody(raw, secret)], body: { raw } }, 401],
		['no raw bytes', { method: 'POST', query: {}, signatureHeader: signBody(raw, secret), body: { parsed: {} } }, 401],
		['another method', { method: 'PUT', query: {}, signatureHeader: undefined, body: { parsed: {} } }, 405],
	])('%s', (_name, request, status) => {
		expect(refusalWithoutSecret(request)).toMatchObject({ startExecution: false, status });
	});

	it('leaves GET and a well-formed signature (right or wrong) to the secret', () => {
		expect(refusalWithoutSecret({ method: 'GET', query: {}, signatureHeader: undefined, body: { parsed: {} } })).toBeUndefined();
		expect(refusalWithoutSecret({ method: 'POST', query: {}, signatureHeader: signBody(raw, 'forged'), body: { raw } })).toBeUndefined();
	});
});
