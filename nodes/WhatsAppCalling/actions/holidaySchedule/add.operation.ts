import type { IExecuteFunctions } from 'n8n-workflow';

import type { Settling } from '../../../shared/execution/settling';
import { mergeHolidays } from '../../../shared/hours/holidays';
import type { GraphClient } from '../../../shared/transport/graph';
import { updateHolidays } from '../api';
import { holidayListParameters, readHolidayList } from './holidayList';

export const description = holidayListParameters('add');

export function validate(this: IExecuteFunctions, itemIndex: number) {
	return readHolidayList(this, itemIndex);
}

type Input = ReturnType<typeof validate>;

/** The given holidays join the stored ones; a date already stored gets the given times. */
export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<Settling> {
	const { holidays, field } = input.holidays;
	return await updateHolidays(this, graph, input, (stored, clock) => {
		const { added, updated, ...next } = mergeHolidays(stored.holidays, holidays, { ...clock, field });
		return { ...next, report: { added, updated } };
	});
}
