import axios from 'axios';

import { signBody } from '../../../tools/sandbox/webhooks/sign';
import { verifyTokenFor } from '../../../nodes/shared/webhook/verification';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { sandboxCredentials } from '../harness';
import { TriggerHost } from './triggerHost';

const OBJECT = 'whatsapp_business_account';
const OTHER_URL = 'https://crm.example/meta-webhooks';

let sandbox: Sandbox;
let host: TriggerHost | undefined;

beforeAll(async () => {
	sandbox = await startSandbox({ webhookRetryDelaysMs: [] });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => sandbox.reset());
afterEach(async () => {
	// A webhook that throws would be answered 500 by n8n: never acceptable.
	expect(host?.answers.filter((a) => a.status >= 500) ?? []).toEqual([]);
	await host?.stop();
	host = undefined;
});

async function startHost(
	parameters: Record<string, unknown>,
	credentials = sandboxCredentials(sandbox.url, { appSecret: DEMO.appSecret }),
	rawBody: 'kept' | 'lazy' | 'none' = 'kept',
) {
	host = await new TriggerHost({
		node: new WhatsAppCallingTrigger(),
		parameters: { events: ['accountSettingsUpdate', 'callingRestriction'], subscription: 'manual', options: {}, ...parameters } as never,
		credentials,
		rawBody,
	}).start();
	return host;
}

/** Changes a phone number's settings at the "Meta" sandbox, as WhatsApp Manager or an action node would. */
async function changeSettings(phoneNumberId: string, calling: Record<string, unknown>) {
	const answer = await axios.post(`${sandbox.url}/v26.0/${phoneNumberId}/settings`, { calling }, {
		headers: { Authorization: `Bearer ${DEMO.accessToken}` },
	});
	expect(answer.data).toEqual({ success: true });
}

function subscriptionOf(object: string) {
	return sandbox.state.app.subscriptions[object];
}

function setOtherIntegration(fields: string[]) {
	sandbox.state.app.subscriptions[OBJECT] = {
		object: OBJECT,
		callback_url: OTHER_URL,
		verify_token: 'theirs',
		include_values: true,
		fields,
		active: true,
	};
}

/** Meta's verification GET with this token; the status and the answer. */
async function verify(url: string, token: string | undefined, challenge = '987654') {
	const answer = await axios.get(url, { params: { 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': challenge }, validateStatus: () => true });
	return [answer.status, answer.data];
}

describe('WhatsApp Calling Trigger, manual subscription', () => {
	it('makes no Graph call on activation or deactivation', async () => {
		const trigger = await startHost({ verifyToken: 'my-verify-token' });
		await trigger.activate();
		await trigger.deactivate();
		expect(sandbox.requests).toEqual([]);
	});

	it('answers Meta\'s verification with the typed token, and 403 to the webhook ID (public, in the URL) or a guess', async () => {
		const trigger = await startHost({ verifyToken: ' my-verify-token ' });
		const ok = await axios.get(trigger.webhookUrl, {
			params: { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '987654' },
		});
		expect([ok.status, ok.headers['content-type'], ok.data]).toEqual([200, 'text/plain; charset=utf-8', 987654]);
		expect(await verify(trigger.webhookUrl, trigger.node.webhookId, 'pwned')).toEqual([403, 'Verification failed']);
		expect(await verify(trigger.webhookUrl, 'guess')).toEqual([403, 'Verification failed']);
		expect(trigger.executions).toEqual([]);
	});

	it('with an empty Verify Token refuses activation and "Listen for test event", saying to type one; the webhook ID is no token', async () => {
		const trigger = await startHost({ verifyToken: '  ' });
		const message = 'Verify Token: type a token of your own here, and paste the same as Verify Token in Meta’s App Dashboard';
		await expect(trigger.activate()).rejects.toMatchObject({ name: 'NodeOperationError', message });
		await expect(trigger.listenForTestEvent()).rejects.toThrow(message);
		expect(await verify(trigger.webhookUrl, trigger.node.webhookId, 'pwned')).toEqual([403, 'Verification failed']);
		expect(await verify(trigger.webhookUrl, '')).toEqual([403, 'Verification failed']);
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses unsigned and tampered deliveries with 401, starting nothing', async () => {
		const trigger = await startHost({});
		const body = JSON.stringify({ object: OBJECT, entry: [{ id: DEMO.wabaId, time: 1, changes: [{ field: 'account_settings_update', value: {} }] }] });
		const post = (data: string, signature?: string) =>
			// A Buffer, so axios sends the bytes as they are (it would re-encode a string that is not JSON).
			axios.post(trigger.webhookUrl, Buffer.from(data), {
				headers: { 'Content-Type': 'application/json', ...(signature ? { 'X-Hub-Signature-256': signature } : {}) },
				validateStatus: () => true,
			});
		expect((await post(body)).status).toBe(401);
		expect((await post(body.replace('"time":1', '"time":2'), signBody(body, DEMO.appSecret))).status).toBe(401);
		expect((await post(body, signBody(body, 'not-the-secret'))).status).toBe(401);
		expect((await post('{"object":', signBody('{"object":', DEMO.appSecret))).status).toBe(400);
		expect(trigger.executions).toEqual([]);
	});
});

describe('WhatsApp Calling Trigger, how n8n hands over the body', () => {
	const delivery = JSON.stringify({
		object: OBJECT,
		entry: [{ id: DEMO.wabaId, time: 1767225600, changes: [{ field: 'account_settings_update', value: { phone_number_settings: { phone_number_id: DEMO.phoneNumberId, calling: { status: 'ENABLED' } } } }] }],
	});
	const post = (url: string, signature: string) =>
		axios.post(url, Buffer.from(delivery), {
			headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature },
			validateStatus: () => true,
		});

	it('reads the raw bytes through n8n\'s readRawBody() when the body was not read yet', async () => {
		const trigger = await startHost({}, undefined, 'lazy');
		expect((await post(trigger.webhookUrl, signBody(delivery, DEMO.appSecret))).status).toBe(200);
		expect((await post(trigger.webhookUrl, signBody(delivery, 'wrong'))).status).toBe(401);
		expect(trigger.executions.map((e) => e.items[0].signatureVerified)).toEqual([true]);
	});

	it('a delivery without entry.time gives an item without a time key (not time: null)', async () => {
		const trigger = await startHost({});
		const untimed = delivery.replace('"time":1767225600,', '');
		const answer = await axios.post(trigger.webhookUrl, Buffer.from(untimed), {
			headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signBody(untimed, DEMO.appSecret) },
			validateStatus: () => true,
		});
		expect(answer.status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
		expect(Object.keys(trigger.executions[0].items[0])).not.toContain('time');
		expect(trigger.executions[0].items[0]).toMatchObject({ field: 'account_settings_update', entryId: DEMO.wabaId });
	});

	it('without raw bytes refuses a signed delivery (cannot be checked) rather than trusting it', async () => {
		const trigger = await startHost({}, undefined, 'none');
		expect((await post(trigger.webhookUrl, signBody(delivery, DEMO.appSecret))).status).toBe(401);
		expect(trigger.executions).toEqual([]);
	});
});

describe('WhatsApp Calling Trigger, automatic subscription', () => {
	it('subscribes app and WABA; a settings change then starts exactly one execution with the new settings', async () => {
		const trigger = await startHost({ subscription: 'automatic', wabaId: DEMO.wabaId });
		await trigger.activate();

		// The verify token is a secret of the App Secret and the webhook ID, never the webhook ID itself.
		const derived = verifyTokenFor({ configured: '', automatic: true, webhookId: trigger.node.webhookId! }, DEMO.appSecret);
		expect(subscriptionOf(OBJECT)).toMatchObject({
			callback_url: trigger.webhookUrl,
			verify_token: derived,
			fields: ['account_settings_update', 'account_update'],
		});
		expect(derived).not.toBe(trigger.node.webhookId);
		expect(sandbox.state.wabas[DEMO.wabaId].subscribedApps).toEqual([DEMO.appId]);
		// The sandbox verified the callback like Meta: one GET, answered 200, no execution.
		expect(trigger.answers).toEqual([{ method: 'GET', status: 200, started: false }]);
		expect(trigger.subscriptionRecord()).toEqual({
			object: OBJECT,
			callbackUrl: trigger.webhookUrl,
			addedFields: ['account_settings_update', 'account_update'],
		});
		expect(await verify(trigger.webhookUrl, trigger.node.webhookId, 'pwned')).toEqual([403, 'Verification failed']);
		expect(await verify(trigger.webhookUrl, derived, '5')).toEqual([200, 5]);

		await changeSettings(DEMO.phoneNumberId, { status: 'DISABLED' });
		const [delivery] = await sandbox.waitForDeliveries(1);
		expect(delivery.status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].items).toEqual([
			expect.objectContaining({
				field: 'account_settings_update',
				object: OBJECT,
				event: 'accountSettingsUpdate',
				entryId: DEMO.wabaId,
				phoneNumberId: DEMO.phoneNumberId,
				calling: expect.objectContaining({ status: 'DISABLED' }),
				signatureVerified: true,
				time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			}),
		]);
	});

	it('a second activation (restart) finds the subscription in place and sends nothing', async () => {
		const trigger = await startHost({ subscription: 'automatic', wabaId: DEMO.wabaId });
		await trigger.activate();
		sandbox.clearRequests();
		await trigger.activate();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /${DEMO.appId}/subscriptions`]);
	});

	it('filters by phone number: a change of another number starts nothing', async () => {
		const trigger = await startHost({ subscription: 'automatic', wabaId: DEMO.wabaId, options: { phoneNumberIds: DEMO.phoneNumberId } });
		await trigger.activate();
		await changeSettings(DEMO.disabledPhoneNumberId, { callback_permission_status: 'ENABLED' });
		await changeSettings(DEMO.phoneNumberId, { callback_permission_status: 'ENABLED' });
		await sandbox.waitForDeliveries(2);
		expect(sandbox.deliveries.map((d) => d.status)).toEqual([200, 200]);
		expect(trigger.executions.map((e) => e.items.map((i) => i.phoneNumberId))).toEqual([[DEMO.phoneNumberId]]);
	});

	it('turns a calling restriction event into its types and ISO expiry', async () => {
		const trigger = await startHost({ subscription: 'automatic', wabaId: DEMO.wabaId });
		await trigger.activate();
		await sandbox.emitWebhook(OBJECT, {
			object: OBJECT,
			entry: [{ id: DEMO.wabaId, time: 1767225600, changes: [{ field: 'account_update', value: { phone_number: '15550100001', event: 'ACCOUNT_RESTRICTION', restriction_info: [{ restriction_type: 'RESTRICTED_USER_INITIATED_CALLING', expiration: 1767830400 }] } }] }],
		});
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].items[0]).toMatchObject({
			event: 'callingRestriction',
			phoneNumber: '15550100001',
			restrictions: [{ type: 'RESTRICTED_USER_INITIATED_CALLING', expiresAt: '2026-01-08T00:00:00.000Z' }],
		});
	});

	it('fails activation naming the other callback URL, and changes nothing at Meta', async () => {
		setOtherIntegration(['messages']);
		const trigger = await startHost({ subscription: 'automatic', wabaId: DEMO.wabaId });
		await expect(trigger.activate()).rejects.toThrow(OTHER_URL);
		expect(sandbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);
		expect(subscriptionOf(OBJECT)).toMatchObject({ callback_url: OTHER_URL, fields: ['messages'] });
	});

	it('with replaceExistingCallback keeps the other fields, and on deactivation removes only its own', async () => {
		setOtherIntegration(['messages', 'account_update']);
		const trigger = await startHost({ subscription: 'automatic', wabaId: DEMO.wabaId, replaceExistingCallback: true });
		await trigger.activate();
		expect(subscriptionOf(OBJECT)).toMatchObject({
			callback_url: trigger.webhookUrl,
			fields: ['messages', 'account_update', 'account_settings_update'],
		});
		expect(trigger.subscriptionRecord()).toMatchObject({ addedFields: ['account_settings_update'] });
		await trigger.deactivate();
		expect(subscriptionOf(OBJECT)).toMatchObject({ fields: ['messages', 'account_update'] });
		expect(trigger.subscriptionRecord()).toBeUndefined();
	});

	it('deactivation removes the object subscription when only its fields were there', async () => {
		const trigger = await startHost({ subscription: 'automatic', wabaId: DEMO.wabaId });
		await trigger.activate();
		await trigger.deactivate();
		expect(subscriptionOf(OBJECT)).toBeUndefined();
		expect(sandbox.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/${DEMO.appId}/subscriptions`, query: { object: OBJECT } });
	});

	it('refuses automatic subscription without a WABA id or an app id, before any change at Meta', async () => {
		const trigger = await startHost({ subscription: 'automatic', wabaId: '' });
		await expect(trigger.activate()).rejects.toThrow('WhatsApp Business Account ID: must be digits only (got "")');
		await trigger.stop();
		const noApp = await startHost({ subscription: 'automatic', wabaId: DEMO.wabaId }, sandboxCredentials(sandbox.url, { appId: '', appSecret: DEMO.appSecret }));
		await expect(noApp.activate()).rejects.toThrow('Credential › App ID: must be digits only (got "")');
		expect(sandbox.state.wabas[DEMO.wabaId].subscribedApps).toEqual([]);
		expect(sandbox.requests).toEqual([]);
	});

	it.each([`${DEMO.wabaId}#`, `../${DEMO.wabaId}`, 'me/..', `${DEMO.wabaId}/subscribed_apps?x=`, { __rl: true, mode: 'id', value: `${DEMO.wabaId}?` }])(
		'refuses the WhatsApp Business Account ID %j before any request leaves',
		async (wabaId) => {
			const trigger = await startHost({ subscription: 'automatic', wabaId });
			await expect(trigger.activate()).rejects.toMatchObject({
				name: 'NodeOperationError',
				message: expect.stringMatching(/^WhatsApp Business Account ID: must be digits only \(got ".+"\)$/),
			});
			expect(sandbox.requests).toEqual([]);
		},
	);

	it.each(['1000000000000001#', '../1000000000000001', 'me/..', 'abc'])('refuses the credential\'s App ID %j before any request leaves', async (appId) => {
		const trigger = await startHost({ subscription: 'automatic', wabaId: DEMO.wabaId }, sandboxCredentials(sandbox.url, { appId, appSecret: DEMO.appSecret }));
		await expect(trigger.activate()).rejects.toThrow(`Credential › App ID: must be digits only (got ${JSON.stringify(appId)})`);
		await trigger.deactivate();
		expect(sandbox.requests).toEqual([]);
	});
});
