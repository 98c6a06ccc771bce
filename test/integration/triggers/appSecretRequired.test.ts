import axios from 'axios';
import type { INodeType } from 'n8n-workflow';

import { MessengerCallingTrigger } from '../../../nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
import { signBody } from '../../../tools/sandbox/webhooks/sign';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { sandboxCredentials } from '../harness';
import { TriggerHost } from './triggerHost';

/**
 * A trigger never starts a workflow from a delivery it cannot verify (issue 11): without an App Secret
 * in the credential, activation and "Listen for test event" stop with one clear message, and a POST that
 * reaches the URL anyway (a workflow activated before the secret was removed) starts nothing.
 */

const MESSAGE =
	"App Secret is required to verify Meta's signature on each delivery: set it in the Meta Calling API credential (App Dashboard → App settings → Basic)";

let sandbox: Sandbox;
let host: TriggerHost | undefined;

beforeAll(async () => {
	sandbox = await startSandbox({ webhookRetryDelaysMs: [] });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(async () => {
	expect(host?.answers.filter((a) => a.status >= 500) ?? []).toEqual([]);
	await host?.stop();
	host = undefined;
});

const triggers: Array<{ name: string; node: () => INodeType; parameters: Record<string, unknown>; delivery: unknown }> = [
	{
		name: 'WhatsApp Calling Trigger',
		node: () => new WhatsAppCallingTrigger(),
		parameters: { events: ['accountSettingsUpdate', 'callingRestriction'], wabaId: DEMO.wabaId },
		delivery: {
			object: 'whatsapp_business_account',
			entry: [{ id: DEMO.wabaId, time: 1767225600, changes: [{ field: 'account_update', value: { phone_number: '15550100001', event: 'ACCOUNT_RESTRICTION', restriction_info: [{ restriction_type: 'RESTRICTED_USER_INITIATED_CALLING' }] } }] }],
		},
	},
	{
		name: 'Messenger Calling Trigger',
		node: () => new MessengerCallingTrigger(),
		parameters: { options: { pageIds: DEMO.pageId } },
		delivery: { object: 'page', entry: [{ id: DEMO.pageId, time: 1767225600, call_settings: { icon_enabled: false } }] },
	},
];

async function startHost(trigger: (typeof triggers)[number], subscription: string, appSecret: string, verifyToken = '') {
	host = await new TriggerHost({
		node: trigger.node(),
		parameters: { subscription, verifyToken, options: {}, ...trigger.parameters } as never,
		credentials: sandboxCredentials(sandbox.url, { appSecret }),
	}).start();
	return host;
}

describe.each(triggers)('$name without an App Secret', (trigger) => {
	it.each(['manual', 'automatic'])('refuses activation with %s subscription, before any call to Meta', async (subscription) => {
		const host = await startHost(trigger, subscription, '');
		await expect(host.activate()).rejects.toThrow(MESSAGE);
		await expect(host.activate()).rejects.toMatchObject({ name: 'NodeOperationError', message: MESSAGE });
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses "Listen for test event"', async () => {
		const host = await startHost(trigger, 'manual', '   ');
		await expect(host.listenForTestEvent()).rejects.toThrow(MESSAGE);
	});

	it('an unsigned or signed POST to its URL is 401 and starts 0 executions', async () => {
		const host = await startHost(trigger, 'manual', '');
		const body = JSON.stringify(trigger.delivery);
		const post = (signature?: string) =>
			axios.post(host.webhookUrl, Buffer.from(body), {
				headers: { 'Content-Type': 'application/json', ...(signature ? { 'X-Hub-Signature-256': signature } : {}) },
				validateStatus: () => true,
			});
		const answers = [await post(), await post(signBody(body, DEMO.appSecret)), await post(signBody(body, ''))];
		expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
		// the sender is not told why
		expect(answers.map((a) => a.data)).toEqual(['Invalid signature', 'Invalid signature', 'Invalid signature']);
		expect(host.executions).toEqual([]);
	});

	it('still answers Meta\'s verification GET with a typed verify token', async () => {
		const host = await startHost(trigger, 'manual', '', 'my-verify-token');
		const ok = await axios.get(host.webhookUrl, {
			params: { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '24680' },
		});
		expect([ok.status, ok.data]).toEqual([200, 24680]);
	});

	it('with the App Secret (and a verify token), activation works and a signed delivery starts one execution', async () => {
		const host = await startHost(trigger, 'manual', DEMO.appSecret, 'my-verify-token');
		await host.activate();
		await host.listenForTestEvent();
		const body = JSON.stringify(trigger.delivery);
		const answer = await axios.post(host.webhookUrl, Buffer.from(body), {
			headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signBody(body, DEMO.appSecret) },
		});
		expect(answer.status).toBe(200);
		expect(host.executions).toHaveLength(1);
		expect(host.executions[0].items[0]).toMatchObject({ signatureVerified: true });
	});
});
