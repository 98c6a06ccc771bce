import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { pageIdLocator } from '../shared/accounts/locators';
import { getPublicHolidayCountries } from '../shared/calendar/countries';
import { resourceOperationSubtitle } from '../shared/descriptions/subtitle';
import { operationTable, routeToOperation } from '../shared/execution/runItems';
import { listSearch } from '../shared/methods/listSearch';
import * as availability from './actions/availability/Availability.resource';
import * as callSettings from './actions/callSettings/CallSettings.resource';
import * as message from './actions/message/Message.resource';

/** Every parameter the node shows, in the same order as WhatsApp Calling: resource, operation, the account ID, then each operation's parameters. */
const properties: INodeProperties[] = [
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

/** Every resource/operation pair the node offers, from the resource modules (checked when the node loads). */
export const operations = operationTable({ callSettings, message, availability });

// The description's frame is written out here, where n8n's rules read it (usableAsTool, subtitle, inputs,
// outputs, credential); the parameters are the shared and per-operation blocks listed above.
export class MessengerCalling implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Messenger Calling',
		name: 'messengerCalling',
		icon: { light: 'file:messengerCalling.svg', dark: 'file:messengerCalling.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: resourceOperationSubtitle(properties),
		// n8n's node panel shows the Messenger Calling Trigger's description for this app's one entry; this text
		// describes the node itself (its AI tool variant is described by it). The codex aliases include the
		// trigger's, since the panel searches the merged entry by this node's codex only.
		description:
			'Manage a Facebook Page’s Messenger calling: call hours, call icon, call routing, close and restore, call prompts',
		defaults: { name: 'Messenger Calling' },
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
