/*
 * Every request to Meta goes through n8n's own authenticated helper, httpRequestWithAuthentication (n8n
 * then applies the credential's `authenticate`), with the credential handed over ready-decrypted. The spy
 * sits on n8n-core's function itself — the one every node context's `helpers.httpRequestWithAuthentication`
 * calls — not on anything of this package; the sandbox counts what actually arrived.
 */
// Not exported from n8n-core's index; the module n8n-core's helper factory calls into.
import * as authentication from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/authentication';
import type { ICredentialsDecrypted, IHttpRequestOptions } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { TriggerHost } from '../triggers/triggerHost';
import { runNode, sandboxCredentials } from '../harness';

let sandbox: Sandbox;
let helper: jest.SpyInstance;

beforeAll(async () => {
	sandbox = await startSandbox({ webhookRetryDelaysMs: [] });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	helper = jest.spyOn(authentication, 'httpRequestWithAuthentication');
});
afterEach(() => helper.mockRestore());

/** [credential type, URL, the ready-decrypted credential data] of every call to n8n's helper. */
function helperCalls() {
	return helper.mock.calls.map((args: unknown[]) => {
		const [type, options, , , , extra] = args as [string, IHttpRequestOptions, unknown, unknown, unknown, { credentialsDecrypted?: ICredentialsDecrypted }];
		return { type, url: options.url, data: extra?.credentialsDecrypted?.data };
	});
}

function tomorrow(): string {
	const date = new Date(Date.now() + 2 * 86_400_000);
	return date.toISOString().slice(0, 10);
}

const credentials = () => ({ metaCallingApi: sandboxCredentials(sandbox.url, { appSecret: DEMO.appSecret }) });

it('action nodes: every request (reads, read-modify-writes, messages, 3 items) went through httpRequestWithAuthentication', async () => {
	const runs = [
		await runNode({ node: new WhatsAppCalling(), credentials: credentials(), parameters: { phoneNumberId: DEMO.phoneNumberId, resource: 'callingSettings', operation: 'get' } }),
		await runNode({
			node: new WhatsAppCalling(),
			credentials: credentials(),
			parameters: { phoneNumberId: DEMO.phoneNumberId, resource: 'holidaySchedule', operation: 'add', holidays: { holiday: [{ date: tomorrow(), startTime: '0000', endTime: '2359' }] } },
		}),
		await runNode({
			node: new MessengerCalling(),
			credentials: credentials(),
			items: [{ json: {} }, { json: {} }, { json: {} }],
			parameters: { pageId: DEMO.pageId, resource: 'callSettings', operation: 'setIconVisibility', iconEnabled: false },
		}),
		await runNode({ node: new MessengerCalling(), credentials: credentials(), parameters: { pageId: DEMO.pageId, resource: 'message', operation: 'sendCallPrompt', recipientId: DEMO.psid } }),
	];
	expect(runs.map((run) => run.error?.message)).toEqual([undefined, undefined, undefined, undefined]);

	const calls = helperCalls();
	// holiday add = read + write + the check read after it; three items = three writes
	expect(sandbox.requests).toHaveLength(1 + 3 + 3 + 1);
	expect(calls).toHaveLength(sandbox.requests.length);
	for (const call of calls) {
		expect(call).toEqual({ type: 'metaCallingApi', url: expect.stringContaining(`${sandbox.url}/v26.0/`), data: expect.objectContaining({ accessToken: DEMO.accessToken }) });
	}
	// ... and n8n applied the credential's authenticate to each: Bearer header and appsecret_proof arrived.
	for (const request of sandbox.requests) {
		expect(request.headers.authorization).toBeDefined();
		expect(request.query.appsecret_proof).toEqual(expect.any(String));
	}
});

it('the trigger: app-token subscription calls and the WABA subscription went through it too', async () => {
	const host = await new TriggerHost({
		node: new WhatsAppCallingTrigger(),
		parameters: { events: ['accountSettingsUpdate'], subscription: 'automatic', wabaId: DEMO.wabaId, options: {} } as never,
		credentials: sandboxCredentials(sandbox.url, { appSecret: DEMO.appSecret }),
	}).start();
	try {
		await host.activate();
		// The sandbox, like Meta, serves /<APP_ID>/subscriptions only for the app token.
		expect(sandbox.state.app.subscriptions.whatsapp_business_account?.callback_url).toBe(host.webhookUrl);
		await host.deactivate();
		expect(sandbox.state.app.subscriptions.whatsapp_business_account).toBeUndefined();
	} finally {
		await host.stop();
	}
	const appCalls = sandbox.requests.filter((r) => r.path === `/${DEMO.appId}/subscriptions`);
	expect(appCalls.length).toBeGreaterThanOrEqual(3); // read, subscribe, and on deactivation read + remove
	expect(helperCalls()).toHaveLength(sandbox.requests.length);
	// App-level calls carried the app token as access_token, chosen by the credential's authenticate from the marked data.
	for (const request of appCalls) expect(request.query.access_token).toBeDefined();
	const appHelperCalls = helperCalls().filter((call) => String(call.url).endsWith(`/${DEMO.appId}/subscriptions`));
	expect(appHelperCalls).toHaveLength(appCalls.length);
	for (const call of appHelperCalls) expect(call.data).toMatchObject({ useAppToken: true });
});
