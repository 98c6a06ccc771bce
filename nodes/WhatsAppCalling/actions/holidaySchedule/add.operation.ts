import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { holidaysInputFields } from '../../../shared/descriptions/hours';
import { mergeHolidays } from '../../../shared/hours';
import type { GraphClient } from '../../../shared/transport/graph';
import { optionsCollection, showFor } from '../common.descriptions';
import { keepsEverythingElseNotice, writeHolidaySchedule } from './write';
import { checkHolidaysBeforeRead, fetchSettings, readHolidaysInput, readPhoneNumberId, requireCallHours } from '../common';

const displayOptions = showFor('holidaySchedule', 'add');

export const description: INodeProperties[] = [
	keepsEverythingElseNotice(displayOptions),
	...holidaysInputFields(displayOptions),
	optionsCollection(displayOptions, { write: true }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient): Promise<IDataObject> {
	const phoneNumberId = readPhoneNumberId(this, itemIndex);
	const input = readHolidaysInput(this, itemIndex);
	checkHolidaysBeforeRead(input);
	const stored = requireCallHours(await fetchSettings(graph, phoneNumberId));
	const merged = mergeHolidays(stored.holidays, input.holidays, {
		timezoneId: stored.timezoneId,
		now: new Date(),
		field: input.field,
	});
	const written = await writeHolidaySchedule(this, itemIndex, graph, phoneNumberId, stored, merged);
	return { ...written, added: merged.added, updated: merged.updated };
}
