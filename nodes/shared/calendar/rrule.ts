import type { ByDay, RecurrenceRule } from './types';
import { DAY_MS, dayNumber, weekdayOfDay } from './wall';

/*
 * RRULE expansion (RFC 5545 3.3.10) for FREQ DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT, UNTIL,
 * BYDAY (ordinals too), BYMONTH, BYMONTHDAY and WKST, in wall time: each period of the frequency yields
 * its candidate days (BYxxx expand or limit as the RFC's table says), at DTSTART's time of day.
 */

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function firstDayOfMonth(year: number, month: number): number {
	return dayNumber(Date.UTC(year, month - 1, 1));
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

function dayOfMonth(day: number): number {
	return new Date(day * DAY_MS).getUTCDate();
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

function candidatesOfPeriod(rule: RecurrenceRule, period: number, start: { year: number; month: number; dom: number; day: number }): number[] {
	switch (rule.freq) {
		case 'DAILY': {
			const day = start.day + period * rule.interval;
			return [day];
		}
		case 'WEEKLY': {
			const weekFirst = start.day - ((weekdayOfDay(start.day) - rule.weekStart + 7) % 7) + period * 7 * rule.interval;
			if (rule.byDay.length === 0) return [weekFirst + ((weekdayOfDay(start.day) - rule.weekStart + 7) % 7)];
			return rule.byDay.map(({ weekday }) => weekFirst + ((weekday - rule.weekStart + 7) % 7));
		}
		case 'MONTHLY': {
			const index = start.year * 12 + (start.month - 1) + period * rule.interval;
			const year = Math.floor(index / 12);
			const month = (index % 12) + 1;
			return daysOfMonth(rule, year, month, start.dom, null);
		}
		case 'YEARLY': {
			const year = start.year + period * rule.interval;
			const yearFirst = dayNumber(Date.UTC(year, 0, 1));
			const yearLast = dayNumber(Date.UTC(year, 11, 31));
			if (rule.byMonth.length > 0) {
				return rule.byMonth.flatMap((month) => daysOfMonth(rule, year, month, start.dom, null));
			}
			if (rule.byMonthDay.length > 0) {
				return Array.from({ length: 12 }, (_, i) => i + 1).flatMap((month) => daysOfMonth(rule, year, month, start.dom, [yearFirst, yearLast]));
			}
			if (rule.byDay.length > 0) return byDayIn(yearFirst, yearLast, rule.byDay);
			return daysOfMonth(rule, year, start.month, start.dom, null);
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

/** How many periods may be looked at before giving up: ~4000 years of days; no real rule gets near it. */
const MAX_PERIODS = 1_500_000;

/**
 * The occurrences (wall milliseconds, ascending) of `rule` from `dtstart` up to `limit` (inclusive). As
 * RFC 5545 says, DTSTART is always the first occurrence and counts towards COUNT, even when the rule would
 * not pick it. The caller bounds `limit`; a rule may yield nothing for a long time (BYMONTH=2;BYMONTHDAY=30).
 */
export function expandRule(rule: RecurrenceRule, dtstart: number, limit: number): number[] {
	const startDay = dayNumber(dtstart);
	const timeOfDay = dtstart - startDay * DAY_MS;
	const startDate = new Date(dtstart);
	const start = { year: startDate.getUTCFullYear(), month: startDate.getUTCMonth() + 1, dom: dayOfMonth(startDay), day: startDay };
	const end = rule.until === undefined ? limit : Math.min(limit, rule.until);
	const occurrences: number[] = [dtstart];
	if (rule.count === 1 || dtstart > end) return dtstart > limit ? [] : occurrences;
	for (let period = 0; period < MAX_PERIODS; period++) {
		const days = [...new Set(candidatesOfPeriod(rule, period, start))].sort((a, b) => a - b);
		const periodFirst = days[0];
		if (periodFirst !== undefined && periodFirst * DAY_MS > end) break;
		if (days.length === 0 && periodStartPast(rule, period, start, end)) break;
		for (const day of days) {
			const wall = day * DAY_MS + timeOfDay;
			if (wall <= dtstart || wall > end || !passesLimits(rule, day)) continue;
			occurrences.push(wall);
			if (rule.count !== undefined && occurrences.length >= rule.count) return occurrences;
		}
	}
	return occurrences;
}

/** For a period without candidates: has the period begun after `end`? (then no later one can yield) */
function periodStartPast(rule: RecurrenceRule, period: number, start: { year: number; month: number }, end: number): boolean {
	if (rule.freq === 'MONTHLY') {
		const index = start.year * 12 + (start.month - 1) + period * rule.interval;
		return Date.UTC(Math.floor(index / 12), index % 12, 1) > end;
	}
	if (rule.freq === 'YEARLY') return Date.UTC(start.year + period * rule.interval, 0, 1) > end;
	return false;
}
