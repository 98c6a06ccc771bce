import { MetaError, missingParameter, unsupportedRequest } from '../metaError';
import { parseBoolean } from '../rules/messengerCallSettings';
import { isFieldName, isHttpUrl, mergeFields, parseFieldList, SUBSCRIPTION_OBJECTS } from '../rules/subscriptions';
import type { App } from '../types';
import type { GraphAnswer, HandlerContext } from './context';

function paramError(text: string): MetaError {
	return new MetaError({ message: `(#100) ${text}`, type: 'OAuthException', code: 100 });
}

function checkedFields(value: unknown, parameter: string): string[] {
	const fields = parseFieldList(value);
	if (!fields || fields.length === 0) throw missingParameter(parameter);
	const bad = fields.find((f) => !isFieldName(f));
	if (bad) throw paramError(`Param ${parameter} contains an invalid field: ${bad}`);
	return fields;
}

/** GET|POST|DELETE /<APP_ID>/subscriptions (app token only; the router checks that). */
export async function appSubscriptions(ctx: HandlerContext, appId: string): Promise<GraphAnswer> {
	const app = ctx.state.app;
	if (ctx.req.method === 'GET') return { body: { data: listSubscriptions(app, ctx.req.version ?? 'v26.0') } };
	if (ctx.req.method === 'POST') return subscribe(ctx, app);
	if (ctx.req.method === 'DELETE') return unsubscribe(ctx, app);
	throw unsupportedRequest(ctx.req.method, appId);
}

function listSubscriptions(app: App, version: string): unknown[] {
	return Object.values(app.subscriptions).map((s) => ({
		object: s.object,
		callback_url: s.callback_url,
		active: s.active,
		fields: s.fields.map((name) => ({ name, version })),
	}));
}

async function subscribe(ctx: HandlerContext, app: App): Promise<GraphAnswer> {
	const p = ctx.req.params;
	if (p.object === undefined) throw missingParameter('object');
	if (!(SUBSCRIPTION_OBJECTS as readonly string[]).includes(String(p.object))) {
		throw paramError(`Param object must be one of {${SUBSCRIPTION_OBJECTS.join(', ')}}`);
	}
	if (p.callback_url === undefined) throw missingParameter('callback_url');
	if (!isHttpUrl(p.callback_url)) throw paramError('Param callback_url must be a valid http or https URL');
	const fields = checkedFields(p.fields, 'fields');
	if (p.verify_token === undefined || p.verify_token === '') throw missingParameter('verify_token');
	const object = String(p.object);
	const verifyToken = String(p.verify_token);
	await ctx.verifyCallback(p.callback_url, verifyToken);
	const existing = app.subscriptions[object];
	// One callback URL per app and object: a new URL replaces the old one for every field; fields add up.
	app.subscriptions[object] = {
		object,
		callback_url: p.callback_url,
		verify_token: verifyToken,
		include_values: parseBoolean(p.include_values) ?? existing?.include_values ?? false,
		fields: mergeFields(existing?.fields ?? [], fields),
		active: true,
	};
	return { body: { success: true } };
}

function unsubscribe(ctx: HandlerContext, app: App): GraphAnswer {
	const p = ctx.req.params;
	if (p.object === undefined) {
		app.subscriptions = {};
		return { body: { success: true } };
	}
	const object = String(p.object);
	const existing = app.subscriptions[object];
	const fields = parseFieldList(p.fields);
	if (existing && fields && fields.length > 0) {
		existing.fields = existing.fields.filter((f) => !fields.includes(f));
		if (existing.fields.length === 0) delete app.subscriptions[object];
	} else {
		delete app.subscriptions[object];
	}
	return { body: { success: true } };
}

/** GET|POST|DELETE /<PAGE_ID>/subscribed_apps: the Page's subscription to the sandbox app. */
export function pageSubscribedApps(ctx: HandlerContext, pageId: string): GraphAnswer {
	const page = ctx.state.pages[pageId];
	const app = ctx.state.app;
	if (ctx.req.method === 'GET') {
		const data = Object.entries(page.subscribedApps).map(([id, fields]) => ({
			category: 'Business',
			link: `https://sandbox.invalid/apps/${id}`,
			name: app.name,
			id,
			subscribed_fields: [...fields],
		}));
		return { body: { data } };
	}
	if (ctx.req.method === 'POST') {
		page.subscribedApps[app.id] = checkedFields(ctx.req.params.subscribed_fields, 'subscribed_fields');
		return { body: { success: true } };
	}
	if (ctx.req.method === 'DELETE') {
		delete page.subscribedApps[app.id];
		return { body: { success: true } };
	}
	throw unsupportedRequest(ctx.req.method, pageId);
}

/** GET|POST|DELETE /<WABA_ID>/subscribed_apps. */
export function wabaSubscribedApps(ctx: HandlerContext, wabaId: string): GraphAnswer {
	const waba = ctx.state.wabas[wabaId];
	const app = ctx.state.app;
	if (ctx.req.method === 'GET') {
		const data = waba.subscribedApps.map((id) => ({
			whatsapp_business_api_data: { id, link: `https://sandbox.invalid/apps/${id}`, name: app.name },
		}));
		return { body: { data } };
	}
	if (ctx.req.method === 'POST') {
		if (!waba.subscribedApps.includes(app.id)) waba.subscribedApps.push(app.id);
		return { body: { success: true } };
	}
	if (ctx.req.method === 'DELETE') {
		waba.subscribedApps = waba.subscribedApps.filter((id) => id !== app.id);
		return { body: { success: true } };
	}
	throw unsupportedRequest(ctx.req.method, wabaId);
}
