import type {
	CallHours,
	CallHoursWire,
	Holiday,
	MessengerCallHoursWire,
	WeeklyHoursEntry,
} from './types';

/** Meta's weekly_operating_hours, read defensively (lowercase days, numeric times); junk entries are skipped. */
export function weeklyHoursFromWire(list: unknown): WeeklyHoursEntry[] {
	void list;
	throw new Error('not implemented');
}

/** Meta's holiday_schedule, read defensively (start_time/end_time or open_time/close_time; no times = whole day). */
export function holidaysFromWire(list: unknown): Holiday[] {
	void list;
	throw new Error('not implemented');
}

/**
 * Meta's call_hours object (WhatsApp or Messenger) -> CallHours; undefined when nothing usable is stored
 * (missing, NOT_SET without hours, no timezone).
 */
export function callHoursFromWire(wire: unknown): CallHours | undefined {
	void wire;
	throw new Error('not implemented');
}

/** WhatsApp call_hours; holiday_schedule is always present so a write never deletes stored holidays by omission. */
export function callHoursToWire(hours: CallHours): CallHoursWire {
	void hours;
	throw new Error('not implemented');
}

export function messengerCallHoursToWire(
	timezoneId: string,
	weeklyHours: readonly WeeklyHoursEntry[],
): MessengerCallHoursWire {
	void timezoneId;
	void weeklyHours;
	throw new Error('not implemented');
}
