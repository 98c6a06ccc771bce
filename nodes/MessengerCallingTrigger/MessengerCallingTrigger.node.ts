import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import {
	replaceExistingCallbackProperty,
	setupNotice,
	subscriptionProperty,
	TRIGGER_DEFAULT_VERSION,
	TRIGGER_VERSIONS,
	triggerWebhooks,
	verifyTokenProperty,
} from '../shared/webhook/description';
import { credentialTestMethods } from '../shared/credentialTest';
import { webhookLifecycle } from '../shared/webhook/lifecycle';
import { webhookHandler } from '../shared/webhook/webhook';
import { messengerPlatform } from './platform';

export class MessengerCallingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Messenger Calling Trigger',
		name: 'messengerCallingTrigger',
		icon: { light: 'file:messengerCallingTrigger.svg', dark: 'file:messengerCallingTrigger.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		defaultVersion: TRIGGER_DEFAULT_VERSION,
		subtitle: '={{ $parameter["subscription"] === "automatic" ? "Automatic subscription" : "Call settings updates" }}',
		description: 'Starts the workflow when the Messenger calling settings of a Facebook Page change (call_settings_update)',
		defaults: { name: 'Messenger Calling Trigger' },
		inputs: [],
		// The older n8n-nodes-base rule predates NodeConnectionTypes (n8n 1.x and 2.x both export it).
		// eslint-disable-next-line n8n-nodes-base/node-class-description-outputs-wrong
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'metaCallingApi', required: true, testedBy: 'metaCallingApiTest' }],
		webhooks: triggerWebhooks,
		properties: [
			setupNotice(
				'In the App Dashboard open Webhooks, choose the object Page, and subscribe to the field call_settings_update; then subscribe the Page to the app.',
			),
			subscriptionProperty,
			replaceExistingCallbackProperty,
			verifyTokenProperty,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Page IDs',
						name: 'pageIds',
						type: 'string',
						default: '',
						placeholder: '4000000000000001, 4000000000000002',
						description:
							'Comma-separated Page IDs to keep events for; empty keeps all. With automatic subscription these Pages are subscribed to the app (none given: the Page of the access token).',
					},
				],
			},
		],
	};

	methods = credentialTestMethods;

	webhookMethods = webhookLifecycle(messengerPlatform);

	webhook = webhookHandler(messengerPlatform);
}
