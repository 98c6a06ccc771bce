import { DEMO } from '../../tools/sandbox';
import { accountSettingsUpdate } from '../../tools/sandbox/webhooks/payloads';
import { signatureHeaders } from '../../tools/sandbox/webhooks/sign';
import { sandboxControl } from '../../tools/sandbox/controlClient';
import { demoState } from '../../tools/sandbox/seed';

/** The HTTP calls the benchmark makes: n8n's webhooks (timed) and the sandbox's control API. */

export interface WebhookRun {
	status: number;
	wallSeconds: number;
	/** The items of the last node (responseMode lastNode, allEntries); undefined when the answer was not a list. */
	items?: Array<Record<string, unknown>>;
	text: string;
}

const LONG_CALL_MS = 600_000;

/** POSTs a JSON body to a production webhook and times it from the first byte sent to the last received. */
export async function runWebhook(n8nUrl: string, path: string, body: unknown, timeoutMs = LONG_CALL_MS): Promise<WebhookRun> {
	const payload = JSON.stringify(body);
	const started = process.hrtime.bigint();
	const response = await fetch(`${n8nUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: payload,
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await response.text();
	const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	let items: WebhookRun['items'];
	try {
		const parsed: unknown = JSON.parse(text);
		if (Array.isArray(parsed)) items = parsed as WebhookRun['items'];
	} catch {
		items = undefined;
	}
	return { status: response.status, wallSeconds, items, text };
}

/** n8n answers 404 for a moment after readiness while it registers the active workflows' webhooks. */
export async function waitForWebhook(n8nUrl: string, path: string, body: unknown, timeoutMs = 60_000): Promise<WebhookRun> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const run = await runWebhook(n8nUrl, path, body);
		if (run.status !== 404 || Date.now() > deadline) return run;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** The sandbox's control API with the bench's limit of 60 s per call (its calls run while n8n keeps both cores busy). */
export function benchSandboxControl<T = unknown>(sandboxUrl: string, method: string, path: string, body?: unknown): Promise<T> {
	return sandboxControl<T>(sandboxUrl, method, path, body, 60_000);
}

/** A delivery as Meta sends it: exact bytes plus their X-Hub-Signature-256 (and the legacy SHA-1 header). */
export interface SignedDelivery {
	body: string;
	headers: Record<string, string>;
}

/**
 * `count` single-change account_settings_update deliveries about the bulk numbers, built and signed with
 * the sandbox's own payload and signing code, so the bytes are what the sandbox (standing in for Meta) sends.
 */
export function signedDeliveries(count: number, bulkNumbers: number): SignedDelivery[] {
	const state = demoState({ bulkPhoneNumbers: bulkNumbers });
	const phones = Object.values(state.phoneNumbers).filter((p) => p.id.startsWith('31'));
	const now = Math.floor(Date.now() / 1000);
	return Array.from({ length: count }, (_, i) => {
		const event = accountSettingsUpdate(phones[i % phones.length], {}, now + i);
		const body = JSON.stringify(event.body);
		return { body, headers: { 'content-type': 'application/json', ...signatureHeaders(DEMO.appSecret, body) } };
	});
}

export interface DeliveryRun {
	wallSeconds: number;
	/** Deliveries answered 200. */
	accepted: number;
	/** Status -> count, for anything that was not 200. */
	refused: Record<string, number>;
}

/** Sends the deliveries `inFlight` at a time (as Meta does, several at once) and times the whole lot. */
export async function deliverAll(url: string, deliveries: SignedDelivery[], inFlight: number): Promise<DeliveryRun> {
	let next = 0;
	let accepted = 0;
	const refused: Record<string, number> = {};
	async function lane(): Promise<void> {
		while (next < deliveries.length) {
			const delivery = deliveries[next++];
			try {
				const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body, signal: AbortSignal.timeout(60_000) });
				await response.arrayBuffer();
				if (response.status === 200) accepted++;
				else refused[response.status] = (refused[response.status] ?? 0) + 1;
			} catch (error) {
				const key = (error as Error).name;
				refused[key] = (refused[key] ?? 0) + 1;
			}
		}
	}
	const started = process.hrtime.bigint();
	await Promise.all(Array.from({ length: inFlight }, () => lane()));
	return { wallSeconds: Number(process.hrtime.bigint() - started) / 1e9, accepted, refused };
}
