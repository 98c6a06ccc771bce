import { invalidParameter, MetaError, unsupportedRequest } from '../metaError';
import { presentPageSettings } from '../present';
import {
	MESSENGER_BOOLEAN_SETTINGS,
	MESSENGER_RULES,
	MESSENGER_SETTINGS,
	checkMessengerUpdate,
	parseBoolean,
} from '../rules/messengerCallSettings';
import { parseFieldList } from '../rules/subscriptions';
import { isObject } from '../rules/time';
import type { MessengerCallHours, Page, RingTarget } from '../types';
import { callSettingsUpdate } from '../webhooks/payloads';
import { nowSeconds, type GraphAnswer, type HandlerContext } from './context';

/** GET|POST /<PAGE_ID>/messenger_call_settings. */
export function messengerCallSettings(ctx: HandlerContext, pageId: string): GraphAnswer {
	const page = ctx.state.pages[pageId];
	if (ctx.req.method === 'GET') return getSettings(ctx, page);
	if (ctx.req.method === 'POST') return postSettings(ctx, page);
	throw unsupportedRequest(ctx.req.method, pageId);
}

function getSettings(ctx: HandlerContext, page: Page): GraphAnswer {
	const style = ctx.styleOf(page.id);
	const all = presentPageSettings(page, style);
	const fields = parseFieldList(ctx.req.params.fields) ?? [];
	const unknownField = fields.find((f) => !(MESSENGER_SETTINGS as readonly string[]).includes(f));
	if (unknownField) {
		throw new MetaError({
			message: `(#100) Tried accessing nonexisting field (${unknownField}) on node type (MessengerCallSettings)`,
			type: 'OAuthException',
			code: 100,
		});
	}
	const picked = fields.length === 0 ? all : Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]));
	return { body: style.dataArray ? { data: [picked] } : picked };
}

function postSettings(ctx: HandlerContext, page: Page): GraphAnswer {
	const params = ctx.req.params;
	const violation = checkMessengerUpdate(params);
	if (violation) throw invalidParameter(violation);
	if (isObject(params.call_routing) && params.call_routing.ring_target === 'PARTNERS' && !page.partnersEligible) {
		throw invalidParameter(MESSENGER_RULES.notEligible);
	}
	const before = JSON.stringify(presentPageSettings(page, {}));
	applyMessengerUpdate(page, params);
	const changed = JSON.stringify(presentPageSettings(page, {})) !== before;
	const webhooks = changed ? [callSettingsUpdate(page, ctx.styleOf(page.id), nowSeconds(ctx.now))] : [];
	// The seed page answers the icon switch with {"result"} and hours/routing with {"success"}.
	const onlyIcon = MESSENGER_SETTINGS.every((name) => name === 'icon_enabled' || params[name] === undefined);
	return { body: onlyIcon ? { result: 'success' } : { success: true }, webhooks };
}

/** Setting hours erases the previous hours: days left out are closed. Mutates the Page. */
export function applyMessengerUpdate(page: Page, params: Record<string, unknown>): void {
	for (const name of MESSENGER_BOOLEAN_SETTINGS) {
		const value = parseBoolean(params[name]);
		if (value !== undefined) page[name] = value;
	}
	if (isObject(params.call_routing)) page.call_routing = { ring_target: params.call_routing.ring_target as RingTarget };
	if (isObject(params.call_hours)) {
		const hours = params.call_hours;
		page.call_hours = {
			timezone_id: hours.timezone_id as string,
			weekly_operating_hours: (hours.weekly_operating_hours as Array<Record<string, string>>).map((e) => ({
				day_of_week: e.day_of_week as MessengerCallHours['weekly_operating_hours'][number]['day_of_week'],
				open_time: e.open_time,
				close_time: e.close_time,
			})),
		};
	}
}
