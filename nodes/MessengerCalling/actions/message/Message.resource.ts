import type { INodeProperties } from 'n8n-workflow';

import { operationParameters } from '../../../shared/execution/runItems';
import * as sendCallPrompt from './sendCallPrompt.operation';

/** The resource's operations, each in its own file. */
export const operations = { sendCallPrompt };

/** The operation selector; the node lists it above the Page ID, the parameters below. */
export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			name: 'Send Call Prompt',
			value: 'sendCallPrompt',
			description: 'Send a message with a button that lets the person call the Page',
			action: 'Send a call prompt',
		},
	],
	default: 'sendCallPrompt',
};

export const description: INodeProperties[] = operationParameters(operations);
