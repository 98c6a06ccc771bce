import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { getPublicHolidayCountries } from '../shared/calendar';
import { resourceOperationSubtitle } from '../shared/descriptions/subtitle';
import { listSearch } from '../shared/methods/listSearch';
import { properties } from './actions/properties';
import { router } from './actions/router';

// The description's frame is written out here, where n8n's rules read it (usableAsTool, subtitle, inputs,
// outputs, credential); the parameters are the shared and per-operation blocks in actions/properties.ts.
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
		return await router.call(this);
	}
}
