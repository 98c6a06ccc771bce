import { NodeConnectionTypes, type INodeProperties, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { wabaIdLocator } from '../shared/accounts/locators';
import { chosenOptionsSubtitle } from '../shared/descriptions/subtitle';
import { listSearch } from '../shared/methods/listSearch';
import { TRIGGER_DEFAULT_VERSION, TRIGGER_VERSIONS, triggerProperties, triggerWebhooks } from '../shared/webhook/description';
import { webhookLifecycle } from '../shared/webhook/lifecycle';
import { webhookHandler } from '../shared/webhook/webhook';
import { whatsAppPlatform } from './platform';

const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	options: [
		{
			name: 'Account Settings Update',
			value: 'accountSettingsUpdate',
			description: 'Calling settings of a phone number changed (field account_settings_update), your own changes included',
			// The trigger's name in the node panel; without it n8n makes "On account update all" from the name.
			action: 'On calling settings change',
		},
		{
			name: 'Account Update (All)',
			value: 'accountUpdate',
			description: 'Every account_update event, also those unrelated to calling',
			action: 'On any account update',
		},
		{
			name: 'Calling Restriction',
			value: 'callingRestriction',
			description: 'Meta warned about low calling quality or paused calling (account_update events about calling)',
			action: 'On calling warning or restriction',
		},
	],
	default: ['accountSettingsUpdate', 'callingRestriction'],
};

// The description's frame is written out here, where n8n's rules read it; the set-up, subscription and
// options parameters are shared with the other trigger (shared/webhook/description.ts).
export class WhatsAppCallingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Calling Trigger',
		name: 'whatsAppCallingTrigger',
		icon: { light: 'file:whatsAppCallingTrigger.svg', dark: 'file:whatsAppCallingTrigger.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		defaultVersion: TRIGGER_DEFAULT_VERSION,
		subtitle: chosenOptionsSubtitle(eventsProperty),
		// n8n's node panel merges this trigger into the WhatsApp Calling entry and shows this text, not the
		// action node's, for the whole app (entry, search, Node details): so it says what both nodes do.
		description:
			'Manage the calling settings, call hours and holidays of WhatsApp business numbers, and start workflows when they change or Meta warns about or restricts calling',
		defaults: { name: 'WhatsApp Calling Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'metaCallingApi', required: true }],
		webhooks: triggerWebhooks,
		properties: triggerProperties({
			dashboardSteps:
				'In the App Dashboard open WhatsApp → Configuration → Webhook, and subscribe to the fields account_settings_update and account_update.',
			leadingProperties: [eventsProperty],
			subscriptionProperties: [
				wabaIdLocator({
					description:
						'The WABA whose numbers to watch; it is subscribed to the app on activation. Pick it from the accounts the token was granted, or give its ID (WhatsApp Manager → Account tools → Business account ID).',
					displayOptions: { show: { subscription: ['automatic'] } },
				}),
			],
			idFilter: {
				displayName: 'Phone Number IDs',
				name: 'phoneNumberIds',
				type: 'string',
				default: '',
				placeholder: '3000000000000001, 3000000000000002',
				description:
					'Comma-separated phone number IDs to keep events for; empty keeps all. account_update events name only the display number, so a display number (e.g. +1 555 010 0001) matches those too.',
			},
		}),
	};

	// "From List" of the WABA field.
	methods = { listSearch };

	webhookMethods = webhookLifecycle(whatsAppPlatform);

	webhook = webhookHandler(whatsAppPlatform);
}
