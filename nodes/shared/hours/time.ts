import { InputError, parseCommaList } from '../validation';

/** "hhmm" and "YYYY-MM-DD": the only place that knows these string formats. */

export const HHMM_RULE = 'must be a time as hhmm, hours 00–23 and minutes 00–59, e.g. 0930';
export const DATE_RULE = 'must be a date as YYYY-MM-DD that exists, e.g. 2026-12-25';

/** Minutes in a day: the value "2359" stands for when it ends a window (see toEndMinute). */
export const END_OF_DAY = 24 * 60;

/** "0930" -> 570; undefined unless exactly four digits naming 0000-2359. */
export function hhmmToMinutes(value: unknown): number | undefined {
	if (typeof value !== 'string' || !/^\d{4}$/.test(value)) return undefined;
	const hours = Number(value.slice(0, 2));
	const minutes = Number(value.slice(2));
	if (hours > 23 || minutes > 59) return undefined;
	return hours * 60 + minutes;
}

/** For times already checked: "0930" -> 570. */
export function minuteOfDay(hhmm: string): number {
	return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2));
}

/** 570 -> "0930" (0 <= minutes < 1440). */
export function minutesToHhmm(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	return `${String(hours).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Accepts "0930", "930", "9:30", "09:30" (what people type) and whole numbers like 930 (Meta documents the
 * type as Integer), and returns the canonical "0930"; undefined when it is not a time of day.
 */
export function normalizeHhmm(value: unknown): string | undefined {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value < 0) return undefined;
		text = String(value).padStart(4, '0');
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		return undefined;
	}
	const match = /^(\d{1,2}):?(\d{2})$/.exec(text);
	if (!match) return undefined;
	const canonical = `${match[1].padStart(2, '0')}${match[2]}`;
	return hhmmToMinutes(canonical) === undefined ? undefined : canonical;
}

/**
 * The minute a window ends, exclusive. "2359" is the last minute a clock shows, and people (and Meta's own
 * example holiday 0000-2359) use it for "until midnight", so it ends the window at 24:00.
 */
export function toEndMinute(hhmm: string): number {
	const minutes = minuteOfDay(hhmm);
	return minutes === END_OF_DAY - 1 ? END_OF_DAY : minutes;
}

/** True for "YYYY-MM-DD" strings naming a real calendar date (29 February only in leap years). */
export function isIsoDate(value: unknown): value is string {
	const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

/** A comma list of "YYYY-MM-DD" dates that exist, deduplicated, in the given order. */
export function parseDateList(value: unknown, field: string): string[] {
	const dates: string[] = [];
	parseCommaList(value, field).forEach((part, index) => {
		if (!isIsoDate(part)) throw new InputError(`${field}[${index}]`, `${DATE_RULE} (got "${part}")`);
		if (!dates.includes(part)) dates.push(part);
	});
	return dates;
}
