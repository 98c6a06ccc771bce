import type { BusinessClock, Holiday } from './types';

export const MAX_HOLIDAYS = 20;

export interface HolidayRules extends BusinessClock {
	field?: string;
}

export interface MergeResult {
	/** the schedule to send: stored future holidays plus the added ones, one per date, sorted */
	holidays: Holiday[];
	/** stored holidays whose date has passed in the business timezone (Meta would reject them) */
	droppedPast: Holiday[];
	/** dates that were stored and got new times */
	updated: string[];
	/** dates that were not stored before */
	added: string[];
}

export interface RemoveResult {
	holidays: Holiday[];
	removed: string[];
	notFound: string[];
	droppedPast: Holiday[];
}

export interface ReplaceResult {
	holidays: Holiday[];
	/** stored future dates that are not in the new schedule */
	removed: string[];
	added: string[];
	updated: string[];
	droppedPast: Holiday[];
}

/** Reads the n8n fixedCollection value `{"holiday": [{date, startTime?, endTime?}]}`; no times = the whole day. */
export function holidaysFromParameter(value: unknown, field = 'holidays'): Holiday[] {
	void value;
	void field;
	throw new Error('not implemented');
}

/** Reads an array (or a JSON string of one) of "YYYY-MM-DD" strings or {date, startTime?, endTime?} objects. */
export function holidaysFromJson(value: unknown, field = 'holidaysJson'): Holiday[] {
	void value;
	void field;
	throw new Error('not implemented');
}

/** Checks every rule of Meta's holiday schedule; returns the holidays sorted by date or throws InputError. */
export function validateHolidays(holidays: readonly Holiday[], rules: HolidayRules): Holiday[] {
	void holidays;
	void rules;
	throw new Error('not implemented');
}

/** Stored holidays whose date is today or later in the business timezone, one per date, sorted. */
export function futureHolidays(stored: readonly Holiday[], clock: BusinessClock): Holiday[] {
	void stored;
	void clock;
	throw new Error('not implemented');
}

/** Adds holidays to a stored schedule without losing any stored future date. */
export function mergeHolidays(
	stored: readonly Holiday[],
	added: readonly Holiday[],
	rules: HolidayRules,
): MergeResult {
	void stored;
	void added;
	void rules;
	throw new Error('not implemented');
}

/** Removes the given dates; reports which were not stored. */
export function removeHolidays(
	stored: readonly Holiday[],
	dates: readonly string[],
	rules: HolidayRules,
): RemoveResult {
	void stored;
	void dates;
	void rules;
	throw new Error('not implemented');
}

/** The whole schedule becomes `next` (validated); reports what changed against the stored one. */
export function replaceHolidays(
	stored: readonly Holiday[],
	next: readonly Holiday[],
	rules: HolidayRules,
): ReplaceResult {
	void stored;
	void next;
	void rules;
	throw new Error('not implemented');
}
