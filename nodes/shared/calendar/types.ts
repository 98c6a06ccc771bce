/**
 * The calendar core's model. A feed's times stay wall-clock values ("wall milliseconds": the fields of a
 * local date-time read as if they were UTC) until an event is expanded, because RFC 5545 repeats events in
 * local time: a 09:00 meeting stays at 09:00 across a DST change. Only then are they turned into instants.
 */

/** A date or date-time as written in a feed. */
export interface CalendarTime {
	/** Date.UTC of the written fields (a date alone: its midnight) */
	wall: number;
	/** VALUE=DATE: a whole day, read in the business timezone */
	dateOnly: boolean;
	/** 'utc' (a trailing Z), 'floating' (no zone: the business timezone) or an IANA zone from TZID */
	zone: string;
}

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A weekday in BYDAY, 0 = Monday ... 6 = Sunday; ordinal 0 = every such weekday of the period. */
export interface ByDay {
	weekday: number;
	ordinal: number;
}

/** The part of RRULE this package expands; anything else is refused with the event's name. */
export interface RecurrenceRule {
	freq: Frequency;
	interval: number;
	count?: number;
	/** wall milliseconds in the event's own zone (a UTC UNTIL is converted to it) */
	until?: number;
	byDay: ByDay[];
	/** 1-12 */
	byMonth: number[];
	/** 1-31 or -31..-1 */
	byMonthDay: number[];
	/** week start for WEEKLY with INTERVAL > 1, 0 = Monday */
	weekStart: number;
}

export interface CalendarEvent {
	uid: string;
	/** where it begins in the feed, for messages */
	line?: number;
	summary: string;
	start: CalendarTime;
	/** exclusive end; undefined: derived (a date: one day; a date-time: zero length) */
	end?: CalendarTime;
	/** DURATION in milliseconds, split in nominal days (kept across DST) and exact time */
	duration?: { days: number; millis: number };
	rule?: RecurrenceRule;
	exdates: CalendarTime[];
	/** set on an override of one occurrence of a recurring event */
	recurrenceId?: CalendarTime;
	cancelled: boolean;
}

/** A span when calls are closed: [start, end) in epoch milliseconds, and the event it came from. */
export interface Closure {
	start: number;
	end: number;
	summary: string;
}

/** What a source yielded, for the output: which source, how many events and closures. */
export interface SourceSummary {
	source: string;
	events: number;
	closures: number;
	[key: string]: string | number | boolean | string[];
}
