import { IANAZone } from 'luxon';
import { sleep } from 'n8n-workflow';

/*
 * Time: wall milliseconds (a local date-time's fields read as if they were UTC), zones, and the slices
 * that long loops take of n8n's event loop (below). Wall milliseconds: Date arithmetic on them is plain
 * arithmetic, with no timezone in the way; `resolveWall` applies a zone as RFC 5545 3.3.5 says.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The wall value of the fields; years 0001-0099 stay as written (Date.UTC would read 50 as 1950). */
export function wallOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	return date.setUTCHours(hour, minute, second, 0);
}

/** The end of the supported range, 9999-12-31 (what a YYYYMMDD value can name). */
export const LAST_WALL = wallOf(10000, 1, 1) - 1;

/** Day number since 1970-01-01 of a wall value. */
export function dayNumber(wall: number): number {
	return Math.floor(wall / DAY_MS);
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
	return (((day + 3) % 7) + 7) % 7;
}

/** YYYY-MM-DD of a day number. */
export function isoDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// Offsets per zone and UTC day: an offset that is the same at both ends of a day holds all day (no zone
// changes twice within a day), so a feed's thousands of times cost a few Intl look-ups per day, not each.
const dayOffsets = new Map<string, Map<number, number>>();
const CHANGES_THAT_DAY = NaN;

function exactOffset(zone: string, instant: number): number {
	return IANAZone.create(zone).offset(instant) * 60_000;
}

/** The zone's offset from UTC (milliseconds) at an instant. */
function offsetAt(zone: string, instant: number): number {
	if (zone === 'utc') return 0;
	let days = dayOffsets.get(zone);
	if (!days || days.size > 100_000) dayOffsets.set(zone, (days = new Map()));
	const day = dayNumber(instant);
	let offset = days.get(day);
	if (offset === undefined) {
		offset = exactOffset(zone, day * DAY_MS);
		if (exactOffset(zone, (day + 1) * DAY_MS - 1) !== offset) offset = CHANGES_THAT_DAY;
		days.set(day, offset);
	}
	return Number.isNaN(offset) ? exactOffset(zone, instant) : offset;
}

/** A wall time read in a zone: its instant, and whether the time does not exist there (a spring-forward gap). */
export interface Resolved {
	instant: number;
	skipped: boolean;
}

/**
 * The instant a wall time names in `zone` (RFC 5545 3.3.5): a time that occurs twice (clocks going back)
 * is its first occurrence; a time a spring-forward skips is read with the offset before the gap, which
 * moves it forward by the gap (02:30 becomes 03:30), and is reported as skipped.
 */
export function resolveWall(wall: number, zone: string): Resolved {
	const before = offsetAt(zone, wall - DAY_MS);
	// The common case: no change near this time.
	if (offsetAt(zone, wall + DAY_MS) === before && offsetAt(zone, wall - before) === before) return { instant: wall - before, skipped: false };
	const after = offsetAt(zone, wall + DAY_MS);
	const early = wall - before;
	const late = wall - after;
	const earlyFits = offsetAt(zone, early) === before;
	const lateFits = offsetAt(zone, late) === after;
	if (earlyFits && lateFits) return { instant: Math.min(early, late), skipped: false };
	if (earlyFits || lateFits) return { instant: earlyFits ? early : late, skipped: false };
	return { instant: early, skipped: true };
}

/** The instant of a wall time in `zone` (see resolveWall). */
export function toInstant(wall: number, zone: string): number {
	return resolveWall(wall, zone).instant;
}

/** The wall-clock value of an instant in `zone`. */
export function toWall(instant: number, zone: string): number {
	return instant + offsetAt(zone, instant);
}

/*
 * Long loops over outside input (a feed's lines, events, occurrences) check in here: once a slice of work
 * has run, they let n8n's other work (webhooks, the editor, other executions) run before going on.
 */

/** Well under the 50 ms that n8n's event loop may be held; Date.now is cheap enough to ask every step. */
const SLICE_MS = 20;

/** A check-in for one loop: `await step()` yields to the event loop when the current slice is used up. */
export function pacer(): () => Promise<void> {
	let since = Date.now();
	return async () => {
		if (Date.now() - since < SLICE_MS) return;
		await sleep(0);
		since = Date.now();
	};
}
