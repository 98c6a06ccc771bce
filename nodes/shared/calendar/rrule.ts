import type { ByDay, RecurrenceRule } from './types';
import { DAY_MS, dayNumber, LAST_WALL, wallOf, weekdayOfDay } from './wall';

/*
 * RRULE expansion (RFC 5545 3.3.10) for FREQ DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT, UNTIL,
 * BYDAY (ordinals too), BYMONTH, BYMONTHDAY and WKST, in wall time: each period of the frequency yields
 * its candidate days (BYxxx expand or limit as the RFC's table says), at DTSTART's time of day.
 * Work is proportional to the window, not to the series' age: expansion jumps to the period of the
 * window's start, and COUNT is counted year by year with the count of each kind of year computed once.
 */

function daysInMonth(year: number, month: number): number {
	return new Date(wallOf(year, month + 1, 0)).getUTCDate();
}

function firstDayOfMonth(year: number, month: number): number {
	return dayNumber(wallOf(year, month, 1));
}

/** Day numbers in [first, last] that the BYDAY list picks, ordinals counted within that range. */
function byDayIn(first: number, last: number, byDay: ByDay[]): number[] {
	const picked = new Set<number>();
	for (const { weekday, ordinal } of byDay) {
		const offset = (weekday - weekdayOfDay(first) + 7) % 7;
		const matching: number[] = [];
		for (let day = first + offset; day <= last; day += 7) matching.push(day);
		if (ordinal === 0) matching.forEach((day) => picked.add(day));
		else {
			const chosen = ordinal > 0 ? matching[ordinal - 1] : matching[matching.length + ordinal];
			if (chosen !== undefined) picked.add(chosen);
		}
	}
	return [...picked];
}

function monthDaysIn(year: number, month: number, byMonthDay: number[]): number[] {
	const length = daysInMonth(year, month);
	const first = firstDayOfMonth(year, month);
	return byMonthDay
		.map((day) => (day > 0 ? day : length + day + 1))
		.filter((day) => day >= 1 && day <= length)
		.map((day) => first + day - 1);
}

function monthOfDay(day: number): number {
	return new Date(day * DAY_MS).getUTCMonth() + 1;
}

function matchesMonthDay(day: number, byMonthDay: number[]): boolean {
	const date = new Date(day * DAY_MS);
	const length = daysInMonth(date.getUTCFullYear(), date.getUTCMonth() + 1);
	const dom = date.getUTCDate();
	return byMonthDay.some((wanted) => (wanted > 0 ? wanted : length + wanted + 1) === dom);
}

/** The candidate days of one month (MONTHLY, or a YEARLY rule that names months). */
function daysOfMonth(rule: RecurrenceRule, year: number, month: number, startDom: number, ordinalsInYear: [number, number] | null): number[] {
	const first = firstDayOfMonth(year, month);
	const last = first + daysInMonth(year, month) - 1;
	if (rule.byMonthDay.length > 0) {
		const days = monthDaysIn(year, month, rule.byMonthDay);
		if (rule.byDay.length === 0) return days;
		// BYDAY limits BYMONTHDAY: keep the days that BYDAY would also pick.
		const allowed = new Set(ordinalsInYear ? byDayIn(ordinalsInYear[0], ordinalsInYear[1], rule.byDay) : byDayIn(first, last, rule.byDay));
		return days.filter((day) => allowed.has(day));
	}
	if (rule.byDay.length > 0) return byDayIn(first, last, rule.byDay);
	return startDom <= last - first + 1 ? [first + startDom - 1] : [];
}

/** DTSTART's calendar position, which every period is counted from. */
interface Anchor {
	year: number;
	month: number;
	dom: number;
	day: number;
	/** first day of DTSTART's week (by WKST) */
	weekFirst: number;
	/** year * 12 + month - 1 */
	monthIndex: number;
}

function anchorOf(rule: RecurrenceRule, dtstart: number): Anchor {
	const date = new Date(dtstart);
	const day = dayNumber(dtstart);
	const [year, month] = [date.getUTCFullYear(), date.getUTCMonth() + 1];
	return { year, month, dom: date.getUTCDate(), day, weekFirst: day - ((weekdayOfDay(day) - rule.weekStart + 7) % 7), monthIndex: year * 12 + month - 1 };
}

function yearOfDay(day: number): number {
	return new Date(day * DAY_MS).getUTCFullYear();
}

/** The first day of period `period` (0 = DTSTART's). */
function periodStartDay(rule: RecurrenceRule, a: Anchor, period: number): number {
	const step = period * rule.interval;
	if (rule.freq === 'DAILY') return a.day + step;
	if (rule.freq === 'WEEKLY') return a.weekFirst + 7 * step;
	if (rule.freq === 'MONTHLY') return dayNumber(wallOf(Math.floor((a.monthIndex + step) / 12), ((a.monthIndex + step) % 12) + 1, 1));
	return dayNumber(wallOf(a.year + step, 1, 1));
}

/** The period whose span holds `day`, or the last one before it (negative before DTSTART's). */
function periodOfDay(rule: RecurrenceRule, a: Anchor, day: number): number {
	if (rule.freq === 'DAILY') return Math.floor((day - a.day) / rule.interval);
	if (rule.freq === 'WEEKLY') return Math.floor((day - a.weekFirst) / (7 * rule.interval));
	const date = new Date(day * DAY_MS);
	if (rule.freq === 'MONTHLY') return Math.floor((date.getUTCFullYear() * 12 + date.getUTCMonth() - a.monthIndex) / rule.interval);
	return Math.floor((date.getUTCFullYear() - a.year) / rule.interval);
}

function candidatesOfPeriod(rule: RecurrenceRule, period: number, a: Anchor): number[] {
	const first = periodStartDay(rule, a, period);
	switch (rule.freq) {
		case 'DAILY':
			return [first];
		case 'WEEKLY': {
			if (rule.byDay.length === 0) return [a.day - a.weekFirst + first];
			return rule.byDay.map(({ weekday }) => first + ((weekday - rule.weekStart + 7) % 7));
		}
		case 'MONTHLY': {
			const index = a.monthIndex + period * rule.interval;
			return daysOfMonth(rule, Math.floor(index / 12), (index % 12) + 1, a.dom, null);
		}
		case 'YEARLY': {
			const year = a.year + period * rule.interval;
			const yearLast = dayNumber(wallOf(year, 12, 31));
			if (rule.byMonth.length > 0) return rule.byMonth.flatMap((month) => daysOfMonth(rule, year, month, a.dom, null));
			if (rule.byMonthDay.length > 0) {
				return Array.from({ length: 12 }, (_, i) => i + 1).flatMap((month) => daysOfMonth(rule, year, month, a.dom, [first, yearLast]));
			}
			if (rule.byDay.length > 0) return byDayIn(first, yearLast, rule.byDay);
			return daysOfMonth(rule, year, a.month, a.dom, null);
		}
	}
}

/** Whether a candidate day passes the BYxxx parts that only limit at this frequency. */
function passesLimits(rule: RecurrenceRule, day: number): boolean {
	if (rule.byMonth.length > 0 && !rule.byMonth.includes(monthOfDay(day))) return false;
	if (rule.freq === 'DAILY') {
		if (rule.byMonthDay.length > 0 && !matchesMonthDay(day, rule.byMonthDay)) return false;
		if (rule.byDay.length > 0 && !rule.byDay.some(({ weekday }) => weekday === weekdayOfDay(day))) return false;
	}
	return true;
}

/** The days of one period that the rule picks, ascending. */
function daysOfPeriod(rule: RecurrenceRule, period: number, a: Anchor): number[] {
	return [...new Set(candidatesOfPeriod(rule, period, a))].filter((day) => passesLimits(rule, day)).sort((x, y) => x - y);
}

/** How many picked days lie in [fromDay, toDay) with a wall time after `after`, period by period. */
function countByStepping(rule: RecurrenceRule, a: Anchor, after: number, timeOfDay: number, fromDay: number, toDay: number): number {
	let count = 0;
	for (let period = Math.max(0, periodOfDay(rule, a, fromDay)); periodStartDay(rule, a, period) < toDay; period++) {
		for (const day of daysOfPeriod(rule, period, a)) if (day >= fromDay && day < toDay && day * DAY_MS + timeOfDay > after) count++;
	}
	return count;
}

/**
 * How many occurrences after DTSTART fall before `boundaryDay` (stopping once `cap` is reached). A later
 * year's occurrences depend only on its weekday of 1 January, whether it is a leap year, and how far into
 * a period of the rule 1 January falls, so each such kind of year is stepped through once.
 */
function countBefore(rule: RecurrenceRule, a: Anchor, dtstart: number, boundaryDay: number, cap: number): number {
	const timeOfDay = dtstart - a.day * DAY_MS;
	const yearStart = (year: number) => dayNumber(wallOf(year, 1, 1));
	let total = countByStepping(rule, a, dtstart, timeOfDay, a.day, Math.min(boundaryDay, yearStart(a.year + 1)));
	const lastYear = yearOfDay(boundaryDay);
	const perKind = new Map<string, number>();
	let year = a.year + 1;
	for (; year < lastYear && total < cap; year++) {
		const [first, next] = [yearStart(year), yearStart(year + 1)];
		const kind = `${weekdayOfDay(first)} ${next - first} ${first - periodStartDay(rule, a, periodOfDay(rule, a, first))}`;
		let count = perKind.get(kind);
		if (count === undefined) perKind.set(kind, (count = countByStepping(rule, a, dtstart, timeOfDay, first, next)));
		total += count;
	}
	if (year === lastYear && year > a.year && total < cap) total += countByStepping(rule, a, dtstart, timeOfDay, yearStart(year), boundaryDay);
	return total;
}

/** Whether the rule repeats before the year 10000 at all: an INTERVAL too large for that is a mistake in the feed. */
export function repeatsInRange(rule: RecurrenceRule, dtstart: number): boolean {
	return periodStartDay(rule, anchorOf(rule, dtstart), 1) * DAY_MS <= LAST_WALL;
}

/**
 * The occurrences (wall milliseconds, ascending) of `rule` within [from, limit]. As RFC 5545 says, DTSTART
 * is always the first occurrence and counts towards COUNT, even when the rule would not pick it. The work
 * is proportional to the periods in [from, limit] (plus a few hundred for COUNT), however old DTSTART is.
 */
export function expandRule(rule: RecurrenceRule, dtstart: number, limit: number, from = dtstart): number[] {
	const a = anchorOf(rule, dtstart);
	const timeOfDay = dtstart - a.day * DAY_MS;
	const end = Math.min(limit, rule.until ?? limit, LAST_WALL);
	const occurrences: number[] = dtstart >= from && dtstart <= limit ? [dtstart] : [];
	if (rule.count === 1 || dtstart > end) return occurrences;
	let period = Math.max(0, periodOfDay(rule, a, dayNumber(from)));
	const cap = rule.count ?? Infinity;
	let seen = rule.count === undefined ? 0 : 1 + countBefore(rule, a, dtstart, periodStartDay(rule, a, period), cap);
	// NaN (a period past any date) ends the loop too: the comparison is false.
	for (; seen < cap && periodStartDay(rule, a, period) * DAY_MS <= end; period++) {
		for (const day of daysOfPeriod(rule, period, a)) {
			const wall = day * DAY_MS + timeOfDay;
			if (wall <= dtstart) continue;
			if (wall > end || ++seen > cap) return occurrences;
			if (wall >= from) occurrences.push(wall);
		}
	}
	return occurrences;
}
