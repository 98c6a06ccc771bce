import type { ICredentialsDecrypted, IDataObject, IHttpRequestOptions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { readConnection, type Connection } from './connection';
import { sendAuthenticated, type RawAnswer } from './http';
import {
	ambiguousOutcomeError,
	metaApiError,
	networkError,
	readMetaError,
	unreadableAnswerError,
	type ErrorContext,
} from './metaError';
import {
	classifyAnswer,
	DEFAULT_BACKOFF,
	HIGH_USAGE_PERCENT,
	nextWaitMs,
	parseRetryAfterMs,
	parseUsageHeaders,
	provesNotProcessed,
	type AnswerFacts,
	type AnswerKind,
} from './rateLimit';
import { RequestThrottle, type CongestionSignal } from './throttle';
import type { GraphClient, GraphClientOptions, GraphContext, GraphRequest, GraphRequestPreview } from './types';

// The node folders import the types from here too.
export type { GraphClient, GraphClientOptions, GraphContext, GraphRequest, GraphRequestPreview } from './types';

/** A request with `sendBy` could not leave in time; nothing was sent. */
export class StaleReadError extends Error {
	constructor() {
		super('the request could not leave before its send-by time; nothing was sent');
		this.name = 'StaleReadError';
	}
}

/** A request whose `mayLeave` said no; nothing was sent. */
export class WithdrawnError extends Error {
	constructor() {
		super('the request was withdrawn before it left; nothing was sent');
		this.name = 'WithdrawnError';
	}
}

export const DEFAULT_MAX_TOTAL_WAIT_MS = 60_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const SENT_PROBABLY = 'Meta accepted the request (HTTP 2xx), so it was probably carried out; do not simply run it again.';

function normalisePath(path: string): string {
	return path.startsWith('/') ? path : `/${path}`;
}

/** The request as it would leave; the token travels in a header added later, so nothing here is secret. */
function previewOf(connection: Connection, req: GraphRequest): GraphRequestPreview {
	const preview: GraphRequestPreview = { method: req.method, url: connection.shownApiRoot + normalisePath(req.path) };
	if (req.qs && Object.keys(req.qs).length > 0) preview.qs = { ...req.qs };
	if (req.body && req.method !== 'GET') preview.body = req.body;
	return preview;
}

function factsOf(answer: RawAnswer): AnswerFacts {
	if (!answer.received) return { networkErrorCode: answer.networkCode };
	const envelope = readMetaError(answer.body);
	return { statusCode: answer.statusCode, errorCode: envelope?.code, isTransient: envelope?.is_transient };
}

/** Axios hands a body that is not JSON back as text; a JSON text body is parsed here. */
function parsedBody(body: unknown): { ok: true; value: unknown } | { ok: false; text: string } {
	if (typeof body !== 'string') return { ok: true, value: body };
	if (body.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(body) as unknown };
	} catch {
		return { ok: false, text: body };
	}
}

function signalOf(kind: AnswerKind, usagePercent: number | undefined): CongestionSignal {
	if (kind === 'rateLimit') return 'limited';
	if (usagePercent !== undefined && usagePercent > HIGH_USAGE_PERCENT) return 'highUsage';
	return kind === 'success' ? 'clean' : 'neutral';
}

export async function createGraphClient(
	ctx: GraphContext,
	options: GraphClientOptions = {},
): Promise<GraphClient> {
	const connection = await readConnection(ctx);
	const throttle = new RequestThrottle(options.concurrency ?? 'auto');
	const maxTotalWaitMs = Math.max(0, options.maxTotalWaitMs ?? DEFAULT_MAX_TOTAL_WAIT_MS);
	const backoff = options.backoff ?? DEFAULT_BACKOFF;
	const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const random = options.random ?? Math.random;

	const errorContext = (statusCode?: number, note?: string, path?: string): ErrorContext => ({
		node: ctx.getNode(),
		secrets: connection.secrets,
		statusCode,
		note,
		path,
	});

	/** The credential marked for the app token; app-level calls need App ID and App Secret. */
	function appCredential(): ICredentialsDecrypted {
		if (connection.app) return connection.app;
		throw new NodeOperationError(
			ctx.getNode(),
			'App ID and App Secret: both are required in the Meta Calling API credential for this call',
			{ description: 'Webhook subscriptions are managed with the app token (App ID|App Secret), not with the access token.' },
		);
	}

	/** Never throws: every failure comes back as a RawAnswer for the retry logic to judge. */
	async function sendOnce(req: GraphRequest, credential: ICredentialsDecrypted): Promise<RawAnswer> {
		const httpOptions: IHttpRequestOptions = {
			method: req.method,
			url: connection.apiRoot + normalisePath(req.path),
			qs: req.qs,
			timeout,
		};
		if (req.body && req.method !== 'GET') httpOptions.body = req.body;
		return await sendAuthenticated(ctx, httpOptions, credential);
	}

	/** The error a failed answer stands for, with secrets removed. */
	function errorOf(answer: RawAnswer, path: string, note?: string): NodeApiError {
		if (!answer.received) return networkError(answer.networkCode, connection.host, errorContext(undefined, note), answer.detail);
		const body = parsedBody(answer.body);
		const envelope = body.ok ? readMetaError(body.value) : undefined;
		if (envelope) return metaApiError(envelope, errorContext(answer.statusCode, note, path));
		return unreadableAnswerError(
			answer.statusCode,
			body.ok ? JSON.stringify(body.value ?? '') : body.text,
			errorContext(answer.statusCode, note),
		);
	}

	function gaveUpNote(waitedMs: number): string {
		return `Gave up after waiting ${Math.round(waitedMs / 100) / 10} s in total (Max Wait: ${maxTotalWaitMs / 1000} s).`;
	}

	/** What one answer means: its class, its usage report and, when it is readable, its value. */
	function evaluate(answer: RawAnswer) {
		const facts = factsOf(answer);
		let kind = classifyAnswer(facts);
		const usage = answer.received ? parseUsageHeaders(answer.headers) : {};
		const body = answer.received ? parsedBody(answer.body) : undefined;
		// A 2xx whose body cannot be read is not a success we can hand on.
		if (kind === 'success' && body && !body.ok) kind = 'failure';
		return { facts, kind, usage, value: body?.ok ? body.value : undefined };
	}

	async function request<T>(req: GraphRequest): Promise<T> {
		const repeatable = req.repeatable !== false;
		// Checked before a slot is taken: a credential without app fields fails here, holding nothing.
		const credential = req.auth === 'app' ? appCredential() : connection.user;
		let waitedMs = 0;
		let transientRetries = 0;
		// A write whose answer was lost may have been applied: if it then fails for good, the item must say so.
		let mayHaveApplied = false;
		const finalError = (error: NodeApiError, statusCode?: number) =>
			mayHaveApplied ? ambiguousOutcomeError(error, errorContext(statusCode), true) : error;
		for (;;) {
			const ticket = await throttle.acquire(req.sendBy !== undefined);
			// The slot is held during the shared pause, so when it ends only a window's worth goes out.
			const pause = Math.min(throttle.pauseRemainingMs(), Math.max(0, maxTotalWaitMs - waitedMs));
			if (pause > 0) await sleep(pause);
			waitedMs += pause;
			// Under a millisecond it is not worth a timer: the debt stays in the throttle's schedule.
			const pace = throttle.paceMs();
			if (pace >= 1) await sleep(pace);
			if (req.sendBy !== undefined && Date.now() > req.sendBy) {
				throttle.release(ticket, 'neutral');
				throw new StaleReadError();
			}
			if (req.mayLeave && !req.mayLeave()) {
				throttle.release(ticket, 'neutral');
				throw new WithdrawnError();
			}
			const sentAt = Date.now();
			const answer = await sendOnce(req, credential);
			if (answer.received) throttle.recordRoundTrip(Date.now() - sentAt);
			const { facts, kind, usage, value } = evaluate(answer);
			throttle.release(ticket, signalOf(kind, usage.maxPercent), usage.maxPercent);

			if (kind === 'success') return value as T;
			if (kind === 'failure') {
				throw finalError(errorOf(answer, req.path, repeatable || !answer.received || answer.statusCode >= 300 ? undefined : SENT_PROBABLY), facts.statusCode);
			}
			if (!repeatable && !provesNotProcessed(facts)) {
				throw ambiguousOutcomeError(errorOf(answer, req.path), errorContext(facts.statusCode));
			}
			if (req.method !== 'GET' && !provesNotProcessed(facts)) mayHaveApplied = true;

			const remaining = maxTotalWaitMs - waitedMs;
			if (kind === 'rateLimit') {
				const hint = usage.regainAccessMs ?? (answer.received ? parseRetryAfterMs(answer.headers) : undefined);
				const wait = nextWaitMs(throttle.consecutivePauses, backoff, random(), hint, remaining);
				if (wait === undefined) throw finalError(errorOf(answer, req.path, gaveUpNote(waitedMs)), facts.statusCode);
				// Joins the pause another request opened first, if any; the next turn of the loop waits for it.
				throttle.openPause(ticket, wait);
				if (throttle.pauseRemainingMs() > remaining) throw finalError(errorOf(answer, req.path, gaveUpNote(waitedMs)), facts.statusCode);
				continue;
			}
			const wait = nextWaitMs(transientRetries++, backoff, random(), undefined, remaining);
			if (wait === undefined) throw finalError(errorOf(answer, req.path, gaveUpNote(waitedMs)), facts.statusCode);
			await sleep(wait);
			waitedMs += wait;
		}
	}

	async function inspectToken(): Promise<IDataObject> {
		const token = String(connection.user.data?.accessToken ?? '').trim();
		return await request<IDataObject>({ method: 'GET', path: '/debug_token', qs: { input_token: token } });
	}

	return {
		apiRoot: connection.apiRoot,
		businessAccountId: connection.businessAccountId,
		request,
		inspectToken,
		describe: (req) => previewOf(connection, req),
		windowLimit: () => throttle.limit,
	};
}
