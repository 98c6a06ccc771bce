import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import { todayIn } from '../../../shared/hours/timezone';
import type { GraphClient } from '../../../shared/transport/graph';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { fetchSettings, storedCallHours } from '../api';

const displayOptions = showFor('holidaySchedule', 'get');

export const description: INodeProperties[] = [
	{
		displayName:
			'Outputs one item per stored holiday. A number without holidays gives one item whose date is empty, so the workflow goes on.',
		name: 'getHolidaysNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: false }),
];

export function validate(this: IExecuteFunctions, itemIndex: number) {
	return { phoneNumberId: readPhoneNumberId(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, { phoneNumberId }: Input): Promise<IDataObject[]> {
	const hours = storedCallHours((await fetchSettings(graph, phoneNumberId)).calling);
	if (!hours || hours.holidays.length === 0) {
		const timezoneId = hours?.timezoneId ?? null;
		return [{ phoneNumberId, timezoneId, hasCallHours: hours !== undefined, date: null, startTime: null, endTime: null }];
	}
	const { timezoneId } = hours;
	const holidays = [...hours.holidays].sort((a, b) => a.date.localeCompare(b.date));
	// Meta keeps a holiday after its date; "past" tells the user it will be dropped on the next write.
	const today = todayIn({ timezoneId, now: new Date() });
	return holidays.map((holiday) => ({
		phoneNumberId,
		timezoneId,
		hasCallHours: true,
		date: holiday.date,
		startTime: holiday.startTime,
		endTime: holiday.endTime,
		past: holiday.date < today,
	}));
}
