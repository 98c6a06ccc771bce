import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CallHours, Holiday } from '../../../shared/hours';
import type { GraphClient } from '../../../shared/transport/graph';
import { Settling } from '../../../shared/execution/settling';
import { checkHolidaysBeforeRead, holidayToJson, readHolidaysInput, readPhoneNumberId, requireCallHours, updateCallHours } from '../common';

/** What add, remove and replace share: they write the stored call hours back with only the holidays changed. */

export function keepsEverythingElseNotice(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName:
			'Meta replaces the whole call hours setting on every write. This operation reads the stored call hours first and writes them back with only the holidays changed: status, timezone and weekly hours stay as they are. Holidays whose date has passed are dropped.',
		name: 'holidayWriteNotice',
		type: 'notice',
		default: '',
		displayOptions,
	};
}

export interface HolidayChange {
	holidays: Holiday[];
	droppedPast: Holiday[];
	/** what the operation reports besides the new schedule (added, removed, ...) */
	report: IDataObject;
}

/**
 * Reads the stored call hours, lets `change` compute the new holiday list (it throws, and nothing is
 * written, when a rule breaks), and writes the whole call_hours back, safe against concurrent writers.
 */
export async function changeHolidays(
	ctx: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	phoneNumberId: string,
	change: (stored: CallHours) => HolidayChange,
): Promise<Settling> {
	let droppedPast: Holiday[] = [];
	const { stored, plan, outcome } = await updateCallHours(ctx, itemIndex, graph, phoneNumberId, (current) => {
		const hours = requireCallHours(current);
		const decided = change(hours);
		droppedPast = decided.droppedPast;
		return { next: { ...hours, holidays: decided.holidays }, report: decided.report };
	});
	return new Settling(
		outcome.then((written) => ({
			phoneNumberId,
			...written,
			timezoneId: stored?.timezoneId,
			holidays: plan.next.holidays.map(holidayToJson),
			...plan.report,
			droppedPastHolidays: droppedPast.map(holidayToJson),
		})),
	);
}

/** Add and Replace read the same: the number and a list of holidays, checked before anything is read. */
export function readHolidayListInput(ctx: IExecuteFunctions, itemIndex: number) {
	const phoneNumberId = readPhoneNumberId(ctx, itemIndex);
	const holidays = readHolidaysInput(ctx, itemIndex);
	checkHolidaysBeforeRead(holidays);
	return { phoneNumberId, holidays };
}

export type HolidayListInput = ReturnType<typeof readHolidayListInput>;
