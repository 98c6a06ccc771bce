import axios from 'axios';

import { signBody } from '../../../tools/sandbox/webhooks/sign';
import { MessengerCallingTrigger } from '../../../nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { sandboxCredentials } from '../harness';
import { TriggerHost } from './triggerHost';

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

async function startHost(parameters: Record<string, unknown>, appSecret: string = DEMO.appSecret) {
	host = await new TriggerHost({
		node: new MessengerCallingTrigger(),
		parameters: { subscription: 'automatic', options: {}, ...parameters } as never,
		credentials: sandboxCredentials(sandbox.url, { appSecret }),
	}).start();
	return host;
}

async function setCallHours(pageId: string) {
	const call_hours = {
		timezone_id: 'Europe/Berlin',
		weekly_operating_hours: [{ day_of_week: 'SATURDAY', open_time: '1000', close_time: '1400' }],
	};
	const answer = await axios.post(`${sandbox.url}/v26.0/${pageId}/messenger_call_settings`, { call_hours }, {
		headers: { Authorization: `Bearer ${DEMO.accessToken}` },
	});
	expect(answer.data).toEqual({ success: true });
}

describe('Messenger Calling Trigger', () => {
	it('subscribes the app and the Page, keeping the Page\'s other fields; a change starts one execution', async () => {
		sandbox.page(DEMO.pageId).subscribedApps[DEMO.appId] = ['messages'];
		const trigger = await startHost({ options: { pageIds: DEMO.pageId } });
		await trigger.activate();

		expect(sandbox.state.app.subscriptions.page).toMatchObject({ callback_url: trigger.webhookUrl, fields: ['call_settings_update'] });
		expect(sandbox.page(DEMO.pageId).subscribedApps[DEMO.appId]).toEqual(['messages', 'call_settings_update']);

		await setCallHours(DEMO.pageId);
		await sandbox.waitForDeliveries(1);
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].items).toEqual([
			expect.objectContaining({
				field: 'call_settings_update',
				object: 'page',
				event: 'callSettingsUpdate',
				entryId: DEMO.pageId,
				pageId: DEMO.pageId,
				signatureVerified: true,
				callSettings: expect.objectContaining({
					call_hours: expect.objectContaining({ timezone_id: 'Europe/Berlin' }),
				}),
				raw: expect.objectContaining({ icon_enabled: true }),
			}),
		]);
	});

	it('without Page ids subscribes the Page of the access token (/me)', async () => {
		const trigger = await startHost({});
		await trigger.activate();
		const mePage = sandbox.state.mePageId!;
		expect(sandbox.page(mePage).subscribedApps[DEMO.appId]).toEqual(['call_settings_update']);
	});

	it('filters by Page: a change of another Page is answered 200 and starts nothing', async () => {
		const trigger = await startHost({ options: { pageIds: DEMO.pageId } });
		await trigger.activate();
		// The other Page is subscribed by another integration of the same app, so Meta sends its events here too.
		sandbox.page(DEMO.pageWithoutHoursId).subscribedApps[DEMO.appId] = ['call_settings_update'];
		await setCallHours(DEMO.pageWithoutHoursId);
		await sandbox.waitForDeliveries(1);
		expect(sandbox.deliveries[0]).toMatchObject({ status: 200, ok: true });
		expect(trigger.executions).toEqual([]);
	});

	it.each([
		`${DEMO.pageId}#`,
		`../${DEMO.pageId}`,
		'me/..',
		`${DEMO.pageId}?fields=access_token`,
		`${DEMO.pageId}, ${DEMO.pageWithoutHoursId}/subscribed_apps`,
	])('refuses the Page IDs %j on activation, naming the field, before any request leaves', async (pageIds) => {
		const trigger = await startHost({ options: { pageIds } });
		await expect(trigger.activate()).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: expect.stringMatching(/^Page IDs: must be digits only \(got ".+"\)$/),
		});
		expect(sandbox.requests).toEqual([]);
		expect(sandbox.page(DEMO.pageId).subscribedApps).toEqual({});
	});

	it('refuses a credential App ID that is not digits, before any request leaves', async () => {
		host = await new TriggerHost({
			node: new MessengerCallingTrigger(),
			parameters: { subscription: 'automatic', options: { pageIds: DEMO.pageId } } as never,
			credentials: sandboxCredentials(sandbox.url, { appSecret: DEMO.appSecret, appId: `${DEMO.appId}/..` }),
		}).start();
		await expect(host.activate()).rejects.toThrow(`Credential › App ID: must be digits only (got "${DEMO.appId}/..")`);
		expect(sandbox.requests).toEqual([]);
	});

	it('a WhatsApp delivery sent to the Page trigger is a 400', async () => {
		const trigger = await startHost({ subscription: 'manual' });
		const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
		const answer = await axios.post(trigger.webhookUrl, Buffer.from(body), {
			headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signBody(body, DEMO.appSecret) },
			validateStatus: () => true,
		});
		expect(answer.status).toBe(400);
		expect(trigger.executions).toEqual([]);
	});

	it('deactivation removes its field from the app subscription', async () => {
		const trigger = await startHost({ options: { pageIds: DEMO.pageId } });
		await trigger.activate();
		await trigger.deactivate();
		expect(sandbox.state.app.subscriptions.page).toBeUndefined();
	});
});
