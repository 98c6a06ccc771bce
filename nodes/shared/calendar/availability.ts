import { DateTime } from 'luxon';

import { AVAILABILITY_HORIZON_DAYS, checkAvailability, type Availability, type AvailabilityInput } from '../hours/availability';
import { closureDays } from './days';
import { closureStateAt } from './state';
import type { Closure } from './types';
import { DAY_MS } from './wall';

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
		const at = input.at.getTime();
		const holidays = [...hours.holidays, ...closureDays(closures, zone, { from: at - DAY_MS, to: at + (AVAILABILITY_HORIZON_DAYS + 1) * DAY_MS })];
		return { ...checkAvailability({ ...input, callHours: { ...hours, holidays } }), calendarClosure };
	}
	const base = checkAvailability(input);
	if (!base.open || !state.active) return { ...base, calendarClosure };
	return { ...base, open: false, reason: 'holiday', timezoneId: base.timezoneId ?? zone, nextOpenAt: iso(state.active.end), nextCloseAt: null, calendarClosure };
}
