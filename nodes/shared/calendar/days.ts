import type { Holiday } from '../hours/types';
import { minutesToHhmm } from '../hours/time';
import type { Window } from './closures';
import type { Closure } from './types';
import { DAY_MS, dayNumber, isoDay, toInstant, toWall } from './wall';

/*
 * Closures -> WhatsApp holiday entries: one {date, startTime, endTime} per date of the business timezone.
 * A holiday's end minute is inclusive (1159 closes through 11:59, so 12:00 is open again) and "2359" means
 * until midnight. Meta keeps one entry per date, so two closures on one date become the span from the
 * first start to the last end.
 */

const LAST_MINUTE = 24 * 60 - 1;
const MINUTE_MS = 60_000;

/** One day's part of a closure [start, end), as minutes of that day [first, last] (inclusive). */
function dayPart(start: number, end: number, day: number, zone: string, dayStart: (day: number) => number): { first: number; last: number } | undefined {
	const nextDay = dayStart(day + 1);
	const from = Math.max(start, dayStart(day));
	const to = Math.min(end, nextDay);
	if (to <= from) return undefined;
	const minuteOf = (instant: number) => Math.floor((toWall(instant, zone) - day * DAY_MS) / MINUTE_MS);
	const first = minuteOf(from);
	// An end inside a minute still closes that minute; an end on a minute boundary reopens at it.
	const endsOnMinute = toWall(to, zone) % MINUTE_MS === 0;
	let last = to >= nextDay ? LAST_MINUTE : minuteOf(to) - (endsOnMinute ? 1 : 0);
	if (last < first) last = first;
	// Meta wants start < end: a closure of one minute becomes two.
	if (last === first) return first === LAST_MINUTE ? { first: first - 1, last } : { first, last: first + 1 };
	return { first, last };
}

/**
 * The holiday entries (sorted, one per date) that the closures make in `zone`, for the dates of `within`
 * only: a closure is clipped to it before its days are walked (an event may last a thousand years).
 */
export function closureDays(closures: readonly Closure[], zone: string, within: Window): Holiday[] {
	const byDay = new Map<number, { first: number; last: number }>();
	// Each midnight is looked up once: tens of thousands of closures share a year's few hundred days.
	const midnights = new Map<number, number>();
	const dayStart = (day: number) => midnights.get(day) ?? (midnights.set(day, toInstant(day * DAY_MS, zone)).get(day) as number);
	for (const closure of closures) {
		const start = Math.max(closure.start, within.from);
		const end = Math.min(closure.end, within.to);
		for (let day = dayNumber(toWall(start, zone)); end > start && dayStart(day) < end; day++) {
			const part = dayPart(start, end, day, zone, dayStart);
			if (!part) continue;
			const known = byDay.get(day);
			byDay.set(day, known ? { first: Math.min(known.first, part.first), last: Math.max(known.last, part.last) } : part);
		}
	}
	return [...byDay.entries()]
		.sort(([a], [b]) => a - b)
		.map(([day, { first, last }]) => ({ date: isoDay(day), startTime: minutesToHhmm(first), endTime: minutesToHhmm(last) }));
}

/** The wall value of a YYYY-MM-DD date's midnight. */
export function isoDateWall(date: string): number {
	return Date.parse(`${date}T00:00:00Z`);
}

/** A closure of whole days of `zone`: from the start of `firstDate` to the start of the day after `lastDate`. */
export function wholeDays(firstDate: string, lastDate: string, zone: string, summary: string): Closure {
	return { start: toInstant(isoDateWall(firstDate), zone), end: toInstant(isoDateWall(lastDate) + DAY_MS, zone), summary };
}
