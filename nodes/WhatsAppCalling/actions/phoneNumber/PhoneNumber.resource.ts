import type { INodeProperties } from 'n8n-workflow';

import { operationParameters } from '../../../shared/execution/runItems';
import * as getAll from './getAll.operation';

/** The resource's operations, each in its own file. */
export const operations = { getAll };

/** The operation selector; the node lists it above the account field, the parameters below. */
export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['phoneNumber'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the phone numbers of a WhatsApp Business Account, optionally with their calling settings',
			action: 'Get many phone numbers',
		},
	],
	default: 'getAll',
};

export const description: INodeProperties[] = operationParameters(operations);
