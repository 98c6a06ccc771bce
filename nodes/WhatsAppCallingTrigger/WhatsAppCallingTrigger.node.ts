import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { credentialTestMethods } from '../shared/credentialTest';
import { triggerNodeDescription } from '../shared/webhook/description';
import { webhookLifecycle } from '../shared/webhook/lifecycle';
import { webhookHandler } from '../shared/webhook/webhook';
import { whatsAppPlatform } from './platform';

// The frame (versions, inputs/outputs, credential, webhooks, set-up parameters) is shared with the other
// trigger in shared/webhook/description.ts; a unit test pins the whole description.
export class WhatsAppCallingTrigger implements INodeType {
	// eslint-disable-next-line @n8n/community-nodes/require-node-description-fields
	description: INodeTypeDescription = {
		...triggerNodeDescription({
			displayName: 'WhatsApp Calling Trigger',
			name: 'whatsAppCallingTrigger',
			subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
			description: 'Starts the workflow when the calling settings of a WhatsApp business number change or Meta warns about or restricts its calling',
			dashboardSteps:
				'In the App Dashboard open WhatsApp → Configuration → Webhook, and subscribe to the fields account_settings_update and account_update.',
			leadingProperties: [
				{
					displayName: 'Events',
					name: 'events',
					type: 'multiOptions',
					required: true,
					options: [
						{
							name: 'Account Settings Update',
							value: 'accountSettingsUpdate',
							description: 'Calling settings of a phone number changed (field account_settings_update), your own changes included',
						},
						{
							name: 'Account Update (All)',
							value: 'accountUpdate',
							description: 'Every account_update event, also those unrelated to calling',
						},
						{
							name: 'Calling Restriction',
							value: 'callingRestriction',
							description: 'Meta warned about low calling quality or paused calling (account_update events about calling)',
						},
					],
					default: ['accountSettingsUpdate', 'callingRestriction'],
				},
			],
			subscriptionProperties: [
				{
					displayName: 'WhatsApp Business Account ID',
					name: 'wabaId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '2000000000000001',
					description: 'The WABA whose numbers to watch; it is subscribed to the app on activation (WhatsApp Manager → Account tools → Business account ID)',
					displayOptions: { show: { subscription: ['automatic'] } },
				},
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
		// The credential and the icon paths (resolved next to this file) are declared here.
		credentials: [{ name: 'metaCallingApi', required: true, testedBy: 'metaCallingApiTest' }],
		icon: { light: 'file:whatsAppCallingTrigger.svg', dark: 'file:whatsAppCallingTrigger.dark.svg' },
	};

	methods = credentialTestMethods;

	webhookMethods = webhookLifecycle(whatsAppPlatform);

	webhook = webhookHandler(whatsAppPlatform);
}
