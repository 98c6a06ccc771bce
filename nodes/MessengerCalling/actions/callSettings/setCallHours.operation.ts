import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../../shared/accounts/locators';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { timezoneIdField, weeklyHoursField } from '../../../shared/descriptions/hours';
import {
	closedDays,
	messengerCallHoursToWire,
	validateTimezone,
	validateWeeklyHours,
	weeklyHoursFromParameter,
} from '../../../shared/hours';
import type { GraphClient } from '../../../shared/transport/graph';
import { readPageId, writeCallSettings } from '../common';

const displayOptions = showFor('callSettings', 'setCallHours');

export const description: INodeProperties[] = [
	{
		displayName:
			'Meta erases the previous hours on every write, and every day without a window is closed. Messenger allows one window per day.',
		name: 'setCallHoursNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	timezoneIdField(displayOptions),
	weeklyHoursField(displayOptions),
	optionsCollection(displayOptions, {
		write: true,
		extra: [
			{
				displayName: 'Allow All Closed',
				name: 'allowAllClosed',
				type: 'boolean',
				default: false,
				description:
					'Whether an empty weekly hours list may be sent. Meta then treats every day as closed, so this must be switched on deliberately.',
			},
		],
	}),
];

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(ctx, itemIndex);
	const timezoneId = validateTimezone(locatorValue(ctx.getNodeParameter('timezoneId', itemIndex, '')), 'timezoneId');
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const weeklyHours = validateWeeklyHours(
		weeklyHoursFromParameter(ctx.getNodeParameter('weeklyHours', itemIndex, {}), 'weeklyHours'),
		{ maxPerDay: 1, allowEmpty: options.allowAllClosed === true, field: 'weeklyHours' },
	);
	return { pageId, timezoneId, weeklyHours };
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
): Promise<IDataObject> {
	const { pageId, timezoneId, weeklyHours } = input;
	const callHours = messengerCallHoursToWire(timezoneId, weeklyHours);
	const written = await writeCallSettings(this, itemIndex, graph, pageId, { call_hours: callHours as unknown as IDataObject });
	return { ...written, closedDays: closedDays(weeklyHours) };
}
