import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkTimeParameter, readCheckTime } from '../descriptions/availability';
import { availabilityCalendarFields, calendarOptions, readCheckCalendar } from '../descriptions/calendar';
import { optionsCollection, showFor } from '../descriptions/options';
import { AVAILABILITY_HORIZON_DAYS, checkAvailability, type AvailabilityInput } from '../hours/availability';
import { checkAvailabilityWithCalendar } from './availability';
import { prepareSource } from './source';
import { DAY_MS } from './wall';

/*
 * What both nodes' Availability → Check share: its parameters (the moment, the optional calendar, the read
 * options), their reader, and the answer. Each node adds its account ID and how it reads the stored settings.
 */

export function availabilityCheckParameters(whereHoursApply: string): INodeProperties[] {
	const displayOptions = showFor('availability', 'check');
	return [
		checkTimeParameter(displayOptions, whereHoursApply),
		...availabilityCalendarFields(displayOptions),
		optionsCollection(displayOptions, { write: false, extra: calendarOptions() }),
	];
}

export function readAvailabilityCheck(ctx: IExecuteFunctions, itemIndex: number) {
	return { at: readCheckTime(ctx, itemIndex), calendar: readCheckCalendar(ctx, itemIndex) };
}

/**
 * The answer for the moment `check.at` and what the account has stored: hours only, or with the calendar's
 * closures as holidays (read in the hours' timezone, or the workflow's when there are no hours).
 */
export async function availabilityAnswer(
	ctx: IExecuteFunctions,
	check: ReturnType<typeof readAvailabilityCheck>,
	stored: Omit<AvailabilityInput, 'at'>,
): Promise<IDataObject> {
	const input: AvailabilityInput = { ...stored, at: check.at };
	const answer = { at: check.at.toISOString() };
	if (!check.calendar) return { ...answer, ...checkAvailability(input) };
	const at = check.at.getTime();
	const window = { from: at - 2 * DAY_MS, to: at + (AVAILABILITY_HORIZON_DAYS + 2) * DAY_MS };
	const zone = input.callHours?.timezoneId ?? ctx.getTimezone();
	const prepared = await prepareSource(ctx, check.calendar, window);
	const { closures, summary } = prepared.closuresFor(window, zone);
	return { ...answer, ...checkAvailabilityWithCalendar(input, closures, zone), calendar: summary };
}
