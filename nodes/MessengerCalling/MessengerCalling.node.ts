import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { credentialTestMethods } from '../shared/credentialTest';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

// The description lives in actions/versionDescription.ts (usableAsTool and the required fields are set
// there, and a unit test checks them); these two rules only look inside this file.
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool
export class MessengerCalling implements INodeType {
	// eslint-disable-next-line @n8n/community-nodes/require-node-description-fields
	description: INodeTypeDescription = {
		...versionDescription,
		// The credential and the icon paths (resolved next to this file) are declared here.
		credentials: [{ name: 'metaCallingApi', required: true, testedBy: 'metaCallingApiTest' }],
		icon: { light: 'file:messengerCalling.svg', dark: 'file:messengerCalling.dark.svg' },
	};

	methods = credentialTestMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
