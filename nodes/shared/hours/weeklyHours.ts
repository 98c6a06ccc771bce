import type { DayOfWeek, WeeklyHoursEntry } from './types';

export interface WeeklyHoursRules {
	/** WhatsApp allows 2 entries per day, Messenger 1 ("Duplicate day in request"). */
	maxPerDay: 1 | 2;
	/** Messenger accepts [] (every day closed); WhatsApp does not. */
	allowEmpty: boolean;
	field?: string;
}

/**
 * Reads the n8n fixedCollection value `{"hours": [{dayOfWeek, openTime, closeTime}]}` (also a plain array,
 * a JSON string of either, or Meta's snake_case entries) into entries with normalized "hhmm" times.
 */
export function weeklyHoursFromParameter(value: unknown, field = 'weeklyHours'): WeeklyHoursEntry[] {
	void value;
	void field;
	throw new Error('not implemented');
}

/** Checks every rule of Meta's weekly hours; returns the entries (times normalized) or throws InputError. */
export function validateWeeklyHours(
	entries: readonly WeeklyHoursEntry[],
	rules: WeeklyHoursRules,
): WeeklyHoursEntry[] {
	void entries;
	void rules;
	throw new Error('not implemented');
}

/** The weekdays without any entry: Meta treats them as closed. */
export function closedDays(weeklyHours: readonly WeeklyHoursEntry[]): DayOfWeek[] {
	void weeklyHours;
	throw new Error('not implemented');
}
