import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { TRIGGER_DEFAULT_VERSION, TRIGGER_VERSIONS, triggerProperties, triggerWebhooks } from '../shared/webhook/description';
import { webhookLifecycle } from '../shared/webhook/lifecycle';
import { webhookHandler } from '../shared/webhook/webhook';
import { messengerPlatform } from './platform';

// The description's frame is written out here, where n8n's rules read it; the set-up, subscription and
// options parameters are shared with the other trigger (shared/webhook/description.ts).
export class MessengerCallingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Messenger Calling Trigger',
		name: 'messengerCallingTrigger',
		icon: { light: 'file:messengerCallingTrigger.svg', dark: 'file:messengerCallingTrigger.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		defaultVersion: TRIGGER_DEFAULT_VERSION,
		subtitle: '={{ $parameter["subscription"] === "automatic" ? "Automatic subscription" : "Call settings updates" }}',
		// n8n's node panel merges this trigger into the Messenger Calling entry and shows this text, not the
		// action node's, for the whole app (entry, search, Node details): so it says what both nodes do.
		description:
			'Manage a Facebook Page’s Messenger calling (call hours, call icon, routing, close and restore, call prompts), and start workflows when its call settings change',
		defaults: { name: 'Messenger Calling Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'metaCallingApi', required: true }],
		webhooks: triggerWebhooks,
		properties: triggerProperties({
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
	};

	webhookMethods = webhookLifecycle(messengerPlatform);

	webhook = webhookHandler(messengerPlatform);
}
