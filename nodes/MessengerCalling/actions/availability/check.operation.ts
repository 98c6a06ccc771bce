import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { checkTimeParameter, readCheckTime } from '../../../shared/descriptions/availability';
import type { GraphClient } from '../../../shared/transport/graph';
import { availabilityAnswer } from '../../../shared/calendar';
import { availabilityCalendarFields, calendarOptions, readCheckCalendar } from '../../../shared/descriptions/calendar';
import { callHoursOf } from '../../helpers/callSettings';
import { fetchCallSettings, readPageId } from '../common';

const displayOptions = showFor('availability', 'check');

export const description: INodeProperties[] = [
	checkTimeParameter(displayOptions, 'The weekly hours are applied in the Page’s call hours timezone.'),
	...availabilityCalendarFields(displayOptions),
	optionsCollection(displayOptions, { write: false, extra: calendarOptions() }),
];

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	return { pageId: readPageId(ctx, itemIndex), at: readCheckTime(ctx, itemIndex), calendar: readCheckCalendar(ctx, itemIndex) };
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
	const { pageId, at, calendar } = input;
	const { settings } = await fetchCallSettings(graph, pageId, ['call_hours', 'icon_enabled']);
	const availability = await availabilityAnswer(this, {
		at,
		// A Page has no calling on/off switch of its own; the icon and the hours decide.
		callingEnabled: true,
		callHours: callHoursOf(settings),
		// Meta shows the icon unless told otherwise.
		iconEnabled: settings.icon_enabled ?? true,
	}, calendar);
	return { pageId, at: at.toISOString(), ...availability };
}
