import type { IExecuteFunctions } from 'n8n-workflow';

/** Anything with n8n's plain request helper: an execution, a load-options call. */
export type HttpContext = { helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest'> };

import { InputError } from '../validation';
import { maskCalendarUrl } from './maskUrl';

/*
 * The one place that fetches a calendar (the public-holiday service, an iCalendar feed). Not Graph: no
 * credential, n8n's plain request helper, so n8n's SSRF protection (2.x) applies to every hop. Bounded in
 * time and size, so a feed that hangs or streams forever fails this item instead of holding the execution.
 */

export const FETCH_TIMEOUT_MS = 20_000;
const MAX_CALENDAR_BYTES = 2 * 1024 * 1024;

export interface FetchLimits {
	timeoutMs?: number;
	maxBytes?: number;
}

interface FullResponse {
	statusCode?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** Hops after the first request; n8n's SSRF protection checks each one, as each is its own request. */
export const MAX_REDIRECTS = 5;

async function readBounded(body: unknown, maxBytes: number, field: string, what: string): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	if (!body || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') {
		throw new InputError(field, `${what} answered with an unreadable body`);
	}
	const stream = body as AsyncIterable<Buffer | string> & { destroy?: () => void };
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
		size += buffer.length;
		if (size > maxBytes) {
			stream.destroy?.();
			throw new InputError(field, `${what} is larger than ${Math.round(maxBytes / 1024)} KB; refusing to read more`);
		}
		chunks.push(buffer);
	}
	return Buffer.concat(chunks);
}

/** A body that is not read (a redirect, an error page): closed, never quoted. */
function discard(body: unknown): void {
	(body as { destroy?: () => void } | undefined)?.destroy?.();
}

function describeFailure(error: unknown, timeoutMs: number, signal: AbortSignal): string {
	// The time bound fired: axios reports it as "canceled", whatever it was doing then.
	if (signal.aborted) return `did not answer within ${Math.round(timeoutMs / 1000)} s`;
	const record = (error ?? {}) as { name?: string; code?: string; message?: string; cause?: { code?: string; name?: string } };
	// n8n 2.x with N8N_SSRF_PROTECTION_ENABLED refuses private and loopback addresses (SsrfBlockedIpError, ...HostnameError).
	if ([record.name, record.cause?.name].some((name) => /^SsrfBlocked/.test(name ?? ''))) {
		return `is refused by n8n's SSRF protection (${record.message}); to allow it, an n8n admin adds its address to N8N_SSRF_ALLOWED_IP_RANGES or its host name to N8N_SSRF_ALLOWED_HOSTNAMES`;
	}
	const code = record.code ?? record.cause?.code;
	if (record.name === 'AbortError' || record.name === 'TimeoutError' || code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /abort|timeout/i.test(record.message ?? '')) {
		return `did not answer within ${Math.round(timeoutMs / 1000)} s`;
	}
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ECONNRESET') return `could not be reached (${code})`;
	return `could not be read (${record.message ?? String(error)})`;
}

/** Where a 3xx answer points, resolved against the address that gave it; undefined when it is not one. */
function redirectTarget(response: FullResponse, from: string): string | undefined {
	const status = response.statusCode ?? 0;
	const location = response.headers?.location;
	if (status < 300 || status >= 400 || typeof location !== 'string') return undefined;
	return URL.canParse(location, from) ? new URL(location, from).href : undefined;
}

/**
 * GETs `url` as text through n8n's request helper, following at most MAX_REDIRECTS redirects one request
 * at a time (so n8n's SSRF protection sees each address). `field` and `what(address)` name the source in
 * errors, with the address that answered, masked ("calendarUrl: the calendar feed https://… answered
 * HTTP 404"). Every failure is an InputError, so nothing is written after it.
 */
export async function fetchCalendarText(
	ctx: HttpContext,
	url: string,
	field: string,
	what: (address: string) => string,
	limits: FetchLimits = {},
): Promise<string> {
	const timeoutMs = limits.timeoutMs ?? FETCH_TIMEOUT_MS;
	const maxBytes = limits.maxBytes ?? MAX_CALENDAR_BYTES;
	// One bound for the whole chain of redirects.
	const signal = AbortSignal.timeout(timeoutMs);
	let address = url;
	for (let hop = 0; ; hop++) {
		const source = what(maskCalendarUrl(address));
		// Failures are kept and thrown after the awaits, as n8n's rules want no custom error thrown in a catch.
		let failure: unknown;
		const response = (await ctx.helpers
			.httpRequest({
				method: 'GET',
				url: address,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: timeoutMs,
				abortSignal: signal,
				headers: { accept: 'text/calendar, application/json;q=0.9, */*;q=0.5' },
			})
			.catch((error: unknown) => {
				failure = error;
				return undefined;
			})) as FullResponse | undefined;
		if (!response) throw new InputError(field, `${source} ${describeFailure(failure, timeoutMs, signal)}`);
		const status = response.statusCode ?? 0;
		const next = redirectTarget(response, address);
		if (next !== undefined || status < 200 || status >= 300) discard(response.body);
		if (next !== undefined && hop >= MAX_REDIRECTS) throw new InputError(field, `${source} redirected more than ${MAX_REDIRECTS} times`);
		if (next !== undefined && !/^https?:$/.test(new URL(next).protocol)) throw new InputError(field, `${source} redirected to a non-HTTP address`);
		if (next !== undefined) {
			address = next;
			continue;
		}
		if (status < 200 || status >= 300) throw new InputError(field, `${source} answered HTTP ${status}`);
		const body = await readBounded(response.body, maxBytes, field, source).catch((error: unknown) => {
			failure = error;
			return undefined;
		});
		if (!body) throw failure instanceof InputError ? failure : new InputError(field, `${source} ${describeFailure(failure, timeoutMs, signal)}`);
		return body.toString('utf8');
	}
}
