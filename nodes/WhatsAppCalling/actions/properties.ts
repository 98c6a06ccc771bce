import type { INodeProperties } from 'n8n-workflow';

import { phoneNumberIdLocator } from '../../shared/accounts/locators';
import * as availability from './availability/Availability.resource';
import * as callPermission from './callPermission/CallPermission.resource';
import * as callingSettings from './callingSettings/CallingSettings.resource';
import * as holidaySchedule from './holidaySchedule/HolidaySchedule.resource';
import * as message from './message/Message.resource';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';

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
				name: 'Call Permission',
				value: 'callPermission',
				description: 'Whether the business may call a person',
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
			{
				name: 'Message',
				value: 'message',
				description: 'Messages that let a person call the business',
			},
			{
				name: 'Phone Number',
				value: 'phoneNumber',
				description: 'The business phone numbers of a WhatsApp Business Account',
			},
		],
		default: 'callingSettings',
	},
	callingSettings.operationField,
	holidaySchedule.operationField,
	availability.operationField,
	message.operationField,
	callPermission.operationField,
	phoneNumber.operationField,
	// Every resource is about one number, except Phone Number → Get Many, which lists the numbers of a WABA.
	phoneNumberIdLocator({ displayOptions: { hide: { resource: ['phoneNumber'] } } }),
	...callingSettings.description,
	...holidaySchedule.description,
	...availability.description,
	...message.description,
	...callPermission.description,
	...phoneNumber.description,
];
