import { isBlank, isRecord } from '../validation';
import { byDate } from './holidays';
import { isIsoDate, normalizeHhmm } from './time';
import type {
	CallHours,
	CallHoursWire,
	Holiday,
	HolidayWire,
	MessengerCallHoursWire,
	WeeklyHoursEntry,
	WeeklyHoursWire,
} from './types';
import { isDayOfWeek } from './weeklyHours';

/**
 * Meta's JSON meets our model only here. Reading is forgiving, because Meta's own sources disagree on
 * spellings (lowercase enums, NOT_SET, numeric times, open_time/close_time on holidays); writing uses the
 * uppercase spellings of the API reference.
 */

function upper(value: unknown): string | undefined {
	return typeof value === 'string' ? value.trim().toUpperCase() : undefined;
}

/** Meta's weekly_operating_hours; entries that name no day or no valid time are skipped. */
export function weeklyHoursFromWire(list: unknown): WeeklyHoursEntry[] {
	if (!Array.isArray(list)) return [];
	const entries: WeeklyHoursEntry[] = [];
	for (const raw of list) {
		if (!isRecord(raw)) continue;
		const dayOfWeek = upper(raw.day_of_week ?? raw.dayOfWeek);
		const openTime = normalizeHhmm(raw.open_time ?? raw.openTime);
		const closeTime = normalizeHhmm(raw.close_time ?? raw.closeTime);
		if (isDayOfWeek(dayOfWeek) && openTime !== undefined && closeTime !== undefined) {
			entries.push({ dayOfWeek, openTime, closeTime });
		}
	}
	return entries;
}

/** A holiday time as stored; missing means the edge of the day, present but unreadable means skip the entry. */
function wireTime(value: unknown, fallback: string): string | undefined {
	return isBlank(value) ? fallback : normalizeHhmm(value);
}

/** Meta's holiday_schedule (start_time/end_time, or open_time/close_time as one page spells them). */
export function holidaysFromWire(list: unknown): Holiday[] {
	if (!Array.isArray(list)) return [];
	const holidays: Holiday[] = [];
	for (const raw of list) {
		if (!isRecord(raw) || !isIsoDate(raw.date)) continue;
		const startTime = wireTime(raw.start_time ?? raw.open_time ?? raw.startTime, '0000');
		const endTime = wireTime(raw.end_time ?? raw.close_time ?? raw.endTime, '2359');
		if (startTime !== undefined && endTime !== undefined) holidays.push({ date: raw.date, startTime, endTime });
	}
	return holidays;
}

/**
 * Meta's call_hours object (WhatsApp or Messenger) -> CallHours, or undefined when nothing usable is stored.
 * - no timezone_id: nothing to evaluate or send back -> undefined.
 * - status missing: Messenger's shape, whose hours are always in force -> ENABLED.
 * - status NOT_SET or unknown: undefined when no weekly hours are stored; otherwise DISABLED (what Meta
 *   applies when hours are not switched on), so the stored hours survive a write-back.
 */
export function callHoursFromWire(wire: unknown): CallHours | undefined {
	if (!isRecord(wire)) return undefined;
	const timezoneId = typeof wire.timezone_id === 'string' ? wire.timezone_id.trim() : '';
	if (timezoneId === '') return undefined;
	const weeklyHours = weeklyHoursFromWire(wire.weekly_operating_hours);
	const holidays = holidaysFromWire(wire.holiday_schedule);
	const status = upper(wire.status);
	if (status === 'ENABLED' || status === 'DISABLED') return { status, timezoneId, weeklyHours, holidays };
	if (wire.status === undefined) return { status: 'ENABLED', timezoneId, weeklyHours, holidays };
	if (weeklyHours.length === 0) return undefined;
	return { status: 'DISABLED', timezoneId, weeklyHours, holidays };
}

function weeklyToWire(entries: readonly WeeklyHoursEntry[]): WeeklyHoursWire[] {
	return entries.map((entry) => ({
		day_of_week: entry.dayOfWeek,
		open_time: entry.openTime,
		close_time: entry.closeTime,
	}));
}

function holidaysToWire(holidays: readonly Holiday[]): HolidayWire[] {
	return [...holidays]
		.sort(byDate)
		.map((holiday) => ({ date: holiday.date, start_time: holiday.startTime, end_time: holiday.endTime }));
}

/** WhatsApp's call_hours. holiday_schedule is always present: leaving it out makes Meta delete every holiday. */
export function callHoursToWire(hours: CallHours): CallHoursWire {
	return {
		status: hours.status,
		timezone_id: hours.timezoneId,
		weekly_operating_hours: weeklyToWire(hours.weeklyHours),
		holiday_schedule: holidaysToWire(hours.holidays),
	};
}

/** Messenger's call_hours: no status and no holidays exist there. */
export function messengerCallHoursToWire(
	timezoneId: string,
	weeklyHours: readonly WeeklyHoursEntry[],
): MessengerCallHoursWire {
	return { timezone_id: timezoneId, weekly_operating_hours: weeklyToWire(weeklyHours) };
}
