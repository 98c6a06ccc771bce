import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { holidaysInputFields } from '../../../shared/descriptions/hours';
import { replaceHolidays } from '../../../shared/hours';
import type { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { changeHolidays, keepsEverythingElseNotice } from './write';
import { checkHolidaysBeforeRead, readHolidaysInput, readPhoneNumberId } from '../common';

const displayOptions = showFor('holidaySchedule', 'replace');

export const description: INodeProperties[] = [
	keepsEverythingElseNotice(displayOptions),
	...holidaysInputFields(displayOptions),
	optionsCollection(displayOptions, { write: true, readModifyWrite: true }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient): Promise<Settling> {
	const phoneNumberId = readPhoneNumberId(this, itemIndex);
	const input = readHolidaysInput(this, itemIndex);
	checkHolidaysBeforeRead(input);
	return await changeHolidays(this, itemIndex, graph, phoneNumberId, (stored) => {
		const clock = { timezoneId: stored.timezoneId, now: new Date() };
		const result = replaceHolidays(stored.holidays, input.holidays, { ...clock, field: input.field });
		const { added, updated, removed } = result;
		return { ...result, report: { added, updated, removed } };
	});
}
