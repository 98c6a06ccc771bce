import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPageId } from '../../../shared/accounts/locators';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import { timezoneIdField, weeklyHoursField } from '../../../shared/descriptions/hours';
import { closedDays } from '../../../shared/hours/weeklyHours';
import { messengerCallHoursToWire } from '../../../shared/hours/wire';
import type { GraphClient } from '../../../shared/transport/graph';
import { setSettings } from '../api';
import { readCallHoursFields } from './fields';

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

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(this, itemIndex);
	const options = readOptions(this, itemIndex);
	const allowAllClosed = this.getNodeParameter('options.allowAllClosed', itemIndex, false) === true;
	return { pageId, options, ...readCallHoursFields(this, itemIndex, allowAllClosed) };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const callHours = messengerCallHoursToWire(input.timezoneId, input.weeklyHours);
	const written = await setSettings(this.getNode(), graph, input, { call_hours: callHours as unknown as IDataObject });
	return { ...written, closedDays: closedDays(input.weeklyHours) };
}
