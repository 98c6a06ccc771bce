import type { IDataObject } from 'n8n-workflow';

import { locatorValue } from '../shared/accounts/locators';
import { parseCommaList } from '../shared/validation';
import { eventsForChoices, fieldsForChoices } from '../shared/webhook/filters';
import { graphIdOf } from '../shared/webhook/lifecycle';
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

	subscribeAccounts(ctx) {
		const wabaId = graphIdOf(ctx, locatorValue(ctx.getNodeParameter('wabaId', '')), 'WhatsApp Business Account ID');
		// Idempotent at Meta: subscribing an already subscribed WABA changes nothing.
		return async (graph) => {
			await graph.request({ method: 'POST', path: `/${wabaId}/subscribed_apps` });
		};
	},
};
