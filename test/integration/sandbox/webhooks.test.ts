import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { DEAD_CALLBACK, expectMetaError, graph, startReceiver, type Receiver } from './helpers';

const APP = `/${DEMO.appId}/subscriptions`;
const asApp = { token: DEMO.appToken };

let sandbox: Sandbox;
let receiver: Receiver;
beforeAll(async () => {
	sandbox = await startSandbox({ webhookRetryDelaysMs: [20, 40] });
	receiver = await startReceiver('verify-me');
});
beforeEach(() => {
	sandbox.reset();
	receiver.received.length = 0;
	receiver.verifications.length = 0;
	receiver.deliveryStatus = 200;
	receiver.answerChallenge = true;
});
afterAll(async () => {
	await sandbox.close();
	await receiver.close();
});

function subscribe(object: string, fields: string | string[], callbackUrl = receiver.url, verifyToken = 'verify-me') {
	return graph(sandbox, 'POST', APP, {
		...asApp,
		body: { object, callback_url: callbackUrl, fields, verify_token: verifyToken, include_values: true },
	});
}

/** App subscribed to account_settings_update and the WABA subscribed to the app: Meta's two preconditions. */
async function subscribeWaba(): Promise<void> {
	expect((await subscribe('whatsapp_business_account', 'account_settings_update')).body).toEqual({ success: true });
	expect((await graph(sandbox, 'POST', `/${DEMO.wabaId}/subscribed_apps`)).body).toEqual({ success: true });
}

async function subscribePage(): Promise<void> {
	await subscribe('page', ['call_settings_update', 'calls']);
	const result = await graph(sandbox, 'POST', `/${DEMO.pageId}/subscribed_apps`, { query: { subscribed_fields: 'call_settings_update' } });
	expect(result.body).toEqual({ success: true });
}

describe('/<APP_ID>/subscriptions', () => {
	it('takes the app token only', async () => {
		expectMetaError(await graph(sandbox, 'GET', APP), 15);
		expectMetaError(await graph(sandbox, 'GET', APP, { token: `${DEMO.appId}|wrong` }), 190);
		expect((await graph(sandbox, 'GET', APP, asApp)).body).toEqual({ data: [] });
	});

	it('verifies the callback like Meta and lists the subscription with its fields', async () => {
		await subscribe('whatsapp_business_account', 'account_settings_update,account_update');
		expect(receiver.verifications).toEqual([
			{ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': expect.stringMatching(/^\d+$/) },
		]);
		const list = await graph(sandbox, 'GET', APP, asApp);
		expect(list.body.data).toEqual([
			{
				object: 'whatsapp_business_account',
				callback_url: receiver.url,
				active: true,
				fields: [
					{ name: 'account_settings_update', version: 'v26.0' },
					{ name: 'account_update', version: 'v26.0' },
				],
			},
		]);
	});

	it('refuses a callback that fails verification (wrong token, wrong challenge, unreachable) with 2200', async () => {
		expectMetaError(await subscribe('page', 'calls', receiver.url, 'other-token'), 2200);
		receiver.answerChallenge = false;
		expectMetaError(await subscribe('page', 'calls'), 2200);
		expectMetaError(await subscribe('page', 'calls', DEAD_CALLBACK), 2200);
		expect(sandbox.state.app.subscriptions).toEqual({});
	});

	it('skips verification when verifyCallbacks is off', async () => {
		sandbox.setVerifyCallbacks(false);
		expect((await subscribe('page', 'calls', DEAD_CALLBACK)).body).toEqual({ success: true });
		expect(receiver.verifications).toHaveLength(0);
	});

	it('keeps one callback URL per object: a new URL replaces it, fields add up', async () => {
		sandbox.setVerifyCallbacks(false);
		await subscribe('page', 'calls', 'http://127.0.0.1:1/a');
		await subscribe('page', ['call_settings_update'], 'http://127.0.0.1:1/b');
		expect(sandbox.state.app.subscriptions.page).toMatchObject({
			callback_url: 'http://127.0.0.1:1/b',
			fields: ['calls', 'call_settings_update'],
		});
	});

	it('rejects missing parameters', async () => {
		const noToken = graph(sandbox, 'POST', APP, { ...asApp, body: { object: 'page', callback_url: receiver.url, fields: 'calls' } });
		expect(expectMetaError(await noToken, 100).message).toMatch(/verify_token/);
		const badObject = graph(sandbox, 'POST', APP, { ...asApp, body: { object: 'pages', callback_url: receiver.url, fields: 'calls', verify_token: 'x' } });
		expect(expectMetaError(await badObject, 100).message).toMatch(/object/);
		const noFields = graph(sandbox, 'POST', APP, { ...asApp, body: { object: 'page', callback_url: receiver.url, verify_token: 'x' } });
		expect(expectMetaError(await noFields, 100).message).toMatch(/fields/);
	});

	it('DELETE removes the given fields, then the whole object', async () => {
		sandbox.setVerifyCallbacks(false);
		await subscribe('page', 'calls,call_settings_update');
		await subscribe('whatsapp_business_account', 'account_settings_update');
		await graph(sandbox, 'DELETE', APP, { ...asApp, query: { object: 'page', fields: 'calls' } });
		expect(sandbox.state.app.subscriptions.page.fields).toEqual(['call_settings_update']);
		await graph(sandbox, 'DELETE', APP, { ...asApp, query: { object: 'page' } });
		expect(Object.keys(sandbox.state.app.subscriptions)).toEqual(['whatsapp_business_account']);
	});
});

describe('/<PAGE or WABA>/subscribed_apps', () => {
	it('subscribes, lists and unsubscribes a Page with its fields', async () => {
		const missing = expectMetaError(await graph(sandbox, 'POST', `/${DEMO.pageId}/subscribed_apps`), 100);
		expect(missing.message).toMatch(/subscribed_fields/);
		await graph(sandbox, 'POST', `/${DEMO.pageId}/subscribed_apps`, { body: { subscribed_fields: ['call_settings_update', 'calls'] } });
		const list = await graph(sandbox, 'GET', `/${DEMO.pageId}/subscribed_apps`);
		expect(list.body.data).toEqual([expect.objectContaining({ id: DEMO.appId, subscribed_fields: ['call_settings_update', 'calls'] })]);
		await graph(sandbox, 'DELETE', `/${DEMO.pageId}/subscribed_apps`);
		expect((await graph(sandbox, 'GET', `/${DEMO.pageId}/subscribed_apps`)).body).toEqual({ data: [] });
	});

	it('subscribes and unsubscribes a WABA', async () => {
		await graph(sandbox, 'POST', `/${DEMO.wabaId}/subscribed_apps`);
		const list = await graph(sandbox, 'GET', `/${DEMO.wabaId}/subscribed_apps`);
		expect(list.body.data).toEqual([{ whatsapp_business_api_data: expect.objectContaining({ id: DEMO.appId }) }]);
		await graph(sandbox, 'DELETE', `/${DEMO.wabaId}/subscribed_apps`);
		expect(sandbox.state.wabas[DEMO.wabaId].subscribedApps).toEqual([]);
	});
});

describe('signed webhooks after a settings change', () => {
	it('delivers account_settings_update, signed with the app secret, after the POST answered', async () => {
		await subscribeWaba();
		const answer = await graph(sandbox, 'POST', `/${DEMO.phoneNumberId}/settings`, { body: { calling: { callback_permission_status: 'ENABLED' } } });
		expect(answer.body).toEqual({ success: true });
		const [delivery] = await sandbox.waitForDeliveries(1);
		expect(delivery).toMatchObject({ ok: true, status: 200, attempts: 1, field: 'account_settings_update', callbackUrl: receiver.url });
		expect(receiver.received).toHaveLength(1);
		const hook = receiver.received[0];
		expect(hook.signatureValid).toBe(true);
		expect(hook.body.object).toBe('whatsapp_business_account');
		expect(hook.body.entry[0].id).toBe(DEMO.wabaId);
		const change = hook.body.entry[0].changes[0];
		expect(change.field).toBe('account_settings_update');
		expect(change.value).toMatchObject({
			messaging_product: 'whatsapp',
			type: 'PHONE_NUMBER_SETTINGS',
			phone_number_settings: { phone_number_id: DEMO.phoneNumberId, calling: { callback_permission_status: 'ENABLED', status: 'ENABLED' } },
		});
	});

	it('writes the webhook calling object in the number\'s answer spelling', async () => {
		await subscribeWaba();
		sandbox.setAnswerStyle(DEMO.phoneNumberId, { lowercaseEnums: true });
		await graph(sandbox, 'POST', `/${DEMO.phoneNumberId}/settings`, { body: { calling: { status: 'DISABLED' } } });
		await sandbox.waitForDeliveries(1);
		const calling = receiver.received[0].body.entry[0].changes[0].value.phone_number_settings.calling;
		expect(calling.status).toBe('disabled');
	});

	it('sends nothing for a change of an unwatched field (call_hours) or when the WABA is not subscribed', async () => {
		await subscribe('whatsapp_business_account', 'account_settings_update');
		await graph(sandbox, 'POST', `/${DEMO.phoneNumberId}/settings`, { body: { calling: { status: 'DISABLED' } } });
		await graph(sandbox, 'POST', `/${DEMO.wabaId}/subscribed_apps`);
		await graph(sandbox, 'POST', `/${DEMO.phoneNumberId}/settings`, {
			body: { calling: { call_hours: { status: 'DISABLED', timezone_id: 'UTC', weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0800', close_time: '0900' }] } } },
		});
		await new Promise((resolve) => setTimeout(resolve, 100));
		await sandbox.webhooksIdle();
		expect(sandbox.deliveries).toHaveLength(0);
		expect(receiver.received).toHaveLength(0);
	});

	it('delivers call_settings_update with the settings in entry[].call_settings', async () => {
		await subscribePage();
		await graph(sandbox, 'POST', `/${DEMO.pageId}/messenger_call_settings`, { body: { call_routing: { ring_target: 'PARTNERS' } } });
		await sandbox.waitForDeliveries(1);
		const hook = receiver.received[0];
		expect(hook.signatureValid).toBe(true);
		expect(hook.body).toEqual({
			object: 'page',
			entry: [
				{
					id: DEMO.pageId,
					time: expect.any(Number),
					call_settings: expect.objectContaining({ call_routing: 'PARTNERS', icon_enabled: true, audio_enabled: true }),
				},
			],
		});
		expect(hook.body.entry[0].call_settings.call_hours.timezone_id).toBe('America/Los_Angeles');
	});

	it('retries a failing callback a bounded number of times and records each status', async () => {
		await subscribePage();
		receiver.deliveryStatus = 500;
		await graph(sandbox, 'POST', `/${DEMO.pageId}/messenger_call_settings`, { body: { icon_enabled: false } });
		const [delivery] = await sandbox.waitForDeliveries(1);
		expect(delivery).toMatchObject({ ok: false, attempts: 3, statusCodes: [500, 500, 500], status: 500 });
		expect(receiver.received).toHaveLength(3);
	});

	it('records a connection failure as status null', async () => {
		sandbox.setVerifyCallbacks(false);
		await subscribe('page', 'call_settings_update', DEAD_CALLBACK);
		await graph(sandbox, 'POST', `/${DEMO.pageId}/subscribed_apps`, { body: { subscribed_fields: 'call_settings_update' } });
		await graph(sandbox, 'POST', `/${DEMO.pageId}/messenger_call_settings`, { body: { icon_enabled: false } });
		const [delivery] = await sandbox.waitForDeliveries(1);
		expect(delivery).toMatchObject({ ok: false, attempts: 3, statusCodes: [null, null, null], error: expect.any(String) });
	});

	it('emits any signed body to the subscribed callback of an object (a restriction event)', async () => {
		await subscribe('whatsapp_business_account', 'account_update');
		const body = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: DEMO.wabaId,
					time: 1773000000,
					changes: [
						{
							field: 'account_update',
							value: { event: 'ACCOUNT_RESTRICTION', restriction_info: [{ restriction_type: 'RESTRICTED_USER_INITIATED_CALLING', expiration: 1773600000 }] },
						},
					],
				},
			],
		};
		const delivery = await sandbox.emitWebhook('whatsapp_business_account', body);
		expect(delivery.ok).toBe(true);
		expect(receiver.received[0].body).toEqual(body);
		expect(receiver.received[0].signatureValid).toBe(true);
		await expect(sandbox.emitWebhook('instagram', {})).rejects.toThrow(/no subscription/);
	});
});
