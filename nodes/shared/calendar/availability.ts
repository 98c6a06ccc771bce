import { DateTime } from 'luxon';

import { checkAvailability, type Availability, type AvailabilityInput } from '../hours';
import { closureDays } from './days';
import { closureStateAt } from './state';
import type { Closure } from './types';

/*
 * Availability → Check with a calendar: the calendar's closures count as holidays. With call hours they
 * join the stored holidays (so nextOpenAt/nextCloseAt see them); without hours, or with hours switched off,
 * Meta would put calls through, and the answer says the calendar closes the business anyway.
 */

export interface CalendarAvailability extends Availability {
	/** the calendar closure in force at the moment, if any */
	calendarClosure: { summary: string; start: string; end: string } | null;
}

export function checkAvailabilityWithCalendar(input: AvailabilityInput, closures: readonly Closure[], zone: string): CalendarAvailability {
	const state = closureStateAt(closures, input.at.getTime());
	const iso = (millis: number) => DateTime.fromMillis(millis, { zone }).toISO({ suppressMilliseconds: true }) as string;
	const calendarClosure = state.active ? { summary: state.active.summary, start: iso(state.active.start), end: iso(state.active.end) } : null;
	const hours = input.callHours;
	if (hours && hours.status === 'ENABLED') {
		const holidays = [...hours.holidays, ...closureDays(closures, zone)];
		return { ...checkAvailability({ ...input, callHours: { ...hours, holidays } }), calendarClosure };
	}
	const base = checkAvailability(input);
	if (!base.open || !state.active) return { ...base, calendarClosure };
	return { ...base, open: false, reason: 'holiday', timezoneId: base.timezoneId ?? zone, nextOpenAt: iso(state.active.end), nextCloseAt: null, calendarClosure };
}
