import { DateTime } from 'luxon';

import type { Holiday } from '../hours';
import { minutesToHhmm } from '../hours';
import type { Closure } from './types';

/*
 * Closures -> WhatsApp holiday entries: one {date, startTime, endTime} per date of the business timezone.
 * A holiday's end minute is inclusive (1159 closes through 11:59, so 12:00 is open again) and "2359" means
 * until midnight. Meta keeps one entry per date, so two closures on one date become the span from the
 * first start to the last end.
 */

const LAST_MINUTE = 24 * 60 - 1;

function minuteOf(local: DateTime): number {
	return local.hour * 60 + local.minute;
}

/** One date's part of a closure, as minutes of that day [first, last] (inclusive). */
function dayPart(start: DateTime, end: DateTime, day: DateTime): { date: string; first: number; last: number } | undefined {
	const dayStart = day.startOf('day');
	const nextDay = dayStart.plus({ days: 1 }).startOf('day');
	const from = start > dayStart ? start : dayStart;
	const to = end < nextDay ? end : nextDay;
	if (to <= from) return undefined;
	const first = minuteOf(from);
	// An end inside a minute still closes that minute; an end on a minute boundary reopens at it.
	const endsOnMinute = to.second === 0 && to.millisecond === 0;
	let last = to >= nextDay ? LAST_MINUTE : minuteOf(to) - (endsOnMinute ? 1 : 0);
	if (last < first) last = first;
	// Meta wants start < end: a closure of one minute becomes two.
	if (last === first) return first === LAST_MINUTE ? { date: day.toISODate() as string, first: first - 1, last } : { date: day.toISODate() as string, first, last: first + 1 };
	return { date: day.toISODate() as string, first, last };
}

/** The holiday entries (sorted, one per date) that the closures make in `zone`. */
export function closureDays(closures: readonly Closure[], zone: string): Holiday[] {
	const byDate = new Map<string, { first: number; last: number }>();
	for (const closure of closures) {
		const start = DateTime.fromMillis(closure.start, { zone });
		const end = DateTime.fromMillis(closure.end, { zone });
		for (let day = start.startOf('day'); day < end; day = day.plus({ days: 1 }).startOf('day')) {
			const part = dayPart(start, end, day);
			if (!part) continue;
			const known = byDate.get(part.date);
			byDate.set(part.date, known ? { first: Math.min(known.first, part.first), last: Math.max(known.last, part.last) } : part);
		}
	}
	return [...byDate.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([date, { first, last }]) => ({ date, startTime: minutesToHhmm(first), endTime: minutesToHhmm(last) }));
}

/** A closure of whole days of `zone`: from the start of `firstDate` to the start of the day after `lastDate`. */
export function wholeDays(firstDate: string, lastDate: string, zone: string, summary: string): Closure {
	const start = DateTime.fromISO(firstDate, { zone }).startOf('day');
	const end = DateTime.fromISO(lastDate, { zone }).plus({ days: 1 }).startOf('day');
	return { start: start.toMillis(), end: end.toMillis(), summary };
}
