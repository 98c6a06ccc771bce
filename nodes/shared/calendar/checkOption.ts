import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { AVAILABILITY_HORIZON_DAYS, checkAvailability, type AvailabilityInput } from '../hours';
import { checkAvailabilityWithCalendar } from './availability';
import { prepareSource, type CalendarSource } from './source';
import { DAY_MS } from './wall';

/**
 * Both nodes' availability answer: hours only, or with the calendar's closures as holidays (read in the
 * hours' timezone, or the workflow's when there are no hours).
 */
export async function availabilityAnswer(ctx: IExecuteFunctions, input: AvailabilityInput, source: CalendarSource | undefined): Promise<IDataObject> {
	if (!source) return { ...checkAvailability(input) };
	const at = input.at.getTime();
	const window = { from: at - 2 * DAY_MS, to: at + (AVAILABILITY_HORIZON_DAYS + 2) * DAY_MS };
	const zone = input.callHours?.timezoneId ?? ctx.getTimezone();
	const prepared = await prepareSource(ctx, source, window);
	const { closures, summary } = prepared.closuresFor(window, zone);
	return { ...checkAvailabilityWithCalendar(input, closures, zone), calendar: summary };
}
