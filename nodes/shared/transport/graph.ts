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
	type BackoffSettings,
	type UsageReport,
} from './rateLimit';
import { RequestThrottle, type CongestionSignal, type Ticket } from './throttle';
import type { GraphClient, GraphClientOptions, GraphContext, GraphRequest, GraphRequestPreview } from './types';

// The node folders import the types from here too.
export type { GraphClient, GraphClientOptions, GraphContext, GraphRequest, GraphRequestPreview } from './types';

/**
 * What a caller checks right before each attempt of a request leaves: `beforeSend` throws the caller's own
 * error to stop it (nothing is sent). `urgent`: its requests take the next free window slot first.
 */
export interface SendGuard {
	beforeSend(req: GraphRequest): void;
	urgent?: boolean;
}

/**
 * The client with `guard` on every request, the one way requests get a guard. Two callers use it: the item
 * loop withdraws an item's requests once another item failed (execution/runItems.ts), and a
 * read-modify-write stops a write whose read went stale (execution/accountUpdate.ts). Guards compose: on
 * a guarded client's guarded client, the guard added last runs first, and the first that throws stops it.
 */
export function guarded(graph: GraphClient, guard: SendGuard): GraphClient {
	const request = async <T>(req: GraphRequest): Promise<T> =>
		await graph.request<T>({
			...req,
			urgent: req.urgent || guard.urgent,
			beforeSend: () => {
				req.beforeSend?.();
				guard.beforeSend(req);
			},
		});
	return { ...graph, request };
}

const DEFAULT_MAX_TOTAL_WAIT_MS = 60_000;
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

/** What every request of one client shares: where it goes, the throttle, and the retry settings. */
interface Client {
	ctx: GraphContext;
	connection: Connection;
	throttle: RequestThrottle;
	maxTotalWaitMs: number;
	backoff: BackoffSettings;
	timeout: number;
	random: () => number;
}

/** One request's course over its attempts: what the next decision depends on. */
interface Course {
	req: GraphRequest;
	waitedMs: number;
	transientRetries: number;
	/** A write whose answer was lost may have been applied: if it then fails for good, the item must say so. */
	mayHaveApplied: boolean;
}

/** One attempt's answer, what it means, and the window slot it was sent with (a rate limit pauses on it). */
interface Attempt {
	answer: RawAnswer;
	ticket: Ticket;
	facts: AnswerFacts;
	kind: AnswerKind;
	usage: UsageReport;
	/** The parsed body, when it is readable. */
	value: unknown;
}

export async function createGraphClient(ctx: GraphContext, options: GraphClientOptions = {}): Promise<GraphClient> {
	const connection = await readConnection(ctx);
	const client: Client = {
		ctx,
		connection,
		throttle: new RequestThrottle(options.concurrency ?? 'auto'),
		maxTotalWaitMs: Math.max(0, options.maxTotalWaitMs ?? DEFAULT_MAX_TOTAL_WAIT_MS),
		backoff: options.backoff ?? DEFAULT_BACKOFF,
		timeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
		random: options.random ?? Math.random,
	};
	const request = async <T>(req: GraphRequest): Promise<T> => (await sendWithRetries(client, req)) as T;
	return {
		apiRoot: connection.apiRoot,
		businessAccountId: connection.businessAccountId,
		request,
		inspectToken: async () => {
			const token = String(connection.user.data?.accessToken ?? '').trim();
			return await request<IDataObject>({ method: 'GET', path: '/debug_token', qs: { input_token: token } });
		},
		describe: (req) => previewOf(connection, req),
		windowLimit: () => client.throttle.limit,
	};
}

/** Attempts the request until one answer settles it: Meta's value, or an error that is final. */
async function sendWithRetries(client: Client, req: GraphRequest): Promise<unknown> {
	// Checked before a slot is taken: a credential without app fields fails here, holding nothing.
	const credential = req.auth === 'app' ? appCredential(client) : client.connection.user;
	const course: Course = { req, waitedMs: 0, transientRetries: 0, mayHaveApplied: false };
	for (;;) {
		const attempt = await attemptOnce(client, course, credential);
		if (attempt.kind === 'success') return attempt.value;
		throwIfFinal(client, course, attempt);
		if (req.method !== 'GET' && !provesNotProcessed(attempt.facts)) course.mayHaveApplied = true;
		const backoffMs = retryWaitMs(client, course, attempt);
		// Without a backoff (a rate limit) the next attempt waits out the shared pause, holding its slot.
		if (backoffMs !== undefined) {
			await sleep(backoffMs);
			course.waitedMs += backoffMs;
		}
	}
}

/** Waits for a window slot, the shared pause and the pacing, passes the guard, sends once, gives the slot back. */
async function attemptOnce(client: Client, course: Course, credential: ICredentialsDecrypted): Promise<Attempt> {
	const { throttle } = client;
	const { req } = course;
	const ticket = await throttle.acquire(req.urgent === true);
	// The slot is held during the shared pause, so when it ends only a window's worth goes out.
	const pause = Math.min(throttle.pauseRemainingMs(), Math.max(0, client.maxTotalWaitMs - course.waitedMs));
	if (pause > 0) await sleep(pause);
	course.waitedMs += pause;
	// Under a millisecond it is not worth a timer: the debt stays in the throttle's schedule.
	const pace = throttle.paceMs();
	if (pace >= 1) await sleep(pace);
	let passedGuard = false;
	try {
		req.beforeSend?.();
		passedGuard = true;
	} finally {
		// A guard that throws stops the request: the slot goes back unused, the caller's error goes on as it is.
		if (!passedGuard) throttle.release(ticket, 'neutral');
	}
	const sentAt = Date.now();
	const answer = await sendOnce(client, req, credential);
	if (answer.received) throttle.recordRoundTrip(Date.now() - sentAt);
	const attempt = { ...evaluate(answer), answer, ticket };
	throttle.release(ticket, signalOf(attempt.kind, attempt.usage.maxPercent), attempt.usage.maxPercent);
	return attempt;
}

/** Never throws: every failure comes back as a RawAnswer for the retry logic to judge. */
async function sendOnce(client: Client, req: GraphRequest, credential: ICredentialsDecrypted): Promise<RawAnswer> {
	const httpOptions: IHttpRequestOptions = {
		method: req.method,
		url: client.connection.apiRoot + normalisePath(req.path),
		qs: req.qs,
		timeout: client.timeout,
	};
	if (req.body && req.method !== 'GET') httpOptions.body = req.body;
	return await sendAuthenticated(client.ctx, httpOptions, credential);
}

/** What one answer means: its class, its usage report and, when it is readable, its value. */
function evaluate(answer: RawAnswer): Omit<Attempt, 'answer' | 'ticket'> {
	const facts = factsOf(answer);
	let kind = classifyAnswer(facts);
	const usage = answer.received ? parseUsageHeaders(answer.headers) : {};
	const body = answer.received ? parsedBody(answer.body) : undefined;
	// A 2xx whose body cannot be read is not a success we can hand on.
	if (kind === 'success' && body && !body.ok) kind = 'failure';
	return { facts, kind, usage, value: body?.ok ? body.value : undefined };
}

/** Throws when this answer ends the request: a failure, or a lost answer of a request that must not be sent twice. */
function throwIfFinal(client: Client, course: Course, attempt: Attempt): void {
	const { answer, facts } = attempt;
	const repeatable = course.req.repeatable !== false;
	if (attempt.kind === 'failure') {
		throw finalError(client, course, attempt, repeatable || !answer.received || answer.statusCode >= 300 ? undefined : SENT_PROBABLY);
	}
	if (!repeatable && !provesNotProcessed(facts)) {
		throw ambiguousOutcomeError(errorOf(client, answer, course.req.path), errorContext(client, facts.statusCode));
	}
}

/**
 * The backoff before the next attempt, within Max Wait; undefined after a rate limit, which opens (or
 * joins) the pause every request of the client waits out. Throws when Max Wait is spent.
 */
function retryWaitMs(client: Client, course: Course, attempt: Attempt): number | undefined {
	const { throttle, backoff, random } = client;
	const { answer, usage } = attempt;
	const remaining = client.maxTotalWaitMs - course.waitedMs;
	const gaveUpNote = `Gave up after waiting ${Math.round(course.waitedMs / 100) / 10} s in total (Max Wait: ${client.maxTotalWaitMs / 1000} s).`;
	if (attempt.kind === 'rateLimit') {
		const hint = usage.regainAccessMs ?? (answer.received ? parseRetryAfterMs(answer.headers) : undefined);
		const wait = nextWaitMs(throttle.consecutivePauses, backoff, random(), hint, remaining);
		// Joins the pause another request opened first, if any.
		if (wait !== undefined) throttle.openPause(attempt.ticket, wait);
		if (wait === undefined || throttle.pauseRemainingMs() > remaining) throw finalError(client, course, attempt, gaveUpNote);
		return undefined;
	}
	const wait = nextWaitMs(course.transientRetries++, backoff, random(), undefined, remaining);
	if (wait === undefined) throw finalError(client, course, attempt, gaveUpNote);
	return wait;
}

/** The error of this answer; a write that may have been applied on an earlier attempt says so. */
function finalError(client: Client, course: Course, attempt: Attempt, note?: string): NodeApiError {
	const error = errorOf(client, attempt.answer, course.req.path, note);
	return course.mayHaveApplied ? ambiguousOutcomeError(error, errorContext(client, attempt.facts.statusCode), true) : error;
}

/** The error a failed answer stands for, with secrets removed. */
function errorOf(client: Client, answer: RawAnswer, path: string, note?: string): NodeApiError {
	if (!answer.received) {
		return networkError(answer.networkCode, client.connection.host, errorContext(client, undefined, note), answer.detail);
	}
	const body = parsedBody(answer.body);
	const envelope = body.ok ? readMetaError(body.value) : undefined;
	if (envelope) return metaApiError(envelope, errorContext(client, answer.statusCode, note, path));
	return unreadableAnswerError(
		answer.statusCode,
		body.ok ? JSON.stringify(body.value ?? '') : body.text,
		errorContext(client, answer.statusCode, note),
	);
}

function errorContext(client: Client, statusCode?: number, note?: string, path?: string): ErrorContext {
	return { node: client.ctx.getNode(), secrets: client.connection.secrets, statusCode, note, path };
}

/** The credential marked for the app token; app-level calls need App ID and App Secret. */
function appCredential(client: Client): ICredentialsDecrypted {
	if (client.connection.app) return client.connection.app;
	throw new NodeOperationError(
		client.ctx.getNode(),
		'App ID and App Secret: both are required in the Meta Calling API credential for this call',
		{ description: 'Webhook subscriptions are managed with the app token (App ID|App Secret), not with the access token.' },
	);
}
