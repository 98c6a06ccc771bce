import { verifyTokenFor } from '../../nodes/shared/webhook/verification';
import { e2eContext } from './harness/context';
import {
	allExecutions as executionsOf,
	expectOneActionPerEvent,
	expectSignedBurst,
	ONCE_WORKFLOW,
	SANDBOX_APP_SECRET,
	triggerItems,
	triggerWebhookUrl,
	waitFor,
} from './harness/deliveries';

/**
 * Both calling triggers inside real n8n (workflows test/e2e/workflows/trigger-*.json): activation
 * subscribes the app at the sandbox (which verifies the callback like Meta), a settings change makes the
 * sandbox send its signed webhook, and exactly one execution carries the new settings. Then a burst:
 * 1,000 signed deliveries give 1,000 executions, none lost or doubled; 100 tampered ones give none.
 * The verify token of automatic subscription is derived from the App Secret, never the webhook ID; with
 * Remove Duplicates on `eventId` (workflows/trigger-once.json) a redelivered change is acted on once.
 */

const WHATSAPP_WORKFLOW = 'e2eWaCallTrigger';
const MESSENGER_WORKFLOW = 'e2eMsCallTrigger';
const WHATSAPP_WEBHOOK = '7c0f3a55-5e5e-4d2a-8f1b-e2e0a1d0f501';
const MESSENGER_WEBHOOK = '7c0f3a55-5e5e-4d2a-8f1b-e2e0a1d0f502';
const APP_ID = '1000000000000001';
const WABA = '2000000000000001';
const PHONE = '3000000000000001';
const PAGE = '4000000000000001';

const e2e = e2eContext();

function webhookUrl(webhookId: string): string {
	return triggerWebhookUrl(e2e, webhookId);
}

/** A Graph call to the sandbox, as an action node or Meta's own UI would change a setting. */
async function graph(method: string, path: string, body?: unknown): Promise<any> {
	const response = await fetch(`${e2e.sandboxUrl}/v26.0${path}`, {
		method,
		headers: { Authorization: 'Bearer sandbox-access-token', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(30000),
	});
	const answer = await response.json();
	if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(answer)}`);
	return answer;
}

/**
 * Re-activates a workflow through n8n's public API, so n8n runs the trigger's delete, then checkExists
 * and create again. n8n 2.x finishes (de)activating webhooks after it has answered, so each step is
 * awaited by what it does: the URL stops answering, then the sandbox state shows the subscription.
 */
async function reactivate(workflowId: string, webhookId: string, subscribed: (state: any) => boolean): Promise<void> {
	const off = await e2e.rest.publicApi('POST', `/workflows/${workflowId}/deactivate`);
	if (off.status !== 200) throw new Error(`deactivating ${workflowId} answered ${off.status}: ${off.text.slice(0, 500)}`);
	await waitFor(`${workflowId}'s webhook to be removed`, async () => ((await fetch(webhookUrl(webhookId))).status === 404 ? true : undefined));
	const on = await e2e.rest.publicApi('POST', `/workflows/${workflowId}/activate`);
	if (on.status !== 200) throw new Error(`activating ${workflowId} answered ${on.status}: ${on.text.slice(0, 500)}`);
	await waitFor(`the subscriptions of ${workflowId}`, async () => {
		const { state } = await e2e.sandbox('GET', 'state');
		return subscribed(state) ? true : undefined;
	});
}

function allExecutions(workflowId: string, includeData = false) {
	return executionsOf(e2e, workflowId, includeData);
}

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: calling triggers`, () => {
	beforeAll(async () => {
		// Other test files reset the sandbox (and with it the app's subscriptions): subscribe again.
		await e2e.sandbox('POST', 'reset', {});
		await reactivate(WHATSAPP_WORKFLOW, WHATSAPP_WEBHOOK, (state) => state.wabas[WABA].subscribedApps.includes(APP_ID));
		await reactivate(MESSENGER_WORKFLOW, MESSENGER_WEBHOOK, (state) =>
			(state.pages[PAGE].subscribedApps[APP_ID] ?? []).includes('call_settings_update'),
		);
	}, 180000);

	it('activation subscribed the app, the WABA and the Page at the sandbox, each to its callback URL', async () => {
		const { state } = await e2e.sandbox('GET', 'state');
		expect(state.app.subscriptions.whatsapp_business_account).toMatchObject({
			callback_url: webhookUrl(WHATSAPP_WEBHOOK),
			verify_token: verifyTokenFor({ configured: '', automatic: true, webhookId: WHATSAPP_WEBHOOK }, SANDBOX_APP_SECRET),
			fields: ['account_settings_update', 'account_update'],
		});
		expect(state.app.subscriptions.whatsapp_business_account.verify_token).not.toBe(WHATSAPP_WEBHOOK);
		expect(state.app.subscriptions.page).toMatchObject({ callback_url: webhookUrl(MESSENGER_WEBHOOK), fields: ['call_settings_update'] });
		expect(state.wabas[WABA].subscribedApps).toContain(APP_ID);
		expect(state.pages[PAGE].subscribedApps[APP_ID]).toContain('call_settings_update');
	});

	it('a WhatsApp calling settings change starts exactly one execution carrying the new settings', async () => {
		const before = (await allExecutions(WHATSAPP_WORKFLOW)).length;
		await graph('POST', `/${PHONE}/settings`, { calling: { callback_permission_status: 'ENABLED' } });
		const execution = await waitFor('the WhatsApp trigger execution', async () => {
			const executions = await allExecutions(WHATSAPP_WORKFLOW, true);
			return executions.length > before && executions[0].status === 'success' ? executions : undefined;
		});
		// A moment more, so a doubled delivery would show up.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const after = await allExecutions(WHATSAPP_WORKFLOW, true);
		expect(after.length - before).toBe(1);
		const items = triggerItems(execution[0], 'WhatsApp Calling Trigger');
		expect(items).toEqual([
			expect.objectContaining({
				field: 'account_settings_update',
				event: 'accountSettingsUpdate',
				entryId: WABA,
				phoneNumberId: PHONE,
				signatureVerified: true,
				calling: expect.objectContaining({ callback_permission_status: 'ENABLED', status: 'ENABLED' }),
			}),
		]);
		const deliveries = await e2e.sandbox<Array<{ callbackUrl: string; status: number }>>('GET', 'deliveries');
		expect(deliveries.filter((d) => d.callbackUrl === webhookUrl(WHATSAPP_WEBHOOK)).map((d) => d.status)).toEqual([200]);
	});

	it('a Page call hours change starts exactly one execution carrying the new hours', async () => {
		const before = (await allExecutions(MESSENGER_WORKFLOW)).length;
		const call_hours = { timezone_id: 'Europe/Berlin', weekly_operating_hours: [{ day_of_week: 'SATURDAY', open_time: '1000', close_time: '1400' }] };
		await graph('POST', `/${PAGE}/messenger_call_settings`, { call_hours });
		const executions = await waitFor('the Messenger trigger execution', async () => {
			const found = await allExecutions(MESSENGER_WORKFLOW, true);
			return found.length > before && found[0].status === 'success' ? found : undefined;
		});
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect((await allExecutions(MESSENGER_WORKFLOW)).length - before).toBe(1);
		expect(triggerItems(executions[0], 'Messenger Calling Trigger')).toEqual([
			expect.objectContaining({
				field: 'call_settings_update',
				event: 'callSettingsUpdate',
				pageId: PAGE,
				signatureVerified: true,
				callSettings: expect.objectContaining({ call_hours: call_hours }),
			}),
		]);
	});

	it('answers Meta\'s verification GET with the challenge, and the webhook ID (public, in the URL) or a wrong token with 403', async () => {
		const derived = verifyTokenFor({ configured: '', automatic: true, webhookId: WHATSAPP_WEBHOOK }, SANDBOX_APP_SECRET);
		const ok = await fetch(`${webhookUrl(WHATSAPP_WEBHOOK)}?hub.mode=subscribe&hub.verify_token=${derived}&hub.challenge=1234567`);
		expect([ok.status, await ok.text()]).toEqual([200, '1234567']);
		for (const [webhookId, token] of [[WHATSAPP_WEBHOOK, WHATSAPP_WEBHOOK], [MESSENGER_WEBHOOK, MESSENGER_WEBHOOK], [WHATSAPP_WEBHOOK, 'guess'], [ONCE_WORKFLOW.webhookId, ONCE_WORKFLOW.webhookId]]) {
			const bad = await fetch(`${webhookUrl(webhookId)}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=pwned`);
			expect([webhookId, token, bad.status]).toEqual([webhookId, token, 403]);
		}
		const typed = await fetch(`${webhookUrl(ONCE_WORKFLOW.webhookId)}?hub.mode=subscribe&hub.verify_token=${ONCE_WORKFLOW.verifyToken}&hub.challenge=42`);
		expect([typed.status, await typed.text()]).toEqual([200, '42']);
	});

	it('the same signed delivery sent twice: the action after Remove Duplicates (eventId) runs once', async () => {
		await expectOneActionPerEvent(e2e);
	}, 300000);

	it('a burst of 1,000 signed deliveries gives 1,000 executions, none lost or doubled; 100 tampered give none', async () => {
		await expectSignedBurst(e2e, { workflowId: WHATSAPP_WORKFLOW, webhookUrl: webhookUrl(WHATSAPP_WEBHOOK), label: 'e2e' });
	}, 900000);
});
