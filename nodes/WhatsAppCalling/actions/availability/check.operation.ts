import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkTimeParameter, readCheckTime } from '../../../shared/descriptions/availability';
import type { GraphClient } from '../../../shared/transport/graph';
import { availabilityAnswer } from '../../../shared/calendar';
import { availabilityCalendarFields, calendarOptions, readCheckCalendar } from '../../../shared/descriptions/calendar';
import { isCallingEnabled, storedCallHours } from '../../helpers/settingsAnswer';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { fetchSettings, readPhoneNumberId } from '../common';

const displayOptions = showFor('availability', 'check');

export const description: INodeProperties[] = [
	checkTimeParameter(displayOptions, 'Weekly hours and holidays are applied in the business timezone.'),
	...availabilityCalendarFields(displayOptions),
	optionsCollection(displayOptions, { write: false, extra: calendarOptions() }),
];

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	return { phoneNumberId: readPhoneNumberId(ctx, itemIndex), at: readCheckTime(ctx, itemIndex), calendar: readCheckCalendar(ctx, itemIndex) };
}

type Input = ReturnType<typeof readInput>;

export function validate(this: IExecuteFunctions, itemIndex: number): Input {
	return readInput(this, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	graph: GraphClient,
	input: Input,
): Promise<IDataObject> {
	const { phoneNumberId, at, calendar } = input;
	const { calling } = await fetchSettings(graph, phoneNumberId);
	const availability = await availabilityAnswer(
		this,
		{ at, callingEnabled: isCallingEnabled(calling), callHours: storedCallHours(calling) },
		calendar,
	);
	return { phoneNumberId, at: at.toISOString(), ...availability };
}
