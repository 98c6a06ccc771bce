/** "hhmm" and "YYYY-MM-DD" helpers: the only place that knows these string formats. */

export const HHMM_RULE = 'must be a time as hhmm, e.g. 0930';
export const DATE_RULE = 'must be a date as YYYY-MM-DD that exists, e.g. 2026-12-25';

/** "0930" -> 570; undefined when not a valid hhmm (0000-2359). */
export function hhmmToMinutes(value: unknown): number | undefined {
	void value;
	throw new Error('not implemented');
}

export function minutesToHhmm(minutes: number): string {
	void minutes;
	throw new Error('not implemented');
}

/** Accepts "0930", "930", "9:30", "09:30" and whole numbers like 930 (Meta documents the type as Integer). */
export function normalizeHhmm(value: unknown): string | undefined {
	void value;
	throw new Error('not implemented');
}

/** True for "YYYY-MM-DD" strings naming a real calendar date. */
export function isIsoDate(value: unknown): value is string {
	void value;
	throw new Error('not implemented');
}
