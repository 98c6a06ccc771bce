import { InputError } from '../validation';
import { eventName } from './ical';
import { expandRule } from './rrule';
import type { CalendarEvent, CalendarTime, Closure } from './types';
import { DAY_MS, dayNumber, pacer, resolveWall, toWall } from './wall';

/*
 * Events -> closures, in two steps. `expandEvents` (async, before the business timezone is known) lists the
 * occurrences near the window in wall time; `occurrenceClosures` turns them into spans of instants once the
 * zone is known. All-day events close whole days of the business timezone (their dates are nobody's
 * instants); floating times are read there too.
 */

export interface Window {
	/** epoch milliseconds: closures ending at or before it are left out */
	from: number;
	/** epoch milliseconds: closures starting at or after it are left out */
	to: number;
}

/**
 * At most this many occurrences near the window. A business calendar has a few hundred; a daily event is
 * 367 in a year's window, so this allows over sixty of them. The bound is set by the step that needs the
 * business timezone: it runs inside the settings update, in one go, and 25,000 occurrences take it ~50 ms
 * on a loaded 2-core machine. More is a broken or hostile feed: the sync fails rather than write a partial
 * calendar.
 */
export const MAX_OCCURRENCES = 25_000;

/** One occurrence: the event (series or override) and its start in the event's own wall clock. */
export interface Occurrence {
	event: CalendarEvent;
	wall: number;
}

/** How long an event lasts in wall time, give or take a day (an end in another zone). */
function wallLength(event: CalendarEvent): number {
	if (event.duration) return event.duration.days * DAY_MS + event.duration.millis;
	if (event.end) return event.end.wall - event.start.wall;
	return event.start.dateOnly ? DAY_MS : 0;
}

/**
 * The occurrences that may overlap the window, in every timezone (two days of margin for the zones). Work
 * is proportional to the window, not to a series' age; past MAX_OCCURRENCES it is an InputError on `field`.
 */
export async function expandEvents(events: readonly CalendarEvent[], window: Window, field = 'calendarUrl'): Promise<Occurrence[]> {
	const occurrences: Occurrence[] = [];
	const step = pacer();
	const limit = window.to + 2 * DAY_MS;
	for (const event of events) {
		if (event.cancelled) continue;
		const from = window.from - 2 * DAY_MS - wallLength(event);
		const rule = event.recurrenceId ? undefined : event.rule;
		const walls = rule ? expandRule(rule, event.start.wall, limit, from) : event.start.wall >= from && event.start.wall <= limit ? [event.start.wall] : [];
		for (const wall of walls) occurrences.push({ event, wall });
		if (occurrences.length > MAX_OCCURRENCES) {
			throw new InputError(field, `has more than ${MAX_OCCURRENCES.toLocaleString('en-US')} occurrences in the sync window (the last counted: ${eventName(event)}); nothing was written`);
		}
		await step();
	}
	return occurrences;
}

/** The zone a time is read in: its own, or the business timezone for dates and floating times. */
function zoneFor(time: CalendarTime, businessZone: string): string {
	return time.dateOnly || time.zone === 'floating' ? businessZone : time.zone;
}

/**
 * Whether an occurrence of a series is excluded (EXDATE) or replaced (RECURRENCE-ID), the two written in
 * either value type: a date takes that day's occurrence of any series; a date-time its own instant, or
 * its day (in the business timezone) of an all-day series.
 */
function exclusionTest(times: CalendarTime[], businessZone: string): (dateOnly: boolean, wall: number, instant: number) => boolean {
	if (times.length === 0) return () => false;
	const keys = new Set<string>();
	for (const time of times) {
		if (time.dateOnly) keys.add(`d${dayNumber(time.wall)}`);
		else {
			const instant = resolveWall(time.wall, zoneFor(time, businessZone)).instant;
			keys.add(`t${instant}`).add(`a${dayNumber(toWall(instant, businessZone))}`);
		}
	}
	return (dateOnly, wall, instant) => keys.has(`d${dayNumber(wall)}`) || keys.has(dateOnly ? `a${dayNumber(wall)}` : `t${instant}`);
}

/** The closures of the occurrences that overlap the window, sorted by start, and notices of skipped times. */
export function occurrenceClosures(occurrences: readonly Occurrence[], events: readonly CalendarEvent[], window: Window, businessZone: string): { closures: Closure[]; notices: string[] } {
	const replaced = new Map<string, CalendarTime[]>();
	for (const event of events) if (event.recurrenceId) replaced.set(event.uid, [...(replaced.get(event.uid) ?? []), event.recurrenceId]);
	const excluded = new Map<CalendarEvent, ReturnType<typeof exclusionTest>>();
	const lengths = new Map<CalendarEvent, number>();
	const notices = new Set<string>();
	const instantOf = (event: CalendarEvent, time: CalendarTime, wall = time.wall) => {
		const zone = zoneFor(time, businessZone);
		const { instant, skipped } = resolveWall(wall, zone);
		// Moved forward by the gap (RFC 5545 3.3.5), and said, not hidden.
		if (skipped && notices.size < 20) notices.add(`${eventName(event)}: ${new Date(wall).toISOString().slice(0, 16)} is skipped by the clock change in ${zone}; read as the time after it`);
		return instant;
	};
	const closures: Closure[] = [];
	for (const { event, wall } of occurrences) {
		const start = instantOf(event, event.start, wall);
		if (event.rule && !event.recurrenceId) {
			let test = excluded.get(event);
			if (!test) excluded.set(event, (test = exclusionTest([...event.exdates, ...(replaced.get(event.uid) ?? [])], businessZone)));
			if (test(event.start.dateOnly, wall, start)) continue;
		}
		let end: number;
		if (event.start.dateOnly) end = instantOf(event, event.start, wall + wallLength(event));
		else if (event.duration?.days) end = instantOf(event, event.start, wall + event.duration.days * DAY_MS) + event.duration.millis;
		else {
			// RFC 5545: a date-time event's DTEND and a DURATION's hours are exact lengths across DST.
			let length = lengths.get(event);
			if (length === undefined) lengths.set(event, (length = event.end ? instantOf(event, event.end) - instantOf(event, event.start) : (event.duration?.millis ?? 0)));
			end = start + length;
		}
		if (end > start && end > window.from && start < window.to) closures.push({ start, end, summary: event.summary });
	}
	return { closures: closures.sort((a, b) => a.start - b.start || a.end - b.end), notices: [...notices] };
}
