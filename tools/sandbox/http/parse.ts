import type { IncomingHttpHeaders } from 'http';

/** Reading a Graph request the way Graph does: optional version prefix, JSON or form bodies, token anywhere. */

const VERSION_PREFIX = /^\/(v\d+\.\d+)(\/.*)?$/;

export function stripVersion(pathname: string): { path: string; version?: string } {
	const match = VERSION_PREFIX.exec(pathname);
	if (!match) return { path: pathname };
	return { path: match[2] ?? '/', version: match[1] };
}

/** Form values that hold JSON (calling={...}, fields=["a"]) are parsed, as Graph does. */
export function decodeValue(value: string): unknown {
	const first = value.trimStart()[0];
	if (first === '{' || first === '[') {
		try {
			return JSON.parse(value);
		} catch {
			return value;
		}
	}
	return value;
}

export function paramsOf(search: URLSearchParams): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of search) out[key] = decodeValue(value);
	return out;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; raw: string };

export function parseBody(raw: string, contentType: string | undefined): ParsedBody {
	if (raw === '') return { ok: true, value: undefined };
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		return { ok: true, value: paramsOf(new URLSearchParams(raw)) };
	}
	try {
		return { ok: true, value: JSON.parse(raw) };
	} catch {
		return { ok: false, raw };
	}
}

/** Bearer or OAuth header first, then access_token in the query or the body. */
export function tokenOf(headers: IncomingHttpHeaders, params: Record<string, unknown>): string | undefined {
	const header = headers.authorization;
	if (header) {
		const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header);
		return match ? match[1].trim() : header;
	}
	const fromParams = params.access_token;
	return fromParams === undefined ? undefined : String(fromParams);
}

export const REDACTED = 'REDACTED';

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string | string[] | undefined> {
	return headers.authorization === undefined ? { ...headers } : { ...headers, authorization: REDACTED };
}

/** Parameters that carry a token: access_token, and input_token of GET /debug_token. */
const TOKEN_PARAMS = ['access_token', 'input_token'];

/** Copies an object of parameters with tokens hidden, for the request log. */
export function redactParams(params: unknown): unknown {
	if (typeof params !== 'object' || params === null || Array.isArray(params)) return params;
	const record = params as Record<string, unknown>;
	if (!TOKEN_PARAMS.some((key) => record[key] !== undefined)) return record;
	const copy = { ...record };
	for (const key of TOKEN_PARAMS) if (copy[key] !== undefined) copy[key] = REDACTED;
	return copy;
}
