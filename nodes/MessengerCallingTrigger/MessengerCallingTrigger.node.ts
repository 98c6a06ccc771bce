import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { credentialTestMethods } from '../shared/credentialTest';
import { triggerNodeDescription } from '../shared/webhook/description';
import { webhookLifecycle } from '../shared/webhook/lifecycle';
import { webhookHandler } from '../shared/webhook/webhook';
import { messengerPlatform } from './platform';

// The frame (versions, inputs/outputs, credential, webhooks, set-up parameters) is shared with the other
// trigger in shared/webhook/description.ts; a unit test pins the whole description.
export class MessengerCallingTrigger implements INodeType {
	// eslint-disable-next-line @n8n/community-nodes/require-node-description-fields
	description: INodeTypeDescription = {
		...triggerNodeDescription({
			displayName: 'Messenger Calling Trigger',
			name: 'messengerCallingTrigger',
			subtitle: '={{ $parameter["subscription"] === "automatic" ? "Automatic subscription" : "Call settings updates" }}',
			description: 'Starts the workflow when the Messenger calling settings of a Facebook Page change (call_settings_update)',
			dashboardSteps:
				'In the App Dashboard open Webhooks, choose the object Page, and subscribe to the field call_settings_update; then subscribe the Page to the app.',
			idFilter: {
				displayName: 'Page IDs',
				name: 'pageIds',
				type: 'string',
				default: '',
				placeholder: '4000000000000001, 4000000000000002',
				description:
					'Comma-separated Page IDs to keep events for; empty keeps all. With automatic subscription these Pages are subscribed to the app (none given: the Page of the access token).',
			},
		}),
		// The credential and the icon paths (resolved next to this file) are declared here.
		credentials: [{ name: 'metaCallingApi', required: true, testedBy: 'metaCallingApiTest' }],
		icon: { light: 'file:messengerCallingTrigger.svg', dark: 'file:messengerCallingTrigger.dark.svg' },
	};

	methods = credentialTestMethods;

	webhookMethods = webhookLifecycle(messengerPlatform);

	webhook = webhookHandler(messengerPlatform);
}
