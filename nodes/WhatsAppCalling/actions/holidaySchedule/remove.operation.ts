import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import { removeHolidays } from '../../../shared/hours/holidays';
import type { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { parseDateList } from '../../../shared/hours/time';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import { updateHolidays } from '../api';
import { keepsEverythingElseNotice } from './holidayList';

const displayOptions = showFor('holidaySchedule', 'remove');

export const description: INodeProperties[] = [
	keepsEverythingElseNotice(displayOptions),
	{
		displayName: 'Dates',
		name: 'dates',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2026-12-25, 2026-12-26',
		description: 'The holiday dates to remove, as YYYY-MM-DD separated by commas. Dates that are not stored are reported, not an error.',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: true, readModifyWrite: true }),
];

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const phoneNumberId = readPhoneNumberId(this, itemIndex);
	const dates = parseDateList(this.getNodeParameter('dates', itemIndex, ''), 'dates');
	return { phoneNumberId, dates, options: readOptions(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<Settling> {
	return await updateHolidays(this, graph, input, (stored, clock) => {
		const { removed, notFound, ...next } = removeHolidays(stored.holidays, input.dates, { ...clock, field: 'dates' });
		return { ...next, report: { removed, notFound } };
	});
}
