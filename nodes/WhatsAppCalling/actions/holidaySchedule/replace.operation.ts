import type { IExecuteFunctions } from 'n8n-workflow';

import type { Settling } from '../../../shared/execution/settling';
import { replaceHolidays } from '../../../shared/hours/holidays';
import type { GraphClient } from '../../../shared/transport/graph';
import { updateHolidays } from '../api';
import { holidayListParameters, readHolidayList } from './holidayList';

export const description = holidayListParameters('replace');

export function validate(this: IExecuteFunctions, itemIndex: number) {
	return readHolidayList(this, itemIndex);
}

type Input = ReturnType<typeof validate>;

/** The given holidays become the whole schedule. */
export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<Settling> {
	const { holidays, field } = input.holidays;
	return await updateHolidays(this, graph, input, (stored, clock) => {
		const { added, updated, removed, ...next } = replaceHolidays(stored.holidays, holidays, { ...clock, field });
		return { ...next, report: { added, updated, removed } };
	});
}
