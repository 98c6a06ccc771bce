import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { holidaysInputFields } from '../../../shared/descriptions/hours';
import { replaceHolidays } from '../../../shared/hours';
import type { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { changeHolidays, keepsEverythingElseNotice, readHolidayListInput, type HolidayListInput } from './write';

const displayOptions = showFor('holidaySchedule', 'replace');

export const description: INodeProperties[] = [
	keepsEverythingElseNotice(displayOptions),
	...holidaysInputFields(displayOptions),
	optionsCollection(displayOptions, { write: true, readModifyWrite: true }),
];

export function validate(this: IExecuteFunctions, itemIndex: number): HolidayListInput {
	return readHolidayListInput(this, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	input: HolidayListInput,
): Promise<Settling> {
	const { phoneNumberId, holidays } = input;
	return await changeHolidays(this, itemIndex, graph, phoneNumberId, (stored) => {
		const clock = { timezoneId: stored.timezoneId, now: new Date() };
		const result = replaceHolidays(stored.holidays, holidays.holidays, { ...clock, field: holidays.field });
		const { added, updated, removed } = result;
		return { ...result, report: { added, updated, removed } };
	});
}
