import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { InputError } from '../validation';
import { END_OF_DAY, minuteOfDay, toEndMinute } from './time';
import { validateTimezone } from './timezone';
import { DAYS_OF_WEEK, type CallHours } from './types';

export type AvailabilityReason =
	| 'calling_disabled'
	| 'icon_hidden'
	| 'no_call_hours'
	| 'call_hours_disabled'
	| 'holiday'
	| 'outside_hours'
	| 'within_hours';

export interface AvailabilityInput {
	at: Date;
	callingEnabled: boolean;
	/** undefined = no hours stored: Meta puts calls through at any time */
	callHours?: CallHours;
	/** Messenger's call icon; undefined = not applicable (WhatsApp) */
	iconEnabled?: boolean;
}

export interface Availability {
	open: boolean;
	reason: AvailabilityReason;
	timezoneId: string | null;
	/** first moment after `at` when calls open (ISO, business offset); null when none within the horizon */
	nextOpenAt: string | null;
	/** first moment after `at` when calls close; null when none within the horizon */
	nextCloseAt: string | null;
}

/** How far ahead nextOpenAt / nextCloseAt are searched. */
export const AVAILABILITY_HORIZON_DAYS = 14;

/** [start, end) in epoch milliseconds. */
type Span = [number, number];

/**
 * The instant a local wall-clock time starts on a date in the business zone, so that a 09:00 opening is
 * 09:00 local on days of 23 or 25 hours too. Luxon moves a time that a spring-forward skips (02:30 in
 * Berlin) by the length of the gap (to 03:30); a window is meant to start at the first instant whose clock
 * reads that time or later, which is the moment the clocks jump, so we search for that moment instead.
 */
function localMillis(day: DateTime, minute: number): number {
	if (minute >= END_OF_DAY) return day.plus({ days: 1 }).startOf('day').toMillis();
	const hour = Math.floor(minute / 60);
	const wanted = day.set({ hour, minute: minute % 60, second: 0, millisecond: 0 });
	if (wanted.hour === hour && wanted.minute === minute % 60) return wanted.toMillis();
	return clockJump(wanted);
}

/** The first instant before `after` (within 3 hours) that already has its offset: when the clocks jumped. */
function clockJump(after: DateTime): number {
	const minute = 60 * 1000;
	let before = after.toMillis() - 180 * minute;
	let at = after.toMillis();
	while (at - before > minute) {
		const middle = before + Math.floor((at - before) / minute / 2) * minute;
		if (DateTime.fromMillis(middle, { zone: after.zone }).offset === after.offset) at = middle;
		else before = middle;
	}
	return at;
}

/** Sorts and joins spans that overlap or touch, so a window over midnight reads as one. */
function union(spans: Span[]): Span[] {
	const joined: Span[] = [];
	for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
		if (end <= start) continue;
		const last = joined[joined.length - 1];
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else joined.push([start, end]);
	}
	return joined;
}

function subtract(open: Span[], closed: Span[]): Span[] {
	let remaining = open;
	for (const [cutStart, cutEnd] of closed) {
		remaining = remaining.flatMap(([start, end]): Span[] => {
			if (cutEnd <= start || end <= cutStart) return [[start, end]];
			return [
				[start, Math.min(end, cutStart)],
				[Math.max(start, cutEnd), end],
			].filter(([s, e]) => s < e) as Span[];
		});
	}
	return remaining;
}

/**
 * The windows when calls ring, from the day before `at` to past the horizon: weekly windows minus holiday
 * windows (a holiday's end minute is inclusive: 1200 closes through 12:00 and reopens at 12:01; 2359 means
 * until midnight).
 */
function callWindows(hours: CallHours, zone: string, at: Date): { open: Span[]; holidays: Span[] } {
	const first = DateTime.fromJSDate(at, { zone }).startOf('day').minus({ days: 1 });
	const weekly: Span[] = [];
	const holidays: Span[] = [];
	for (let offset = 0; offset <= AVAILABILITY_HORIZON_DAYS + 2; offset++) {
		const day = first.plus({ days: offset });
		const dayOfWeek = DAYS_OF_WEEK[day.weekday - 1];
		for (const entry of hours.weeklyHours) {
			if (entry.dayOfWeek !== dayOfWeek) continue;
			weekly.push([localMillis(day, minuteOfDay(entry.openTime)), localMillis(day, toEndMinute(entry.closeTime))]);
		}
		const date = day.toISODate();
		for (const holiday of hours.holidays) {
			if (holiday.date !== date) continue;
			holidays.push([localMillis(day, minuteOfDay(holiday.startTime)), localMillis(day, minuteOfDay(holiday.endTime) + 1)]);
		}
	}
	const closed = union(holidays);
	return { open: union(subtract(union(weekly), closed)), holidays: closed };
}

function contains(spans: Span[], moment: number): boolean {
	return spans.some(([start, end]) => start <= moment && moment < end);
}

/** Open or closed by the weekly hours and holidays alone, evaluated in `zone`. */
function byHours(hours: CallHours, zone: string, at: Date): Availability {
	const moment = at.getTime();
	const { open, holidays } = callWindows(hours, zone, at);
	const horizon = moment + AVAILABILITY_HORIZON_DAYS * 24 * 60 * 60 * 1000;
	const iso = (millis: number | undefined): string | null =>
		millis === undefined || millis > horizon
			? null
			: DateTime.fromMillis(millis, { zone }).toISO({ suppressMilliseconds: true });
	const isOpen = contains(open, moment);
	return {
		open: isOpen,
		reason: isOpen ? 'within_hours' : contains(holidays, moment) ? 'holiday' : 'outside_hours',
		timezoneId: zone,
		nextOpenAt: iso(open.map(([start]) => start).find((start) => start > moment)),
		nextCloseAt: iso(open.map(([, end]) => end).find((end) => end > moment)),
	};
}

/**
 * Whether a call placed at `at` would ring, and when that next changes. The checks follow what blocks a
 * call first: calling off, the Messenger icon hidden, then hours. nextOpenAt / nextCloseAt are the next
 * transitions of each kind after `at` (while open, nextOpenAt is the start of the following window), null
 * when there is none within AVAILABILITY_HORIZON_DAYS or when hours do not decide.
 */
export function checkAvailability(input: AvailabilityInput): Availability {
	if (!(input.at instanceof Date) || Number.isNaN(input.at.getTime())) {
		throw new InputError('at', 'must be a valid date-time');
	}
	const hours = input.callHours;
	const zone = hours ? validateTimezone(hours.timezoneId, 'callHours.timezoneId') : null;
	const fixed = (open: boolean, reason: AvailabilityReason): Availability => ({
		open,
		reason,
		timezoneId: zone,
		nextOpenAt: null,
		nextCloseAt: null,
	});
	if (!input.callingEnabled) return fixed(false, 'calling_disabled');
	if (input.iconEnabled === false) return fixed(false, 'icon_hidden');
	if (!hours || zone === null) return fixed(true, 'no_call_hours');
	if (hours.status === 'DISABLED') return fixed(true, 'call_hours_disabled');
	return byHours(hours, zone, input.at);
}

/** Only While Open: undefined while people can call (send); otherwise the output fields of the send left out. */
export function closedNow(input: AvailabilityInput): IDataObject | undefined {
	const availability = checkAvailability(input);
	if (availability.open) return undefined;
	return { sent: false, ...availability };
}
