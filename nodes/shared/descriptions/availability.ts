import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseCheckTime } from '../hours/checkTime';

/** The `at` parameter of both nodes' availability check (and Messenger's Sync Closure From Calendar). */
export function checkTimeParameter(displayOptions: IDisplayOptions, whereHoursApply: string): INodeProperties {
	return {
		displayName: 'At',
		name: 'at',
		type: 'dateTime',
		default: '',
		description: `The moment to check; empty = now. Without an offset it is read in the workflow timezone. ${whereHoursApply}`,
		displayOptions,
	};
}

/** `at` of an item as a Date: empty means now, a time without an offset is in the workflow's timezone. */
export function readCheckTime(ctx: IExecuteFunctions, itemIndex: number): Date {
	return parseCheckTime(ctx.getNodeParameter('at', itemIndex, ''), ctx.getTimezone(), new Date());
}

/** "Only While Open" of both nodes' call-button messages (WhatsApp Send Call Button, Messenger Send Call Prompt). */
export const onlyWhileOpenOption: INodeProperties = {
	displayName: 'Only While Open',
	name: 'onlyWhileOpen',
	type: 'boolean',
	default: false,
	description:
		'Whether to send only while the stored call hours and holidays let people call (as Availability → Check); else the item says when (nextOpenAt)',
};
