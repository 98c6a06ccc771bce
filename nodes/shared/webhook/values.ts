/** Small readers for untrusted webhook JSON: each accepts anything and never throws. */

/** An id as text: Meta sends ids as strings, but the Page example shows them as bare numbers. */
export function readId(value: unknown): string | null {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

export function readString(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

/** Largest time a JavaScript Date can hold, in milliseconds. */
const MAX_DATE_MS = 8.64e15;

/**
 * Unix time from Meta (seconds; a number or a numeric string) as an ISO date, or null.
 * Values above 1e11 are taken as milliseconds: no calling event is dated after year 5138 in seconds,
 * and some Meta webhooks do send milliseconds.
 */
export function unixToIso(value: unknown): string | null {
	const numeric = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
	if (typeof numeric !== 'number' || !Number.isFinite(numeric) || numeric < 0) return null;
	const ms = numeric > 1e11 ? numeric : numeric * 1000;
	if (ms > MAX_DATE_MS) return null;
	return new Date(ms).toISOString();
}
