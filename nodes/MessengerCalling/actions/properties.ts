import type { INodeProperties } from 'n8n-workflow';

import { pageIdLocator } from '../../shared/accounts/locators';
import * as availability from './availability/Availability.resource';
import * as callSettings from './callSettings/CallSettings.resource';
import * as message from './message/Message.resource';

/** Every parameter the node shows, in the same order as WhatsApp Calling: resource, operation, the account ID, then each operation's parameters. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Availability', value: 'availability' },
			{ name: 'Call Setting', value: 'callSettings' },
			{ name: 'Message', value: 'message' },
		],
		default: 'callSettings',
	},
	callSettings.operationField,
	message.operationField,
	availability.operationField,
	pageIdLocator(),
	...callSettings.description,
	...message.description,
	...availability.description,
];
