import { createHmac } from 'crypto';
import { loadavg } from 'os';

import type { E2eContext, Execution } from './context';

/**
 * Meta-style webhook deliveries to a calling trigger, and the burst check both e2e tiers run: N signed
 * deliveries give N executions, none lost or doubled; forged ones are refused with 401 and start none.
 * Used by test/e2e/triggers.e2e.test.ts (one regular-mode n8n) and test/e2e-queue/triggers.e2e.test.ts
 * (through the webhook processor, executions on the workers).
 */

export const SANDBOX_APP_SECRET = 'sandbox-app-secret';

/** The production URL of a trigger's webhook: `<base>/webhook/<webhookId>/webhook`. */
export function triggerWebhookUrl(e2e: Pick<E2eContext, 'n8nUrl' | 'webhookBaseUrl'>, webhookId: string): string {
	return `${e2e.webhookBaseUrl ?? e2e.n8nUrl}/webhook/${webhookId}/webhook`;
}

export function sign(body: string, secret = SANDBOX_APP_SECRET): string {
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
export async function inParallel<T>(count: number, parallel: number, work: (index: number) => Promise<T>): Promise<T[]> {
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

/** Every execution of a workflow (the public API pages by 250), newest first. */
export async function allExecutions(e2e: E2eContext, workflowId: string, includeData = false): Promise<Execution[]> {
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

export function triggerItems(execution: Execution, nodeName: string): any[] {
	return execution.data.resultData.runData[nodeName][0].data.main[0].map((item: { json: unknown }) => item.json);
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60000, intervalMs = 500): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

export interface BurstOptions {
	/** The WhatsApp Calling Trigger workflow and its webhook URL. */
	workflowId: string;
	webhookUrl: string;
	nodeName?: string;
	wabaId?: string;
	count?: number;
	forged?: number;
	/** Printed before the figures: "n8n 2.41.1", "queue mode". */
	label: string;
	/** Execution id -> who ran it (queue mode: the worker), printed as counts. */
	whoRan?: () => Map<string, string>;
}

/**
 * Posts `count` signed `account_settings_update` deliveries (10 at a time), then `forged` ones (half with
 * a signature of a changed body, half signed with another secret), and checks: every signed one 200, every
 * forged one 401, exactly `count` new executions, all successful, each delivery's marker exactly once.
 */
export async function expectSignedBurst(e2e: E2eContext, options: BurstOptions): Promise<void> {
	const { workflowId, webhookUrl, nodeName = 'WhatsApp Calling Trigger', wabaId = '2000000000000001', count = 1000, forged = 100 } = options;
	const before = new Set((await allExecutions(e2e, workflowId)).map((e) => e.id));
	const bodyFor = (marker: string, i: number) =>
		JSON.stringify({
			object: 'whatsapp_business_account',
			entry: [{ id: wabaId, time: 1767225600 + i, changes: [{ field: 'account_settings_update', value: { messaging_product: 'whatsapp', timestamp: 1767225600 + i, type: 'PHONE_NUMBER_SETTINGS', phone_number_settings: { phone_number_id: `${marker}-${i}`, calling: { status: 'ENABLED' } } } }] }],
		});

	const started = Date.now();
	const statuses = await inParallel(count, 10, (i) => {
		const body = bodyFor('burst', i);
		return postDelivery(webhookUrl, body, sign(body));
	});
	const postedMs = Date.now() - started;
	expect(statuses.filter((s) => s !== 200)).toEqual([]);

	const tampered = await inParallel(forged, 10, (i) => {
		const body = bodyFor('tampered', i);
		const signature = i % 2 === 0 ? sign(body.replace('ENABLED', 'DISABLED')) : sign(body, 'not-the-app-secret');
		return postDelivery(webhookUrl, body, signature);
	});
	expect(tampered.filter((s) => s !== 401)).toEqual([]);

	// Done when n8n has `count` new executions and none of them is still queued or running (or after 10 min).
	const settled = (e: Execution) => e.status !== 'new' && e.status !== 'running' && e.status !== 'waiting';
	let fresh: Execution[] = [];
	await waitFor(
		`${count} settled executions`,
		async () => {
			fresh = (await allExecutions(e2e, workflowId)).filter((e) => !before.has(e.id));
			return fresh.length >= count && fresh.every(settled) ? true : undefined;
		},
		600000,
		5000,
	).catch(() => undefined);
	const executedMs = Date.now() - started;
	const byStatus = fresh.reduce<Record<string, number>>((counts, e) => ({ ...counts, [e.status]: (counts[e.status] ?? 0) + 1 }), {});
	const runners = options.whoRan?.();
	const byRunner = runners
		? fresh.reduce<Record<string, number>>((counts, e) => {
				const runner = runners.get(e.id) ?? '?';
				return { ...counts, [runner]: (counts[runner] ?? 0) + 1 };
			}, {})
		: undefined;
	process.stdout.write(
		`\n[${options.label}] n8n ${e2e.n8nVersion} WhatsApp Calling Trigger burst: ${count} signed deliveries (10 at a time) answered in ` +
			`${(postedMs / 1000).toFixed(1)} s = ${Math.round(count / (postedMs / 1000))} deliveries/s; ` +
			`${fresh.length} executions ${JSON.stringify(byStatus)}${byRunner ? ` by runner ${JSON.stringify(byRunner)}` : ''} after ` +
			`${(executedMs / 1000).toFixed(1)} s = ${Math.round(fresh.length / (executedMs / 1000))} executions/s; ` +
			`${forged} forged -> ${tampered.filter((s) => s === 401).length} x 401 (machine load average ${loadavg()[0].toFixed(1)})\n`,
	);

	const withData = (await allExecutions(e2e, workflowId, true)).filter((e) => !before.has(e.id));
	// An execution n8n could not finish shows its error here (e.g. n8n's own database errors).
	expect(withData.filter((e) => e.status !== 'success').map((e) => `${e.status}: ${e.data?.resultData?.error?.message ?? ''}`)).toEqual([]);
	expect(fresh).toHaveLength(count);
	const markers = withData.flatMap((e) => triggerItems(e, nodeName).map((item) => item.phoneNumberId as string));
	const expected = Array.from({ length: count }, (_, i) => `burst-${i}`);
	expect(markers.filter((m) => !m.startsWith('burst-'))).toEqual([]);
	expect(new Set(markers).size).toBe(count);
	expect([...markers].sort()).toEqual([...expected].sort());
}

/** test/e2e/workflows/trigger-once.json: WhatsApp Calling Trigger → Remove Duplicates on `eventId` → Act once. */
export const ONCE_WORKFLOW = { workflowId: 'e2eWaTriggerOnce', webhookId: '7c0f3a55-5e5e-4d2a-8f1b-e2e0a1d0f511', verifyToken: 'e2e-once-verify-token' };

/** The executions of a workflow not in `before`, once `count` of them exist and all have finished. */
async function settledExecutions(e2e: E2eContext, workflowId: string, before: Set<string>, count: number): Promise<Execution[]> {
	return await waitFor(`${count} finished executions of ${workflowId}`, async () => {
		const fresh = (await allExecutions(e2e, workflowId, true)).filter((e) => !before.has(e.id));
		const finished = fresh.filter((e) => e.status !== 'new' && e.status !== 'running' && e.status !== 'waiting');
		return finished.length >= count ? fresh : undefined;
	}, 120000);
}

/**
 * One action per event (issue 19): the same signed delivery sent twice (as Meta's retries do) starts two
 * runs, and the action after Remove Duplicates ("Remove Items Processed in Previous Executions" on
 * `{{ $json.eventId }}`) runs in the first only; another change runs it again. Each delivery is sent once
 * the run of the previous one has finished, as Meta's retries come minutes apart.
 */
export async function expectOneActionPerEvent(e2e: E2eContext): Promise<void> {
	const url = triggerWebhookUrl(e2e, ONCE_WORKFLOW.webhookId);
	const marker = `once-${Date.now()}`;
	const bodyFor = (timestamp: number) =>
		JSON.stringify({
			object: 'whatsapp_business_account',
			entry: [{ id: '2000000000000001', changes: [{ field: 'account_settings_update', value: { messaging_product: 'whatsapp', timestamp, type: 'PHONE_NUMBER_SETTINGS', phone_number_settings: { phone_number_id: marker, calling: { status: 'DISABLED' } } } }] }],
		});
	const first = bodyFor(1767225600);
	const deliveries = [first, first, bodyFor(1767225601)];
	const before = new Set((await allExecutions(e2e, ONCE_WORKFLOW.workflowId)).map((e) => e.id));
	for (let i = 0; i < deliveries.length; i++) {
		expect(await postDelivery(url, deliveries[i], sign(deliveries[i]))).toBe(200);
		await settledExecutions(e2e, ONCE_WORKFLOW.workflowId, before, i + 1);
	}
	const runs = (await settledExecutions(e2e, ONCE_WORKFLOW.workflowId, before, deliveries.length)).reverse(); // oldest first
	expect(runs.map((run) => run.status)).toEqual(['success', 'success', 'success']);
	const eventIds = runs.map((run) => triggerItems(run, 'WhatsApp Calling Trigger')[0].eventId as string);
	expect(eventIds[0]).toMatch(/^[0-9a-f]{64}$/);
	expect(eventIds[1]).toBe(eventIds[0]);
	expect(eventIds[2]).not.toBe(eventIds[0]);
	const actedOn = runs.map((run) => run.data.resultData.runData['Act once']?.[0]?.data?.main?.[0]?.length ?? 0);
	expect(actedOn).toEqual([1, 0, 1]);
}
