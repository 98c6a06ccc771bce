import type { INodeProperties } from 'n8n-workflow';

import { operationParameters } from '../../../shared/execution/runItems';
import * as get from './get.operation';
import { add, replace } from './holidayList';
import * as remove from './remove.operation';
import * as sync from './sync.operation';

/** The resource's operations: each in its own file, Add and Replace in one (they differ only in their rule). */
export const operations = { add, get, remove, replace, sync };

/** The operation selector; the node lists it above the Phone Number ID, the parameters below. */
export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['holidaySchedule'] } },
	options: [
		{
			name: 'Add',
			value: 'add',
			description: 'Add holidays to the stored schedule; a date already stored gets the new times',
			action: 'Add holidays',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'List the stored holidays, one item each',
			action: 'Get holidays',
		},
		{
			name: 'Remove',
			value: 'remove',
			description: 'Remove holidays by date',
			action: 'Remove holidays',
		},
		{
			name: 'Replace',
			value: 'replace',
			description: 'Make the given holidays the whole schedule',
			action: 'Replace holidays',
		},
		{
			name: 'Sync From Calendar',
			value: 'sync',
			description: 'Keep the holidays in step with public holidays or an iCalendar feed: the soonest 20 upcoming days',
			action: 'Sync holidays from a calendar',
		},
	],
	// reading is the safe default, e.g. for an AI agent that picks the resource only
	default: 'get',
};

export const description: INodeProperties[] = operationParameters(operations);
