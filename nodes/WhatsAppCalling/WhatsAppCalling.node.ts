import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { phoneNumberIdLocator } from '../shared/accounts/locators';
import { getPublicHolidayCountries } from '../shared/calendar/countries';
import { resourceOperationSubtitle } from '../shared/descriptions/subtitle';
import { operationTable, routeToOperation } from '../shared/execution/runItems';
import { listSearch } from '../shared/methods/listSearch';
import * as availability from './actions/availability/Availability.resource';
import * as callPermission from './actions/callPermission/CallPermission.resource';
import * as callingSettings from './actions/callingSettings/CallingSettings.resource';
import * as holidaySchedule from './actions/holidaySchedule/HolidaySchedule.resource';
import * as message from './actions/message/Message.resource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';

/** Every parameter the node shows, in the same order as Messenger Calling: resource, operation, the account ID, then each operation's parameters. */
const properties: INodeProperties[] = [
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

/** Every resource/operation pair the node offers, from the resource modules (checked when the node loads). */
export const operations = operationTable({ callingSettings, holidaySchedule, availability, message, callPermission, phoneNumber });

// The description's frame is written out here, where n8n's rules read it (usableAsTool, subtitle, inputs,
// outputs, credential); the parameters are the shared and per-operation blocks listed above.
export class WhatsAppCalling implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Calling',
		name: 'whatsAppCalling',
		icon: { light: 'file:whatsAppCalling.svg', dark: 'file:whatsAppCalling.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: resourceOperationSubtitle(properties),
		// n8n's node panel shows the WhatsApp Calling Trigger's description for this app's one entry; this text
		// describes the node itself (its AI tool variant is described by it). The codex aliases include the
		// trigger's, since the panel searches the merged entry by this node's codex only.
		description:
			'Manage the calling settings, call hours and holidays of a WhatsApp business phone number without losing stored settings, and send call buttons',
		defaults: { name: 'WhatsApp Calling' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'metaCallingApi', required: true }],
		properties,
	};

	// The account lists of the ID fields ("From List") and the timezone list; the Country list of the
	// calendar source (Public Holidays).
	methods = { listSearch, loadOptions: { getPublicHolidayCountries } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeToOperation(this, operations, properties);
	}
}
