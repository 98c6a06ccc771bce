import type { INodeProperties } from 'n8n-workflow';

import { operationParameters } from '../../../shared/execution/runItems';
import * as check from './check.operation';

/** The resource's operations, each in its own file. */
export const operations = { check };

/** The operation selector; the node lists it above the Phone Number ID, the parameters below. */
export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['availability'] } },
	options: [
		{
			name: 'Check',
			value: 'check',
			description:
				'Whether users can call the number at a given moment, why, and when that changes next (from the stored settings)',
			action: 'Check call availability',
		},
	],
	default: 'check',
};

export const description: INodeProperties[] = operationParameters(operations);
