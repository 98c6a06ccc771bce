import { createHmac } from 'crypto';
import { loadavg } from 'os';

import { e2eContext, type Execution } from './harness/context';

/**
 * Both calling triggers inside real n8n (workflows test/e2e/workflows/trigger-*.json): activation
 * subscribes the app at the sandbox (which verifies the callback like Meta), a settings change makes the
 * sandbox send its signed webhook, and exactly one execution carries the new settings. Then a burst:
 * 1,000 signed deliveries give 1,000 executions, none lost or doubled; 100 tampered ones give none.
 */

const WHATSAPP_WORKFLOW = 'e2eWaCallTrigger';
const MESSENGER_WORKFLOW = 'e2eMsCallTrigger';
const WHATSAPP_WEBHOOK = '7c0f3a55-5e5e-4d2a-8f1b-e2e0a1d0f501';
const MESSENGER_WEBHOOK = '7c0f3a55-5e5e-4d2a-8f1b-e2e0a1d0f502';
const APP_ID = '1000000000000001';
const APP_SECRET = 'sandbox-app-secret';
const WABA = '2000000000000001';
const PHONE = '3000000000000001';
const PAGE = '4000000000000001';

const e2e = e2eContext();

function webhookUrl(webhookId: string): string {
	return `${e2e.n8nUrl}/webhook/${webhookId}/webhook`;
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

/** Every execution of a workflow (the public API pages by 250), newest first. */
async function allExecutions(workflowId: string, includeData = false): Promise<Execution[]> {
	const found: Execution[] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ workflowId, includeData: String(includeData), limit: '250' });
		if (cursor) query.set('cursor', cursor);
		const answer = await e2e.rest.publicApi<{ data: Execution[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
		if (answer.status !== 200) throw new Error(`executions answered ${answer.status}: ${answer.text.slice(0, 300)}`);
		found.push(...answer.body.data);
		cursor = answer.body.nextCursor ?? undefined;
	} while (cursor);
	return found;
}

function triggerItems(execution: Execution, nodeName: string): any[] {
	return execution.data.resultData.runData[nodeName][0].data.main[0].map((item: { json: unknown }) => item.json);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60000, intervalMs = 500): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

function sign(body: string, secret = APP_SECRET): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function postDelivery(url: string, body: string, signature: string): Promise<number> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
		body,
		signal: AbortSignal.timeout(30000),
	});
	await response.arrayBuffer();
	return response.status;
}

/** Runs `work` for 0..count-1 with at most `parallel` at once, like Meta's delivery workers. */
async function inParallel<T>(count: number, parallel: number, work: (index: number) => Promise<T>): Promise<T[]> {
	const results: T[] = new Array(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < count) {
				const index = next++;
				results[index] = await work(index);
			}
		}),
	);
	return results;
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
			verify_token: WHATSAPP_WEBHOOK,
			fields: ['account_settings_update', 'account_update'],
		});
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

	it('answers Meta\'s verification GET with the challenge, and a wrong token with 403', async () => {
		const ok = await fetch(`${webhookUrl(WHATSAPP_WEBHOOK)}?hub.mode=subscribe&hub.verify_token=${WHATSAPP_WEBHOOK}&hub.challenge=1234567`);
		expect([ok.status, await ok.text()]).toEqual([200, '1234567']);
		const bad = await fetch(`${webhookUrl(WHATSAPP_WEBHOOK)}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`);
		expect(bad.status).toBe(403);
	});

	it('a burst of 1,000 signed deliveries gives 1,000 executions, none lost or doubled; 100 tampered give none', async () => {
		const before = new Set((await allExecutions(WHATSAPP_WORKFLOW)).map((e) => e.id));
		const count = 1000;
		const bodyFor = (marker: string, i: number) =>
			JSON.stringify({
				object: 'whatsapp_business_account',
				entry: [{ id: WABA, time: 1767225600 + i, changes: [{ field: 'account_settings_update', value: { messaging_product: 'whatsapp', timestamp: 1767225600 + i, type: 'PHONE_NUMBER_SETTINGS', phone_number_settings: { phone_number_id: `${marker}-${i}`, calling: { status: 'ENABLED' } } } }] }],
			});

		const started = Date.now();
		const statuses = await inParallel(count, 10, (i) => {
			const body = bodyFor('burst', i);
			return postDelivery(webhookUrl(WHATSAPP_WEBHOOK), body, sign(body));
		});
		const postedMs = Date.now() - started;
		expect(statuses.filter((s) => s !== 200)).toEqual([]);

		const tampered = await inParallel(100, 10, (i) => {
			const body = bodyFor('tampered', i);
			const signature = i % 2 === 0 ? sign(body.replace('ENABLED', 'DISABLED')) : sign(body, 'not-the-app-secret');
			return postDelivery(webhookUrl(WHATSAPP_WEBHOOK), body, signature);
		});
		expect(tampered.filter((s) => s !== 401)).toEqual([]);

		// Done when n8n has 1,000 new executions and none of them is still queued or running (or after 10 min).
		const settled = (e: Execution) => e.status !== 'new' && e.status !== 'running' && e.status !== 'waiting';
		let fresh: Execution[] = [];
		await waitFor(
			'1,000 settled executions',
			async () => {
				fresh = (await allExecutions(WHATSAPP_WORKFLOW)).filter((e) => !before.has(e.id));
				return fresh.length >= count && fresh.every(settled) ? true : undefined;
			},
			600000,
			5000,
		).catch(() => undefined);
		const byStatus = fresh.reduce<Record<string, number>>((counts, e) => ({ ...counts, [e.status]: (counts[e.status] ?? 0) + 1 }), {});
		process.stdout.write(`\n[e2e] n8n ${e2e.n8nVersion} burst executions by status: ${JSON.stringify(byStatus)}\n`);
		const executedMs = Date.now() - started;
		const withData = (await allExecutions(WHATSAPP_WORKFLOW, true)).filter((e) => !before.has(e.id));
		// An execution n8n could not finish shows its error here (e.g. n8n's own database errors).
		expect(withData.filter((e) => e.status !== 'success').map((e) => `${e.status}: ${e.data?.resultData?.error?.message ?? ''}`)).toEqual([]);
		expect(fresh).toHaveLength(count);
		const markers = withData.flatMap((e) => triggerItems(e, 'WhatsApp Calling Trigger').map((item) => item.phoneNumberId as string));
		const expected = Array.from({ length: count }, (_, i) => `burst-${i}`);
		expect(markers.filter((m) => !m.startsWith('burst-'))).toEqual([]);
		expect(new Set(markers).size).toBe(count);
		expect([...markers].sort()).toEqual([...expected].sort());

		process.stdout.write(
			`\n[e2e] n8n ${e2e.n8nVersion} WhatsApp Calling Trigger burst: ${count} signed deliveries (10 at a time) answered in ` +
				`${(postedMs / 1000).toFixed(1)} s = ${Math.round(count / (postedMs / 1000))} deliveries/s; ` +
				`${count} executions finished after ${(executedMs / 1000).toFixed(1)} s = ${Math.round(count / (executedMs / 1000))} executions/s; ` +
				`100 tampered -> 100 x 401, 0 executions (machine load average ${loadavg()[0].toFixed(1)})\n`,
		);
	}, 900000);
});
