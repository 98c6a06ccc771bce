import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorValue } from '../shared/accounts/locators';
import { parseCommaList } from '../shared/validation';
import { eventsForChoices, fieldsForChoices } from '../shared/webhook/filters';
import type { TriggerContext, TriggerPlatform } from '../shared/webhook/platform';

function chosenEvents(ctx: TriggerContext): unknown[] {
	const events = ctx.getNodeParameter('events', []);
	return Array.isArray(events) ? events : [];
}

/** The WhatsApp side: WABA webhooks, events chosen by the user, phone number filter. */
export const whatsAppPlatform: TriggerPlatform = {
	object: 'whatsapp_business_account',

	changeFilter(ctx) {
		const options = ctx.getNodeParameter('options', {}) as IDataObject;
		return {
			events: eventsForChoices(chosenEvents(ctx)),
			ids: parseCommaList(options.phoneNumberIds, 'options.phoneNumberIds'),
		};
	},

	subscriptionFields(ctx) {
		return fieldsForChoices(chosenEvents(ctx));
	},

	async subscribeAccounts(ctx, graph) {
		const wabaId = String(locatorValue(ctx.getNodeParameter('wabaId', '')) ?? '').trim();
		if (!/^\d+$/.test(wabaId)) {
			throw new NodeOperationError(ctx.getNode(), 'wabaId: required for automatic subscription, digits only (WhatsApp Manager → Account tools → Business account ID)');
		}
		// Idempotent at Meta: subscribing an already subscribed WABA changes nothing.
		await graph.request({ method: 'POST', path: `/${wabaId}/subscribed_apps` });
	},
};
