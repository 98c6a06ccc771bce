import type { IDataObject } from 'n8n-workflow';

/*
 * Pure rules about Meta's answers: which ones say "slow down", which ones say "try again", what the usage
 * headers report, and how long to wait. No clock and no randomness of their own: callers pass them in.
 */

/** 4 app, 17 user/account, 32 Page, 613 custom, 80007 WhatsApp Business Account, 130429 throughput. */
export const RATE_LIMIT_CODES: readonly number[] = [4, 17, 32, 613, 80007, 130429];

/** Usage above this share of the quota counts as a congestion signal, before Meta starts refusing. */
export const HIGH_USAGE_PERCENT = 80;

/** The facts about one answer (or the lack of one) that decide what happens next. */
export interface AnswerFacts {
	/** HTTP status; undefined when no answer arrived (connection refused, reset, timeout). */
	statusCode?: number;
	/** `error.code` of Meta's envelope, when the body carried one. */
	errorCode?: number;
	/** `error.is_transient` of Meta's envelope. */
	isTransient?: boolean;
	/** Node's network error code (ECONNRESET, ECONNREFUSED, ETIMEDOUT...) when no answer arrived. */
	networkErrorCode?: string;
}

export type AnswerKind = 'success' | 'rateLimit' | 'transient' | 'failure';

export function isRateLimitCode(code: number | undefined): boolean {
	return code !== undefined && RATE_LIMIT_CODES.includes(code);
}

/**
 * Connections that broke on the way: worth another try. A refused connection or an unknown host is left
 * out on purpose: that is a wrong Base URL far more often than a passing outage, and waiting a minute
 * before saying so helps nobody.
 */
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE',
	'UND_ERR_SOCKET',
]);

export function classifyAnswer(facts: AnswerFacts): AnswerKind {
	const { statusCode, errorCode } = facts;
	if (statusCode === undefined) {
		return facts.networkErrorCode !== undefined && TRANSIENT_NETWORK_CODES.has(facts.networkErrorCode)
			? 'transient'
			: 'failure';
	}
	if (isRateLimitCode(errorCode) || statusCode === 429) return 'rateLimit';
	if (statusCode >= 200 && statusCode < 300 && errorCode === undefined) return 'success';
	if (facts.isTransient === true || statusCode >= 500) return 'transient';
	return 'failure';
}

/**
 * True only when the answer proves Meta did not act on the request: a rate-limit envelope, or any 4xx
 * (a rejected request was not processed). A 5xx, a timeout or a dropped connection prove nothing:
 * the request may have been carried out before the failure.
 */
export function provesNotProcessed(facts: AnswerFacts): boolean {
	if (isRateLimitCode(facts.errorCode)) return true;
	return facts.statusCode !== undefined && facts.statusCode >= 400 && facts.statusCode < 500;
}

/** What the usage headers say: the highest percentage of any quota, and how long until access returns. */
export interface UsageReport {
	/** Highest percentage over every counter of every usage header; undefined when no header was sent. */
	maxPercent?: number;
	/** From `estimated_time_to_regain_access` (minutes in the header), in milliseconds; only when > 0. */
	regainAccessMs?: number;
}

const USAGE_HEADERS = ['x-app-usage', 'x-page-usage', 'x-business-use-case-usage'];
const USAGE_COUNTERS = ['call_count', 'total_time', 'total_cputime'];

function headerValue(headers: IDataObject, name: string): unknown {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

function parseJsonHeader(value: unknown): unknown {
	if (typeof value === 'object' && value !== null) return value;
	if (typeof value !== 'string' || value === '') return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return undefined; // a garbled header must not break the request it came with
	}
}

/** Every object inside a usage header: the app header is one object, the business header a map of lists. */
function usageEntries(parsed: unknown): IDataObject[] {
	if (Array.isArray(parsed)) return parsed.flatMap(usageEntries);
	if (typeof parsed !== 'object' || parsed === null) return [];
	const entry = parsed as IDataObject;
	const isCounterObject = USAGE_COUNTERS.some((c) => c in entry) || 'estimated_time_to_regain_access' in entry;
	return isCounterObject ? [entry] : Object.values(entry).flatMap(usageEntries);
}

export function parseUsageHeaders(headers: IDataObject | undefined): UsageReport {
	const report: UsageReport = {};
	if (!headers) return report;
	for (const name of USAGE_HEADERS) {
		for (const entry of usageEntries(parseJsonHeader(headerValue(headers, name)))) {
			for (const counter of USAGE_COUNTERS) {
				const percent = Number(entry[counter]);
				if (Number.isFinite(percent)) report.maxPercent = Math.max(report.maxPercent ?? 0, percent);
			}
			const minutes = Number(entry.estimated_time_to_regain_access);
			if (Number.isFinite(minutes) && minutes > 0) {
				report.regainAccessMs = Math.max(report.regainAccessMs ?? 0, minutes * 60_000);
			}
		}
	}
	return report;
}

/** `Retry-After` in seconds (HTTP 429/503); the date form is rare enough at Meta to ignore. */
export function parseRetryAfterMs(headers: IDataObject | undefined): number | undefined {
	if (!headers) return undefined;
	const seconds = Number(headerValue(headers, 'retry-after'));
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export interface BackoffSettings {
	/** Wait ceiling of the first retry; doubles with each further retry. */
	baseMs: number;
	/** No single wait is longer than this. */
	capMs: number;
}

/**
 * A short first wait: a limit that counts requests over a sliding span frees capacity continuously, and
 * every millisecond of a shared pause is throughput lost for the whole node. Refusals in a row double it
 * (50 ms, 100 ms, ... 30 s), so a limit that lasts is still waited out patiently, within Max Wait.
 */
export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 50, capMs: 30_000 };

/**
 * Exponential backoff with full jitter: a uniform draw in [0, min(cap, base * 2^attempt)].
 * Full jitter spreads the retries of many clients (and many items) so they do not return in lockstep.
 * @param attempt 0 for the first retry
 * @param random a number in [0, 1)
 */
export function backoffDelayMs(attempt: number, settings: BackoffSettings, random: number): number {
	const ceiling = Math.min(settings.capMs, settings.baseMs * 2 ** Math.min(attempt, 30));
	return Math.floor(random * ceiling);
}

/**
 * The wait before the next attempt: Meta's own estimate wins when it fits the remaining budget
 * (waiting less would only earn another refusal); otherwise the jittered backoff.
 * Returns undefined when the budget does not allow any further wait.
 */
export function nextWaitMs(
	attempt: number,
	settings: BackoffSettings,
	random: number,
	hintedMs: number | undefined,
	remainingBudgetMs: number,
): number | undefined {
	if (remainingBudgetMs <= 0) return undefined;
	if (hintedMs !== undefined) return hintedMs <= remainingBudgetMs ? hintedMs : undefined;
	return Math.min(backoffDelayMs(attempt, settings, random), remainingBudgetMs);
}
