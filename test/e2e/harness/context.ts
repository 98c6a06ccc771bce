import { readFileSync } from 'fs';

import { N8nRest } from '../../../tools/n8n/n8nRest';
import { runDirFor, stackInfoFile, type StackInfo } from '../../../tools/n8n/stack';
import { SANDBOX_CREDENTIAL_ID, SANDBOX_CREDENTIAL_NAME } from '../../../tools/n8n/userFolder';
import { sandboxControl } from '../../../tools/sandbox/controlClient';

/**
 * What an e2e test file uses. The stack (sandbox + n8n with every workflow active) is started once per
 * jest run by globalSetup.ts; this module reads what it wrote and offers the calls tests need.
 *
 *   const e2e = e2eContext();
 *   const answer = await e2e.callWebhook('e2e-whatsapp-get', { phoneNumberId: '3000000000000001' });
 *   const executions = await e2e.executions({ workflowId: 'e2eWhatsAppGet01' });
 */
export interface WebhookAnswer {
	status: number;
	body: any;
	text: string;
}

export interface Execution {
	id: string;
	workflowId: string;
	status: string;
	finished: boolean;
	mode: string;
	startedAt: string;
	stoppedAt: string | null;
	/** With includeData: n8n's run data (`resultData.runData[nodeName][runIndex].data.main[0]`, `resultData.error`). */
	data?: any;
}

export interface E2eContext extends StackInfo {
	credentialId: string;
	credentialName: string;
	rest: N8nRest;
	/**
	 * POSTs JSON to a production webhook (`/webhook/<path>`). n8n answers 404 for a moment after it is
	 * ready while it registers the active workflows' webhooks: 404 is retried for up to `waitMs`.
	 */
	callWebhook(path: string, body?: unknown, options?: { method?: string; waitMs?: number }): Promise<WebhookAnswer>;
	/** Executions from n8n's public API, newest first. */
	executions(filter?: { workflowId?: string; status?: string; includeData?: boolean; limit?: number }): Promise<Execution[]>;
	/** Polls executions until `predicate` holds for one of them (e.g. a trigger fired by a sandbox webhook). */
	waitForExecution(
		filter: { workflowId: string; includeData?: boolean },
		predicate?: (execution: Execution) => boolean,
		timeoutMs?: number,
	): Promise<Execution>;
	/** The sandbox's control API (`/__sandbox/<path>`): state, reset, config, faults, emit, requests, deliveries, messages. */
	sandbox<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	/** n8n's log so far (the process still runs). */
	n8nLogText(): string;
}

let cached: E2eContext | undefined;

export function e2eContext(): E2eContext {
	if (cached) return cached;
	const file = process.env.META_CALLING_E2E_STACK ?? stackInfoFile(runDirFor(process.env.N8N_LINE ?? '2'));
	const info = JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
	const rest = new N8nRest(info.n8nUrl, { cookie: info.ownerCookie, apiKey: info.apiKey });
	cached = {
		...info,
		credentialId: SANDBOX_CREDENTIAL_ID,
		credentialName: SANDBOX_CREDENTIAL_NAME,
		rest,
		callWebhook: (path, body, options) => callWebhook(info.webhookBaseUrl ?? info.n8nUrl, path, body, options),
		executions: (filter) => listExecutions(rest, filter),
		waitForExecution: (filter, predicate, timeoutMs) => waitForExecution(rest, filter, predicate, timeoutMs),
		sandbox: (method, path, body) => sandboxControl(info.sandboxUrl, method, path, body),
		n8nLogText: () => readFileSync(info.n8nLog, 'utf8'),
	};
	return cached;
}

async function callWebhook(
	n8nUrl: string,
	path: string,
	body: unknown,
	{ method = 'POST', waitMs = 30000 }: { method?: string; waitMs?: number } = {},
): Promise<WebhookAnswer> {
	const deadline = Date.now() + waitMs;
	const url = `${n8nUrl}/webhook/${path.replace(/^\/+/, '')}`;
	for (;;) {
		const response = await fetch(url, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(120000),
		});
		const text = await response.text();
		if (response.status !== 404 || Date.now() >= deadline) {
			let parsed: any = undefined;
			try {
				parsed = text ? JSON.parse(text) : undefined;
			} catch {
				parsed = undefined;
			}
			return { status: response.status, body: parsed, text };
		}
		await new Promise((r) => setTimeout(r, 500));
	}
}

async function listExecutions(
	rest: N8nRest,
	{ workflowId, status, includeData = false, limit = 100 }: { workflowId?: string; status?: string; includeData?: boolean; limit?: number } = {},
): Promise<Execution[]> {
	const query = new URLSearchParams({ includeData: String(includeData), limit: String(limit) });
	if (workflowId) query.set('workflowId', workflowId);
	if (status) query.set('status', status);
	const answer = await rest.publicApi<{ data: Execution[] }>('GET', `/executions?${query}`);
	if (answer.status !== 200) throw new Error(`GET /api/v1/executions answered ${answer.status}: ${answer.text.slice(0, 300)}`);
	return answer.body.data;
}

async function waitForExecution(
	rest: N8nRest,
	filter: { workflowId: string; includeData?: boolean },
	predicate: (execution: Execution) => boolean = (e) => e.finished || e.status === 'error' || e.status === 'success',
	timeoutMs = 30000,
): Promise<Execution> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = (await listExecutions(rest, filter)).find(predicate);
		if (found) return found;
		if (Date.now() >= deadline) throw new Error(`no execution of ${filter.workflowId} matched within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 500));
	}
}
