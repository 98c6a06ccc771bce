import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { getPublicHolidayCountries } from '../shared/calendar/countries';
import { resourceOperationSubtitle } from '../shared/descriptions/subtitle';
import { operationTable, routeToOperation } from '../shared/execution/runItems';
import { listSearch } from '../shared/methods/listSearch';
import * as availability from './actions/availability/Availability.resource';
import * as callingSettings from './actions/callingSettings/CallingSettings.resource';
import * as holidaySchedule from './actions/holidaySchedule/HolidaySchedule.resource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import { properties } from './actions/properties';

/** Every resource/operation pair the node offers, from the resource modules (checked when the node loads). */
export const operations = operationTable({ callingSettings, holidaySchedule, availability, phoneNumber });

// The description's frame is written out here, where n8n's rules read it (usableAsTool, subtitle, inputs,
// outputs, credential); the parameters are the shared and per-operation blocks in actions/properties.ts.
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
			'Manage the calling settings, call hours and holidays of a WhatsApp business phone number without losing stored settings',
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
