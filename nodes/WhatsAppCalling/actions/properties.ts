import type { INodeProperties } from 'n8n-workflow';

import * as availability from './availability/Availability.resource';
import * as callingSettings from './callingSettings/CallingSettings.resource';
import * as holidaySchedule from './holidaySchedule/HolidaySchedule.resource';

/** Every parameter the node shows, in the same order as Messenger Calling: resource, operation, the account ID, then each operation's parameters. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Availability',
				value: 'availability',
				description: 'Whether the number can be called at a given moment',
			},
			{
				name: 'Calling Setting',
				value: 'callingSettings',
				description: 'Calling status, call icon, callback permission, SIP and call hours',
			},
			{
				name: 'Holiday Schedule',
				value: 'holidaySchedule',
				description: 'The dates on which calls are closed, kept inside the call hours',
			},
		],
		default: 'callingSettings',
	},
	callingSettings.operationField,
	holidaySchedule.operationField,
	availability.operationField,
	{
		displayName: 'Phone Number ID',
		name: 'phoneNumberId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '106540352242922',
		description:
			'The ID of the business phone number (not the number itself): WhatsApp Manager → Account tools → Phone numbers, or the phone_number_id of a WhatsApp webhook',
	},
	...callingSettings.description,
	...holidaySchedule.description,
	...availability.description,
];
