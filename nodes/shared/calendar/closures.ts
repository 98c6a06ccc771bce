import { InputError } from '../validation';
import { eventName } from './ical';
import { Pacer } from './pace';
import { expandRule } from './rrule';
import type { CalendarEvent, CalendarTime, Closure } from './types';
import { DAY_MS, dayNumber, resolveWall, toWall } from './wall';

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
	const pacer = new Pacer();
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
		await pacer.step();
	}
	return occurrences;
}

/** The zone a time is read in: its own, or the business timezone for dates and floating times. */
function zoneFor(time: CalendarTime, businessZone: string): string {
	return time.dateOnly || time.zone === 'floating' ? businessZone : time.zone;
}

/** Which occurrences of a series are excluded (EXDATE) or replaced (RECURRENCE-ID), in either value type. */
interface Exclusions {
	days: Set<number>;
	instants: Set<number>;
}

function exclusionsOf(times: CalendarTime[], businessZone: string): Exclusions {
	const exclusions: Exclusions = { days: new Set(), instants: new Set() };
	for (const time of times) {
		if (time.dateOnly) exclusions.days.add(dayNumber(time.wall));
		else {
			const instant = resolveWall(time.wall, zoneFor(time, businessZone)).instant;
			exclusions.instants.add(instant);
			// A date-time excludes its day of an all-day series: that day in the business timezone.
			exclusions.days.add(-1 - dayNumber(toWall(instant, businessZone)));
		}
	}
	return exclusions;
}

function isExcluded(exclusions: Exclusions, event: CalendarEvent, wall: number, instant: number): boolean {
	// A date excludes that day's occurrence of any series; a date-time its own instant (or day, all-day).
	if (exclusions.days.has(dayNumber(wall))) return true;
	return event.start.dateOnly ? exclusions.days.has(-1 - dayNumber(wall)) : exclusions.instants.has(instant);
}

/** Turns occurrences into closures, remembering the times that a spring-forward skipped. */
class ClosureMaker {
	readonly notices: string[] = [];
	private readonly exclusions = new Map<string, Exclusions>();
	private readonly lengths = new Map<CalendarEvent, number>();

	constructor(
		private readonly businessZone: string,
		overrides: Map<string, CalendarTime[]>,
		events: readonly CalendarEvent[],
	) {
		for (const event of events) {
			if (event.recurrenceId || !event.rule) continue;
			this.exclusions.set(event.uid, exclusionsOf([...event.exdates, ...(overrides.get(event.uid) ?? [])], businessZone));
		}
	}

	private instantOf(event: CalendarEvent, time: CalendarTime): number {
		const { instant, skipped } = resolveWall(time.wall, zoneFor(time, this.businessZone));
		if (skipped && this.notices.length < 20) {
			const local = new Date(time.wall).toISOString().slice(0, 16).replace('T', ' ');
			const notice = `${eventName(event)}: ${local} does not exist in ${zoneFor(time, this.businessZone)} (clocks go forward), so it is read as the time after the gap`;
			if (!this.notices.includes(notice)) this.notices.push(notice);
		}
		return instant;
	}

	/** A date-time event's exact length (RFC 5545: DTEND and a DURATION's hours are exact across DST). */
	private exactLength(event: CalendarEvent): number {
		let length = this.lengths.get(event);
		if (length === undefined) {
			length = event.end ? this.instantOf(event, event.end) - this.instantOf(event, event.start) : (event.duration?.millis ?? 0);
			this.lengths.set(event, length);
		}
		return length;
	}

	closureOf(occurrence: Occurrence): Closure | undefined {
		const { event, wall } = occurrence;
		const start = this.instantOf(event, { ...event.start, wall });
		const exclusions = event.rule && !event.recurrenceId ? this.exclusions.get(event.uid) : undefined;
		if (exclusions && isExcluded(exclusions, event, wall, start)) return undefined;
		let end: number;
		if (event.start.dateOnly) end = this.instantOf(event, { ...event.start, wall: wall + wallLength(event) });
		else if (event.duration?.days) end = this.instantOf(event, { ...event.start, wall: wall + event.duration.days * DAY_MS }) + event.duration.millis;
		else end = start + this.exactLength(event);
		return { start, end, summary: event.summary };
	}
}

/** The closures of the occurrences that overlap the window, sorted by start, and notices of skipped times. */
export function occurrenceClosures(occurrences: readonly Occurrence[], events: readonly CalendarEvent[], window: Window, businessZone: string): { closures: Closure[]; notices: string[] } {
	const overrides = new Map<string, CalendarTime[]>();
	for (const event of events) if (event.recurrenceId) overrides.set(event.uid, [...(overrides.get(event.uid) ?? []), event.recurrenceId]);
	const maker = new ClosureMaker(businessZone, overrides, events);
	const closures: Closure[] = [];
	for (const occurrence of occurrences) {
		const closure = maker.closureOf(occurrence);
		if (closure && closure.end > closure.start && closure.end > window.from && closure.start < window.to) closures.push(closure);
	}
	return { closures: closures.sort((a, b) => a.start - b.start || a.end - b.end), notices: maker.notices };
}
