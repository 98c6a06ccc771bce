/**
 * One model of call hours for both platforms. Inside the code times stay "hhmm" strings (Meta's own
 * format, easy to show back to a user); arithmetic converts them to minutes of the day where needed.
 * Meta's snake_case JSON exists only in wire.ts.
 */

export const DAYS_OF_WEEK = [
	'MONDAY',
	'TUESDAY',
	'WEDNESDAY',
	'THURSDAY',
	'FRIDAY',
	'SATURDAY',
	'SUNDAY',
] as const;

export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/** One opening window on a weekday, local to the business timezone: open at openTime, closed from closeTime. */
export interface WeeklyHoursEntry {
	dayOfWeek: DayOfWeek;
	/** "hhmm", e.g. "0900" */
	openTime: string;
	/** "hhmm", later than openTime; "2359" means until midnight */
	closeTime: string;
}

/** A date on which calls are closed from startTime to endTime (inclusive to the minute), overriding weekly hours. */
export interface Holiday {
	/** "YYYY-MM-DD" in the business timezone */
	date: string;
	/** "hhmm" */
	startTime: string;
	/** "hhmm"; "2359" means until the end of the day */
	endTime: string;
}

export type CallHoursStatus = 'ENABLED' | 'DISABLED';

export interface CallHours {
	/** DISABLED = Meta treats the business as open 24/7 */
	status: CallHoursStatus;
	timezoneId: string;
	weeklyHours: WeeklyHoursEntry[];
	holidays: Holiday[];
}

/** "Now" and the timezone that decides what "today" is: holiday dates are judged in the business timezone. */
export interface BusinessClock {
	timezoneId: string;
	now: Date;
}

/** Meta's JSON for one weekly entry. */
export interface WeeklyHoursWire {
	day_of_week: DayOfWeek;
	open_time: string;
	close_time: string;
}

/** Meta's JSON for one holiday. */
export interface HolidayWire {
	date: string;
	start_time: string;
	end_time: string;
}

/** WhatsApp's `calling.call_hours` as we send it. */
export interface CallHoursWire {
	status: CallHoursStatus;
	timezone_id: string;
	weekly_operating_hours: WeeklyHoursWire[];
	/** always sent: leaving it out makes Meta delete every stored holiday */
	holiday_schedule: HolidayWire[];
}

/** Messenger's `call_hours` (no status, no holidays). */
export interface MessengerCallHoursWire {
	timezone_id: string;
	weekly_operating_hours: WeeklyHoursWire[];
}
