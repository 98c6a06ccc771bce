import { expandRule } from './rrule';
import type { CalendarEvent, CalendarTime, Closure } from './types';
import { DAY_MS, toInstant } from './wall';

/*
 * Events -> closures: each occurrence of each event becomes a span of instants. All-day events close whole
 * days of the business timezone (their dates are nobody's instants); floating times are read there too.
 */

export interface Window {
	/** epoch milliseconds: closures ending at or before it are left out */
	from: number;
	/** epoch milliseconds: closures starting at or after it are left out */
	to: number;
}

function zoneFor(time: CalendarTime, businessZone: string): string {
	return time.dateOnly || time.zone === 'floating' ? businessZone : time.zone;
}

function instantOf(time: CalendarTime, businessZone: string): number {
	return toInstant(time.wall, zoneFor(time, businessZone));
}

/** A key that names one occurrence, so EXDATE and RECURRENCE-ID find it however they are written. */
function occurrenceKey(time: CalendarTime, businessZone: string): string {
	return time.dateOnly ? `d${time.wall}` : `t${instantOf(time, businessZone)}`;
}

/** The end of one occurrence that starts at wall `startWall`. */
function endOf(event: CalendarEvent, startWall: number, businessZone: string): number {
	const zone = zoneFor(event.start, businessZone);
	if (event.duration) {
		return toInstant(startWall + event.duration.days * DAY_MS, zone) + event.duration.millis;
	}
	if (event.end) {
		const endZone = zoneFor(event.end, businessZone);
		// Same clock: the length is kept in wall time, so an 09:00-17:00 event stays that on a DST day.
		if (endZone === zone) return toInstant(startWall + (event.end.wall - event.start.wall), zone);
		return toInstant(startWall, zone) + (instantOf(event.end, businessZone) - instantOf(event.start, businessZone));
	}
	// RFC 5545: no DTEND = one day for a date, no length for a date-time.
	return toInstant(startWall + (event.start.dateOnly ? DAY_MS : 0), zone);
}

/** The latest wall time that can still start an occurrence overlapping the window (zones are < 1 day off). */
function wallLimit(window: Window): number {
	return window.to + 2 * DAY_MS;
}

/** The occurrences of one event (with its overrides and exclusions) that overlap the window. */
function closuresOfSeries(master: CalendarEvent, overridden: Set<string>, window: Window, businessZone: string): Closure[] {
	if (master.cancelled) return [];
	const zone = zoneFor(master.start, businessZone);
	const excluded = new Set(master.exdates.map((time) => occurrenceKey({ ...time, dateOnly: time.dateOnly }, businessZone)));
	const starts = master.rule ? expandRule(master.rule, master.start.wall, wallLimit(window)) : [master.start.wall];
	const closures: Closure[] = [];
	for (const wall of starts) {
		const key = occurrenceKey({ wall, dateOnly: master.start.dateOnly, zone: master.start.zone }, businessZone);
		if (excluded.has(key) || overridden.has(key)) continue;
		const start = toInstant(wall, zone);
		const end = endOf(master, wall, businessZone);
		if (end > start && end > window.from && start < window.to) closures.push({ start, end, summary: master.summary });
	}
	return closures;
}

/** Every closure of the events within the window, sorted by start. Cancelled events and occurrences close nothing. */
export function eventClosures(events: readonly CalendarEvent[], window: Window, businessZone: string): Closure[] {
	const overridesByUid = new Map<string, CalendarEvent[]>();
	for (const event of events) {
		if (!event.recurrenceId) continue;
		const list = overridesByUid.get(event.uid) ?? [];
		list.push(event);
		overridesByUid.set(event.uid, list);
	}
	const closures: Closure[] = [];
	for (const event of events) {
		if (event.recurrenceId) {
			// An override replaces one occurrence; cancelled, it removes it.
			if (event.cancelled) continue;
			closures.push(...closuresOfSeries({ ...event, rule: undefined, exdates: [] }, new Set(), window, businessZone));
			continue;
		}
		const overrides = overridesByUid.get(event.uid) ?? [];
		const overridden = new Set(overrides.map((o) => occurrenceKey(o.recurrenceId as CalendarTime, businessZone)));
		closures.push(...closuresOfSeries(event, overridden, window, businessZone));
	}
	return closures.sort((a, b) => a.start - b.start || a.end - b.end);
}
