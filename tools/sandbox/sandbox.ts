import http, { type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { GraphAnswer, HandlerContext, SentMessage, WebhookEvent } from './handlers/context';
import { kindOf, routeGraph } from './handlers/router';
import { handleCalendar, isCalendarPath } from './calendar/handler';
import { handleControl, CONTROL_PREFIX } from './http/control';
import { paramsOf, parseBody, redactHeaders, redactParams, stripVersion, tokenOf } from './http/parse';
import { MetaError, toEnvelope } from './metaError';
import { isObject } from './rules/time';
import { newWhatsAppUser, seedState, type SeedName } from './seed';
import { FaultBook, type ActiveFault, type FaultSpec } from './shaping/faults';
import { errorOutcome, faultOutcome, writeJson, writeOutcome, type Outcome } from './http/outcome';
import { rateLimitError, SlidingWindow, usageBusinessFor, usageHeaders, type RateLimitConfig } from './shaping/rateLimiter';
import type { AnswerStyle, Recipient, Restriction, SandboxState, WhatsAppUser } from './types';
import { WebhookDeliverer, type WebhookDelivery } from './webhooks/deliverer';
import { subscriptionFor } from './webhooks/routing';
import { verifyCallbackUrl } from './webhooks/verifyCallback';

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: '127.0.0.1';
	seed?: SeedName;
	/** Extra copies of phone 3000000000000001 with ids 3100000000000000.. (seed demo only). */
	bulkPhoneNumbers?: number;
	/** Extra Pages with ids 4100000000000000.. that /me/accounts lists (seed demo only). */
	bulkPages?: number;
	/** GET the callback with hub.challenge on POST /<APP_ID>/subscriptions, like Meta. Default true. */
	verifyCallbacks?: boolean;
	/** The clock rules, timestamps and the rate-limit window use (past holidays, restriction expiry, webhook times). */
	now?: () => Date;
	latencyMs?: number;
	/** Reads see the state as it was this many ms ago (eventual consistency); writes apply at once. Default 0. */
	readLagMs?: number;
	rateLimit?: RateLimitConfig | null;
	/** Refuse user-token calls without appsecret_proof (Meta's "Require App Secret"). Default false. */
	requireAppsecretProof?: boolean;
	/** Waits before each webhook retry; bounds the retries. Default [50, 200, 500]. */
	webhookRetryDelaysMs?: number[];
	/** The log keeps at most this many requests (oldest half dropped when full). Default 50000. */
	maxLoggedRequests?: number;
}

export interface SandboxConfig {
	latencyMs: number;
	readLagMs: number;
	rateLimit: RateLimitConfig | null;
	verifyCallbacks: boolean;
	requireAppsecretProof: boolean;
}

export interface LoggedRequest {
	method: string;
	/** Without the version prefix. */
	path: string;
	version?: string;
	query: Record<string, unknown>;
	/** Parsed JSON or form body (the raw text when it was not valid JSON). */
	body: unknown;
	/** Lower-case names as Node gives them; authorization is REDACTED. */
	headers: Record<string, string | string[] | undefined>;
	/** Epoch milliseconds. */
	at: number;
}

/** Switches Meta keeps on its side, set by tests to reach an error or an alternative answer. */
export interface ObjectPatch {
	/** Any object: how it answers (null = the seed pages' spellings). */
	answerStyle?: AnswerStyle | null;
	/** Phone number: restrictions in force (null or [] = none). */
	restrictions?: Restriction[] | null;
	messagingLimit?: number;
	callingPrerequisitesMet?: boolean;
	/** Page switches. */
	callingEnabled?: boolean;
	canSendMessages?: boolean;
	partnersEligible?: boolean;
}

const PHONE_KEYS = ['restrictions', 'messagingLimit', 'callingPrerequisitesMet'];
const PAGE_KEYS = ['callingEnabled', 'canSendMessages', 'partnersEligible'];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A running sandbox: the HTTP server, its state, and the switches tests turn. */
export class Sandbox {
	url = '';
	port = 0;
	state: SandboxState;
	/** Graph requests received (not control calls), oldest first. */
	readonly requests: LoggedRequest[] = [];
	/** Messages accepted by the Send API, oldest first. */
	readonly sentMessages: SentMessage[] = [];
	/** Handler bugs (answered as Meta error 1); tests can assert it stays empty. */
	readonly internalErrors: string[] = [];

	private config: SandboxConfig;
	/** With a read lag: copies of the state after each write, oldest first; the first is older than the lag. */
	private versions: Array<{ at: number; state: SandboxState }> = [];
	private limiter: SlidingWindow | null = null;
	private readonly faults = new FaultBook();
	private readonly deliverer: WebhookDeliverer;
	private readonly server: http.Server;
	private readonly now: () => Date;
	/** Feeds set by a test (`setCalendar`), served at /calendars/<name>.ics before the built-in ones. */
	readonly calendars = new Map<string, string>();
	/** Public-holiday and feed requests (not Graph, so not in `requests`). */
	readonly calendarRequests: Array<{ path: string; at: number }> = [];

	constructor(private readonly options: SandboxOptions = {}) {
		this.now = options.now ?? (() => new Date());
		this.state = seedState(options.seed ?? 'demo', {
			bulkPhoneNumbers: options.bulkPhoneNumbers ?? 0,
			bulkPages: options.bulkPages ?? 0,
		});
		this.config = this.initialConfig();
		this.applyRateLimit(this.config.rateLimit);
		this.setReadLag(this.config.readLagMs);
		this.deliverer = new WebhookDeliverer({
			appSecret: () => this.state.app.secret,
			retryDelaysMs: options.webhookRetryDelaysMs ?? [50, 200, 500],
			timeoutMs: 5000,
		});
		this.server = http.createServer((req, res) => this.onRequest(req, res));
		this.server.keepAliveTimeout = 5000;
	}

	async listen(): Promise<this> {
		const host = this.options.host ?? '127.0.0.1';
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? 0, host, () => resolve());
		});
		this.port = (this.server.address() as AddressInfo).port;
		this.url = `http://${host}:${this.port}`;
		return this;
	}

	/** Webhook deliveries, oldest first. */
	get deliveries(): WebhookDelivery[] {
		return this.deliverer.deliveries;
	}

	getConfig(): SandboxConfig {
		return { ...this.config };
	}

	setLatency(ms: number): void {
		if (!(Number.isFinite(ms) && ms >= 0)) throw new Error('latencyMs must be a number >= 0');
		this.config.latencyMs = ms;
	}

	/**
	 * Lets GETs see the state as it was `ms` ago, as a replicated store does, so tests can break a
	 * read-modify-write that trusts a read taken right after another process's write.
	 */
	setReadLag(ms: number): void {
		if (!(Number.isFinite(ms) && ms >= 0)) throw new Error('readLagMs must be a number >= 0');
		this.config.readLagMs = ms;
		this.versions = ms > 0 ? [{ at: 0, state: structuredClone(this.state) }] : [];
	}

	setRateLimit(limit: RateLimitConfig | null): void {
		if (limit !== null) {
			if (!(Number.isInteger(limit.requestsPerSecond) && limit.requestsPerSecond > 0)) {
				throw new Error('rateLimit.requestsPerSecond must be a positive integer');
			}
			if (limit.code !== undefined && limit.code !== 4 && limit.code !== 80007) {
				throw new Error('rateLimit.code must be 4 or 80007');
			}
		}
		this.config.rateLimit = limit ? { ...limit } : null;
		this.applyRateLimit(this.config.rateLimit);
	}

	setVerifyCallbacks(on: boolean): void {
		this.config.verifyCallbacks = on;
	}

	setRequireAppsecretProof(on: boolean): void {
		this.config.requireAppsecretProof = on;
	}

	/** Changes any of the config switches at once (the control API's POST /__sandbox/config). */
	configure(patch: Partial<SandboxConfig>): SandboxConfig {
		if (patch.latencyMs !== undefined) this.setLatency(patch.latencyMs);
		if (patch.readLagMs !== undefined) this.setReadLag(patch.readLagMs);
		if (patch.rateLimit !== undefined) this.setRateLimit(patch.rateLimit);
		if (patch.verifyCallbacks !== undefined) this.setVerifyCallbacks(Boolean(patch.verifyCallbacks));
		if (patch.requireAppsecretProof !== undefined) this.setRequireAppsecretProof(Boolean(patch.requireAppsecretProof));
		return this.getConfig();
	}

	addFault(spec: FaultSpec): ActiveFault {
		const kinds = ['error', 'http', 'drop', 'malformed', 'latency'];
		if (!kinds.includes(spec.kind)) throw new Error(`fault kind must be one of ${kinds.join(', ')}`);
		if (spec.kind === 'error' && !Number.isInteger(spec.error?.code)) throw new Error('an error fault needs error.code');
		if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
			throw new Error('fault times must be a positive integer');
		}
		return this.faults.add(spec);
	}

	listFaults(): ActiveFault[] {
		return this.faults.list();
	}

	clearFaults(): void {
		this.faults.clear();
	}

	/** Phone number by id (throws for an unknown id, so a typo in a test fails loudly). */
	phoneNumber(id: string) {
		const phone = this.state.phoneNumbers[id];
		if (!phone) throw new Error(`no phone number ${id} in the sandbox`);
		return phone;
	}

	page(id: string) {
		const page = this.state.pages[id];
		if (!page) throw new Error(`no Page ${id} in the sandbox`);
		return page;
	}

	setRestrictions(phoneNumberId: string, restrictions: Restriction[] | null): void {
		this.phoneNumber(phoneNumberId).restrictions = restrictions ? restrictions.map((r) => ({ ...r })) : [];
	}

	setAnswerStyle(objectId: string, style: AnswerStyle | null): void {
		if (!kindOf(this.state, objectId)) throw new Error(`no object ${objectId} in the sandbox`);
		if (style) this.state.answerStyles[objectId] = { ...style };
		else delete this.state.answerStyles[objectId];
	}

	updateObject(objectId: string, patch: ObjectPatch): void {
		const kind = kindOf(this.state, objectId);
		if (!kind) throw new Error(`no object ${objectId} in the sandbox`);
		for (const key of Object.keys(patch)) {
			const allowed = key === 'answerStyle' || (kind === 'phone' ? PHONE_KEYS : kind === 'page' ? PAGE_KEYS : []).includes(key);
			if (!allowed) throw new Error(`${key} does not apply to a ${kind}`);
		}
		if (patch.answerStyle !== undefined) this.setAnswerStyle(objectId, patch.answerStyle);
		if (kind === 'phone') {
			const phone = this.phoneNumber(objectId);
			if (patch.restrictions !== undefined) this.setRestrictions(objectId, patch.restrictions);
			if (patch.messagingLimit !== undefined) phone.messagingLimit = patch.messagingLimit;
			if (patch.callingPrerequisitesMet !== undefined) phone.callingPrerequisitesMet = patch.callingPrerequisitesMet;
		}
		if (kind === 'page') {
			const page = this.page(objectId);
			if (patch.callingEnabled !== undefined) page.callingEnabled = patch.callingEnabled;
			if (patch.canSendMessages !== undefined) page.canSendMessages = patch.canSendMessages;
			if (patch.partnersEligible !== undefined) page.partnersEligible = patch.partnersEligible;
		}
	}

	/** Adds (or replaces) a PSID; withinWindow false makes sends fail with the outside-window error. */
	addRecipient(recipient: { id: string; pageIds?: string[]; withinWindow?: boolean }): Recipient {
		const stored: Recipient = {
			id: recipient.id,
			pageIds: recipient.pageIds ?? Object.keys(this.state.pages),
			withinWindow: recipient.withinWindow ?? true,
		};
		this.state.recipients[recipient.id] = stored;
		return stored;
	}

	/**
	 * Adds a WhatsApp user, or changes one (fields given replace the stored ones): withinWindow false ->
	 * sends fail with 131047, clientTooOld -> call buttons fail with 131026, permission = the person's answer.
	 */
	addWhatsAppUser(fields: Partial<WhatsAppUser> & { waId: string }): WhatsAppUser {
		const stored = { ...(this.state.whatsAppUsers[fields.waId] ?? newWhatsAppUser(fields)), ...fields };
		this.state.whatsAppUsers[fields.waId] = stored;
		return stored;
	}

	/** Delivers any signed body to the app's callback for `object` (e.g. an account_update restriction event). */
	emitWebhook(object: string, body: unknown): Promise<WebhookDelivery> {
		const subscription = this.state.app.subscriptions[object];
		if (!subscription) return Promise.reject(new Error(`the app has no subscription for object ${object}`));
		return this.deliverer.deliver(subscription.callback_url, object, body);
	}

	/** Resolves with the finished deliveries once at least `count` have finished (all attempts done). */
	async waitForDeliveries(count: number, timeoutMs = 5000): Promise<WebhookDelivery[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const finished = this.deliveries.filter((d) => d.done);
			if (finished.length >= count) return finished;
			if (Date.now() > deadline) {
				throw new Error(`expected ${count} finished webhook deliveries within ${timeoutMs} ms, got ${finished.length}`);
			}
			await sleep(10);
		}
	}

	/** Resolves when no webhook delivery is under way. */
	webhooksIdle(): Promise<void> {
		return this.deliverer.idle();
	}

	/** Serves `text` at /calendars/<name>.ics (null: back to the built-in feed of that name, if any). */
	setCalendar(name: string, text: string | null): void {
		if (text === null) this.calendars.delete(name);
		else this.calendars.set(name, text);
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	/** Back to the start: seeded state, empty logs, no faults, the config given to startSandbox. */
	reset(options: { seed?: SeedName; bulkPhoneNumbers?: number; bulkPages?: number } = {}): void {
		this.state = seedState(options.seed ?? this.options.seed ?? 'demo', {
			bulkPhoneNumbers: options.bulkPhoneNumbers ?? this.options.bulkPhoneNumbers ?? 0,
			bulkPages: options.bulkPages ?? this.options.bulkPages ?? 0,
		});
		this.requests.length = 0;
		this.sentMessages.length = 0;
		this.internalErrors.length = 0;
		this.deliverer.clear();
		this.faults.clear();
		this.calendars.clear();
		this.calendarRequests.length = 0;
		this.config = this.initialConfig();
		this.applyRateLimit(this.config.rateLimit);
		this.setReadLag(this.config.readLagMs);
	}

	/** Stops listening, drops open connections, and waits for webhook deliveries under way. */
	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
		await this.deliverer.idle();
	}

	/** JSON view for GET /__sandbox/state. */
	snapshot(): Record<string, unknown> {
		return { url: this.url, config: this.getConfig(), faults: this.listFaults(), state: this.state };
	}

	private initialConfig(): SandboxConfig {
		return {
			latencyMs: this.options.latencyMs ?? 0,
			readLagMs: this.options.readLagMs ?? 0,
			rateLimit: this.options.rateLimit ?? null,
			verifyCallbacks: this.options.verifyCallbacks ?? true,
			requireAppsecretProof: this.options.requireAppsecretProof ?? false,
		};
	}

	private applyRateLimit(limit: RateLimitConfig | null): void {
		this.limiter = limit ? new SlidingWindow(limit.requestsPerSecond) : null;
	}

	private onRequest(req: IncomingMessage, res: ServerResponse): void {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8');
			this.dispatch(req, res, raw).catch((error: unknown) => this.answerInternalError(res, error));
		});
	}

	private async dispatch(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		if (url.pathname.startsWith(CONTROL_PREFIX)) {
			const method = (req.method ?? 'GET').toUpperCase();
			const answer = await handleControl(this, method, url, raw);
			// A test's own change of the state is seen by every read at once, lag or not.
			if (method !== 'GET' && this.config.readLagMs > 0) this.versions = [{ at: 0, state: structuredClone(this.state) }];
			writeJson(res, answer.status, answer.body, {});
			return;
		}
		if (isCalendarPath(url.pathname)) {
			this.calendarRequests.push({ path: url.pathname, at: Date.now() });
			handleCalendar(res, (req.method ?? 'GET').toUpperCase(), url.pathname, this.now(), this.calendars, url.searchParams);
			return;
		}
		await this.handleGraph(req, res, url, raw);
	}

	private async handleGraph(req: IncomingMessage, res: ServerResponse, url: URL, raw: string): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const { path, version } = stripVersion(url.pathname);
		const query = paramsOf(url.searchParams);
		const parsed = parseBody(raw, req.headers['content-type']);
		const body = parsed.ok ? parsed.value : parsed.raw;
		this.logRequest({
			method,
			path,
			version,
			query: redactParams(query) as Record<string, unknown>,
			body: redactParams(body),
			headers: redactHeaders(req.headers),
			at: Date.now(),
		});

		const fault = this.faults.take(method, path);
		const replacesAnswer = fault !== undefined && fault.kind !== 'latency';
		const faultDelayMs = fault?.kind === 'latency' ? (fault.latencyMs ?? 0) : 0;
		const delayFirst = fault?.kind === 'latency' && fault.processed === false;
		if (delayFirst && faultDelayMs > 0) await sleep(faultDelayMs);
		let outcome: Outcome;
		if (replacesAnswer && !fault.processed) {
			outcome = faultOutcome(fault);
		} else if (this.limiter && this.config.rateLimit && !this.limiter.tryAcquire(this.now().getTime())) {
			outcome = { ...errorOutcome(rateLimitError(this.config.rateLimit)), rateLimited: true } as Outcome;
		} else if (!parsed.ok) {
			outcome = errorOutcome(
				new MetaError({ message: '(#100) The request body is not valid JSON', type: 'OAuthException', code: 100 }),
			);
		} else {
			outcome = await this.answerGraph(req, { method, path, version, query, body });
		}
		if (replacesAnswer && fault.processed) outcome = this.afterProcessing(outcome, faultOutcome(fault));

		const delayMs = this.config.latencyMs + (delayFirst ? 0 : faultDelayMs);
		if (delayMs > 0) await sleep(delayMs);
		this.writeOutcome(res, outcome, this.usageHeadersFor(path, outcome), version);
	}

	private async answerGraph(
		req: IncomingMessage,
		request: { method: string; path: string; version?: string; query: Record<string, unknown>; body: unknown },
	): Promise<Outcome> {
		const params: Record<string, unknown> = { ...request.query, ...(isObject(request.body) ? request.body : {}) };
		const token = tokenOf(req.headers, params);
		const appsecretProof = params.appsecret_proof;
		delete params.access_token;
		delete params.appsecret_proof;
		const lagged = request.method === 'GET' && this.config.readLagMs > 0;
		const ctx: HandlerContext = {
			state: lagged ? this.laggedState() : this.state,
			req: { ...request, params },
			now: this.now(),
			styleOf: (id) => this.state.answerStyles[id] ?? {},
			recordMessage: (message) => this.sentMessages.push(message),
			verifyCallback: (callbackUrl, verifyToken) =>
				this.config.verifyCallbacks ? verifyCallbackUrl(callbackUrl, verifyToken, 5000) : Promise.resolve(),
		};
		let answer: GraphAnswer;
		try {
			answer = await routeGraph(ctx, {
				token,
				appsecretProof,
				requireAppsecretProof: this.config.requireAppsecretProof,
			});
		} catch (error) {
			if (error instanceof MetaError) return errorOutcome(error);
			throw error;
		}
		if (request.method !== 'GET' && this.config.readLagMs > 0) this.recordVersion();
		return { kind: 'json', status: answer.status ?? 200, body: answer.body, webhooks: answer.webhooks };
	}

	/** The newest copy of the state that is at least readLagMs old. */
	private laggedState(): SandboxState {
		this.pruneVersions();
		return this.versions[0]?.state ?? this.state;
	}

	private recordVersion(): void {
		this.versions.push({ at: Date.now(), state: structuredClone(this.state) });
		this.pruneVersions();
	}

	/** Drops copies that a newer copy, itself old enough, has replaced for every reader. */
	private pruneVersions(): void {
		const visibleBefore = Date.now() - this.config.readLagMs;
		while (this.versions.length >= 2 && this.versions[1].at <= visibleBefore) this.versions.shift();
	}

	/** A `processed` fault: the client gets the fault, subscribers still get the webhooks of the change. */
	private afterProcessing(processed: Outcome, fault: Outcome): Outcome {
		const events = processed.kind === 'json' ? processed.webhooks : undefined;
		if (events && events.length > 0) setImmediate(() => this.dispatchWebhooks(events));
		return fault;
	}

	private usageHeadersFor(path: string, outcome: Outcome): Record<string, string> {
		const limit = this.config.rateLimit;
		if (!limit || !this.limiter) return {};
		const refused = outcome.kind === 'json' && outcome.rateLimited === true;
		const percent = refused ? 100 : this.limiter.usagePercent(this.now().getTime());
		const regainMinutes = refused ? (limit.estimatedTimeToRegainAccessMinutes ?? 0) : 0;
		return usageHeaders(percent, usageBusinessFor(this.state, path), regainMinutes);
	}

	private writeOutcome(res: ServerResponse, outcome: Outcome, headers: Record<string, string>, version?: string): void {
		writeOutcome(res, outcome, { ...headers, 'facebook-api-version': version ?? 'v26.0' });
		const events = outcome.kind === 'json' ? outcome.webhooks : undefined;
		if (events && events.length > 0) setImmediate(() => this.dispatchWebhooks(events));
	}

	private dispatchWebhooks(events: WebhookEvent[]): void {
		for (const event of events) {
			const subscription = subscriptionFor(this.state, event);
			if (subscription) void this.deliverer.deliver(subscription.callback_url, event.object, event.body, event.field);
		}
	}

	private logRequest(entry: LoggedRequest): void {
		const max = this.options.maxLoggedRequests ?? 50000;
		if (this.requests.length >= max) this.requests.splice(0, Math.ceil(max / 2));
		this.requests.push(entry);
	}

	private answerInternalError(res: ServerResponse, error: unknown): void {
		this.internalErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
		if (res.headersSent) return;
		writeJson(
			res,
			500,
			toEnvelope({ message: 'An unknown error occurred', type: 'OAuthException', code: 1, is_transient: true }),
			{},
		);
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return new Sandbox(options).listen();
}
