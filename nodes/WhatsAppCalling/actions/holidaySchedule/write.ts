import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CallHours, Holiday } from '../../../shared/hours';
import type { GraphClient } from '../../../shared/transport/graph';
import { holidayToJson, readDryRun, writeCallHours, writeOutcome } from '../common';

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

export async function writeHolidaySchedule(
	ctx: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	phoneNumberId: string,
	stored: CallHours,
	next: { holidays: Holiday[]; droppedPast: Holiday[] },
): Promise<IDataObject> {
	const { holidays, droppedPast } = next;
	const answer = await writeCallHours(graph, phoneNumberId, { ...stored, holidays }, readDryRun(ctx, itemIndex));
	return {
		phoneNumberId,
		...writeOutcome(answer),
		timezoneId: stored.timezoneId,
		holidays: holidays.map(holidayToJson),
		droppedPastHolidays: droppedPast.map(holidayToJson),
	};
}
