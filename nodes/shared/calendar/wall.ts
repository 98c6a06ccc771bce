import { DateTime } from 'luxon';

/*
 * Wall milliseconds: a local date-time's fields read as if they were UTC (Date.UTC(y, m - 1, d, h, mi, s)).
 * Date arithmetic on them is plain arithmetic, with no timezone in the way; `toInstant` applies a zone.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Day number since 1970-01-01 of a wall value. */
export function dayNumber(wall: number): number {
	return Math.floor(wall / DAY_MS);
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
	return (((day + 3) % 7) + 7) % 7;
}

export function wallParts(wall: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
	const date = new Date(wall);
	return {
		year: date.getUTCFullYear(),
		month: date.getUTCMonth() + 1,
		day: date.getUTCDate(),
		hour: date.getUTCHours(),
		minute: date.getUTCMinutes(),
		second: date.getUTCSeconds(),
	};
}

/** The instant a wall-clock value names in `zone`. A time a spring-forward skips moves forward by the gap (RFC 5545 3.3.5). */
export function toInstant(wall: number, zone: string): number {
	if (zone === 'utc') return wall;
	const parts = wallParts(wall);
	return DateTime.fromObject(parts, { zone }).toMillis();
}

/** The wall-clock value of an instant in `zone`. */
export function toWall(instant: number, zone: string): number {
	if (zone === 'utc') return instant;
	const local = DateTime.fromMillis(instant, { zone });
	return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}
