import type { INodeProperties } from 'n8n-workflow';

import { operationParameters } from '../../../shared/execution/runItems';
import * as get from './get.operation';

/** The resource's operations, each in its own file. */
export const operations = { get };

/** The operation selector; the node lists it above the Phone Number ID, the parameters below. */
export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['callPermission'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Whether the business may call the person, and when it may ask again',
			action: 'Get a call permission',
		},
	],
	default: 'get',
};

export const description: INodeProperties[] = operationParameters(operations);
