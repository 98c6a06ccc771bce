import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GraphClient } from '../shared/transport/graph';
import { isRecord, parseCommaList } from '../shared/validation';
import { PAGE_CALL_SETTINGS_FIELD } from '../shared/webhook/delivery';
import { graphIdOf } from '../shared/webhook/lifecycle';
import type { TriggerContext, TriggerPlatform } from '../shared/webhook/platform';

function pageIdsOf(ctx: TriggerContext): string[] {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	return parseCommaList(options.pageIds, 'options.pageIds');
}

/** The fields this app already receives for a Page (GET /<PAGE_ID>/subscribed_apps). */
async function pageFieldsOfApp(graph: GraphClient, pageId: string, appId: string): Promise<string[] | undefined> {
	const answer = await graph.request({ method: 'GET', path: `/${pageId}/subscribed_apps` });
	const apps = Array.isArray(answer.data) ? answer.data : [];
	const ours = apps.find((app) => isRecord(app) && String(app.id) === appId);
	if (!isRecord(ours)) return undefined;
	return Array.isArray(ours.subscribed_fields) ? ours.subscribed_fields.filter((f): f is string => typeof f === 'string') : [];
}

/** With a Page access token, /me is the Page itself. */
async function tokenPageId(ctx: IHookFunctions, graph: GraphClient): Promise<string> {
	const me = await graph.request({ method: 'GET', path: '/me', qs: { fields: 'id' } });
	const id = typeof me.id === 'string' || typeof me.id === 'number' ? String(me.id) : '';
	if (!/^\d+$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), 'Page IDs: required for automatic subscription when the access token is not a Page token');
	}
	return id;
}

/** The Messenger side: Page webhooks, only call_settings_update, Page filter. */
export const messengerPlatform: TriggerPlatform = {
	object: 'page',

	changeFilter(ctx) {
		return { events: new Set(['callSettingsUpdate']), ids: pageIdsOf(ctx) };
	},

	subscriptionFields() {
		return [PAGE_CALL_SETTINGS_FIELD];
	},

	/**
	 * Each Page of the filter, or the Page of the access token when none is given. POST subscribed_apps
	 * REPLACES the app's fields on that Page, so the fields already there are sent back with ours.
	 */
	subscribeAccounts(ctx) {
		const pageIds = pageIdsOf(ctx).map((id) => graphIdOf(ctx, id, 'Page IDs'));
		return async (graph, appId, fields) => {
			for (const pageId of pageIds.length > 0 ? pageIds : [await tokenPageId(ctx, graph)]) {
				const existing = (await pageFieldsOfApp(graph, pageId, appId)) ?? [];
				if (fields.every((field) => existing.includes(field))) continue;
				const subscribedFields = [...new Set([...existing, ...fields])].join(',');
				await graph.request({ method: 'POST', path: `/${pageId}/subscribed_apps`, qs: { subscribed_fields: subscribedFields } });
			}
		};
	},
};
