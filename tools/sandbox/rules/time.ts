import { DateTime, IANAZone } from 'luxon';
import type { DayOfWeek } from '../types';

/** Small shared checks for Meta's "hhmm" times, days and dates. Pure. */

export const DAYS_OF_WEEK: readonly DayOfWeek[] = [
	'MONDAY',
	'TUESDAY',
	'WEDNESDAY',
	'THURSDAY',
	'FRIDAY',
	'SATURDAY',
	'SUNDAY',
];

const HHMM = /^([01]\d|2[0-3])[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "0000".."2359"; Meta documents open_time/close_time as hhmm strings. */
export function isHhmm(value: unknown): value is string {
	return typeof value === 'string' && HHMM.test(value);
}

export function minutesOfDay(hhmm: string): number {
	return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2));
}

export function isDayOfWeek(value: unknown): value is DayOfWeek {
	return typeof value === 'string' && (DAYS_OF_WEEK as readonly string[]).includes(value);
}

export function isValidTimezone(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && IANAZone.isValidZone(value);
}

/** YYYY-MM-DD that is also a real calendar date (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
	return typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value).isValid;
}

/** Today's date (YYYY-MM-DD) as seen by a business in `timezone`. */
export function todayIn(timezone: string, now: Date): string {
	return DateTime.fromJSDate(now).setZone(timezone).toISODate() ?? '';
}

/** Half-open intervals [start, end) in minutes; touching intervals (1200-1300, 1300-1400) do not overlap. */
export function anyOverlap(intervals: Array<[number, number]>): boolean {
	const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i][0] < sorted[i - 1][1]) return true;
	}
	return false;
}

export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return groups;
}
