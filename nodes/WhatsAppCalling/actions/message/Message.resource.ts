import type { INodeProperties } from 'n8n-workflow';

import { operationParameters } from '../../../shared/execution/runItems';
import * as sendCallButton from './sendCallButton.operation';
import * as sendCallPermissionRequest from './sendCallPermissionRequest.operation';

/** The resource's operations, each in its own file. */
export const operations = { sendCallButton, sendCallPermissionRequest };

/** The operation selector; the node lists it above the Phone Number ID, the parameters below. */
export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			name: 'Send Call Button',
			value: 'sendCallButton',
			description: 'Send a message with a button that lets the person call the number ("call me")',
			action: 'Send a call button',
		},
		{
			name: 'Send Call Permission Request',
			value: 'sendCallPermissionRequest',
			description: 'Ask the person for permission to call them',
			action: 'Send a call permission request',
		},
	],
	default: 'sendCallButton',
};

export const description: INodeProperties[] = operationParameters(operations);
