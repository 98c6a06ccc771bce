import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { removeHolidays } from '../../../shared/hours';
import type { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { parseDateList } from '../../../shared/validation';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { changeHolidays, keepsEverythingElseNotice } from './write';
import { readPhoneNumberId } from '../common';

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

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const phoneNumberId = readPhoneNumberId(ctx, itemIndex);
	const dates = parseDateList(ctx.getNodeParameter('dates', itemIndex, ''), 'dates');
	return { phoneNumberId, dates };
}

type Input = ReturnType<typeof readInput>;

export function validate(this: IExecuteFunctions, itemIndex: number): Input {
	return readInput(this, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	input: Input,
): Promise<Settling> {
	const { phoneNumberId, dates } = input;
	return await changeHolidays(this, itemIndex, graph, phoneNumberId, (stored) => {
		const clock = { timezoneId: stored.timezoneId, now: new Date() };
		const result = removeHolidays(stored.holidays, dates, { ...clock, field: 'dates' });
		return { ...result, report: { removed: result.removed, notFound: result.notFound } };
	});
}
