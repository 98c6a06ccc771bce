import { createHmac, timingSafeEqual } from 'crypto';
import http, { type IncomingHttpHeaders } from 'http';
import type { AddressInfo } from 'net';
import { DEMO, type Sandbox } from '../../../tools/sandbox';

/** Plain HTTP helpers for the sandbox's own tests (real requests to 127.0.0.1, Node's fetch). */

export interface GraphResult {
	status: number;
	headers: Headers;
	body: any;
}

export interface GraphCall {
	query?: Record<string, string>;
	body?: unknown;
	/** Send the body form-encoded (values that are objects as JSON strings), as some Graph clients do. */
	form?: boolean;
	/** Default: the demo token; null sends no token. */
	token?: string | null;
	version?: string | null;
}

export async function graph(sandbox: Sandbox, method: string, path: string, call: GraphCall = {}): Promise<GraphResult> {
	const version = call.version === undefined ? 'v26.0' : call.version;
	const url = new URL(`${sandbox.url}${version ? `/${version}` : ''}${path}`);
	for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
	const headers: Record<string, string> = {};
	const token = call.token === undefined ? DEMO.accessToken : call.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	let body: string | undefined;
	if (call.body !== undefined && call.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		const form = new URLSearchParams();
		for (const [key, value] of Object.entries(call.body as Record<string, unknown>)) {
			form.set(key, typeof value === 'string' ? value : JSON.stringify(value));
		}
		body = form.toString();
	} else if (call.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(call.body);
	}
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// left as text: malformed-body faults and HTML 5xx pages are asserted as text
	}
	return { status: response.status, headers: response.headers, body: parsed };
}

/** Asserts Meta's envelope and returns its `error` for further checks. */
export function expectMetaError(result: GraphResult, code: number): any {
	expect(result.status).toBeGreaterThanOrEqual(400);
	const error = result.body?.error;
	expect(error).toEqual(
		expect.objectContaining({ message: expect.any(String), type: expect.any(String), code, is_transient: expect.any(Boolean) }),
	);
	expect(error.fbtrace_id).toMatch(/^[A-Za-z0-9_-]{8,}$/);
	return error;
}

/** Asserts error 100 naming the rule in error_data.details and error_user_msg. */
export function expectRule(result: GraphResult, rule: string): void {
	const error = expectMetaError(result, 100);
	expect(error.type).toBe('OAuthException');
	expect(error.error_data).toEqual({ details: rule });
	expect(error.error_user_msg).toBe(rule);
}

export async function control(sandbox: Sandbox, method: string, route: string, body?: unknown): Promise<GraphResult> {
	const response = await fetch(`${sandbox.url}/__sandbox/${route}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, headers: response.headers, body: await response.json() };
}

export interface ReceivedWebhook {
	headers: IncomingHttpHeaders;
	raw: string;
	body: any;
	/** X-Hub-Signature-256 checked in constant time over the raw bytes with the app secret. */
	signatureValid: boolean;
}

export interface Receiver {
	url: string;
	received: ReceivedWebhook[];
	verifications: Array<Record<string, string>>;
	/** Status answered to deliveries (e.g. 500 to make the sandbox retry). */
	deliveryStatus: number;
	/** When false, verification answers a wrong challenge. */
	answerChallenge: boolean;
	close(): Promise<void>;
}

export function validSignature(appSecret: string, raw: string, header: string | undefined): boolean {
	if (!header?.startsWith('sha256=')) return false;
	const expected = Buffer.from(createHmac('sha256', appSecret).update(raw).digest('hex'));
	const given = Buffer.from(header.slice('sha256='.length));
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A small webhook endpoint like the triggers': answers hub verification and records signed POSTs. */
export async function startReceiver(verifyToken = 'verify-me', appSecret: string = DEMO.appSecret): Promise<Receiver> {
	const receiver: Receiver = {
		url: '',
		received: [],
		verifications: [],
		deliveryStatus: 200,
		answerChallenge: true,
		close: async () => undefined,
	};
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://receiver');
			if (req.method === 'GET') {
				const query = Object.fromEntries(url.searchParams);
				receiver.verifications.push(query);
				const tokenOk = query['hub.verify_token'] === verifyToken && query['hub.mode'] === 'subscribe';
				res.writeHead(tokenOk ? 200 : 403, { 'Content-Type': 'text/plain' });
				res.end(tokenOk ? (receiver.answerChallenge ? query['hub.challenge'] : 'wrong') : 'forbidden');
				return;
			}
			const raw = Buffer.concat(chunks).toString('utf8');
			const signature = req.headers['x-hub-signature-256'];
			receiver.received.push({
				headers: req.headers,
				raw,
				body: JSON.parse(raw),
				signatureValid: validSignature(appSecret, raw, typeof signature === 'string' ? signature : undefined),
			});
			res.writeHead(receiver.deliveryStatus);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	receiver.close = () =>
		new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	return receiver;
}

/** A callback URL nothing listens on (port 9, discard): connection refused at once. */
export const DEAD_CALLBACK = 'http://127.0.0.1:9/webhook';
