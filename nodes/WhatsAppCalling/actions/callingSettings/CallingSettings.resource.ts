import type { INodeProperties } from 'n8n-workflow';

import { operationParameters } from '../../../shared/execution/runItems';
import * as get from './get.operation';
import * as setCallHours from './setCallHours.operation';
import * as update from './update.operation';

/** The resource's operations, each in its own file. */
export const operations = { get, setCallHours, update };

/** The operation selector; the node lists it above the Phone Number ID, the parameters below. */
export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['callingSettings'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Read the calling settings and any calling restrictions of the number',
			action: 'Get calling settings',
		},
		{
			name: 'Set Call Hours',
			value: 'setCallHours',
			description: 'Set the timezone and weekly hours in which calls are accepted, keeping or replacing holidays',
			action: 'Set call hours',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change only the given calling settings (status, call icon, callback permission, SIP, SRTP)',
			action: 'Update calling settings',
		},
	],
	default: 'get',
};

export const description: INodeProperties[] = operationParameters(operations);
