import type { BusinessClock } from './types';

/** Checks an IANA timezone name (luxon) and returns its canonical spelling, e.g. "europe/berlin" -> "Europe/Berlin". */
export function validateTimezone(timezoneId: unknown, field = 'timezoneId'): string {
	void timezoneId;
	void field;
	throw new Error('not implemented');
}

/** Today's date ("YYYY-MM-DD") in the business timezone. */
export function todayIn(clock: BusinessClock): string {
	void clock;
	throw new Error('not implemented');
}
