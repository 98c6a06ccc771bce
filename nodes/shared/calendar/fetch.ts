import type { IExecuteFunctions } from 'n8n-workflow';

/** Anything with n8n's plain request helper: an execution, a load-options call. */
export type HttpContext = { helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest'> };

import { InputError } from '../validation';

/*
 * The one place that fetches a calendar (the public-holiday service, an iCalendar feed). Not Graph: no
 * credential, n8n's plain request helper. Bounded in time and size, so a feed that hangs or streams
 * forever fails this item instead of holding the execution.
 */

export const FETCH_TIMEOUT_MS = 20_000;
export const MAX_CALENDAR_BYTES = 2 * 1024 * 1024;

export interface FetchLimits {
	timeoutMs?: number;
	maxBytes?: number;
}

interface FullResponse {
	statusCode?: number;
	body?: unknown;
}

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

function describeFailure(error: unknown, timeoutMs: number, signal: AbortSignal): string {
	// The time bound fired: axios reports it as "canceled", whatever it was doing then.
	if (signal.aborted) return `did not answer within ${Math.round(timeoutMs / 1000)} s`;
	const record = (error ?? {}) as { name?: string; code?: string; message?: string; cause?: { code?: string } };
	const code = record.code ?? record.cause?.code;
	if (record.name === 'AbortError' || record.name === 'TimeoutError' || code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /abort|timeout/i.test(record.message ?? '')) {
		return `did not answer within ${Math.round(timeoutMs / 1000)} s`;
	}
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ECONNRESET') return `could not be reached (${code})`;
	return `could not be read (${record.message ?? String(error)})`;
}

/**
 * GETs `url` as text. `field` and `what` name the source in errors ("calendarUrl: the calendar feed
 * https://… answered HTTP 404"). Every failure is an InputError, so nothing is written after it.
 */
export async function fetchCalendarText(
	ctx: HttpContext,
	url: string,
	field: string,
	what: string,
	limits: FetchLimits = {},
): Promise<string> {
	const timeoutMs = limits.timeoutMs ?? FETCH_TIMEOUT_MS;
	const maxBytes = limits.maxBytes ?? MAX_CALENDAR_BYTES;
	const signal = AbortSignal.timeout(timeoutMs);
	// Failures are kept and thrown after the try blocks, as n8n's rules want no custom error thrown in a catch.
	let failure: unknown;
	const response = (await ctx.helpers
		.httpRequest({
			method: 'GET',
			url,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
			abortSignal: signal,
			headers: { accept: 'text/calendar, application/json;q=0.9, */*;q=0.5' },
		})
		.catch((error: unknown) => {
			failure = error;
			return undefined;
		})) as FullResponse | undefined;
	if (!response) throw new InputError(field, `${what} ${describeFailure(failure, timeoutMs, signal)}`);
	const status = response.statusCode ?? 0;
	const body = await readBounded(response.body, maxBytes, field, what).catch((error: unknown) => {
		failure = error;
		return undefined;
	});
	if (!body) throw failure instanceof InputError ? failure : new InputError(field, `${what} ${describeFailure(failure, timeoutMs, signal)}`);
	if (status < 200 || status >= 300) {
		throw new InputError(field, `${what} answered HTTP ${status}${body.length ? `: ${body.toString('utf8').slice(0, 120)}` : ''}`);
	}
	return body.toString('utf8');
}
