import { unsupportedRequest } from '../metaError';
import type { GraphAnswer, HandlerContext } from './context';

/** GET on the bare objects (/me, /<id>): small, for credential tests and tools. Lists are in lists.ts. */

const SYSTEM_USER = { id: '9000000000000001', name: 'Sandbox System User' };

function onlyGet(ctx: HandlerContext, id: string): void {
	if (ctx.req.method !== 'GET') throw unsupportedRequest(ctx.req.method, id);
}

/** With the sandbox token /me is the first seeded Page (a Page token), or a system user when there is none. */
export function me(ctx: HandlerContext): GraphAnswer {
	onlyGet(ctx, 'me');
	const page = ctx.state.mePageId ? ctx.state.pages[ctx.state.mePageId] : undefined;
	return { body: page ? { id: page.id, name: page.name } : { ...SYSTEM_USER } };
}

export function pageInfo(ctx: HandlerContext, id: string): GraphAnswer {
	onlyGet(ctx, id);
	const page = ctx.state.pages[id];
	return { body: { id, name: page.name } };
}

export function phoneInfo(ctx: HandlerContext, id: string): GraphAnswer {
	onlyGet(ctx, id);
	const phone = ctx.state.phoneNumbers[id];
	return { body: { id, display_phone_number: phone.display_phone_number, verified_name: phone.verified_name } };
}

export function wabaInfo(ctx: HandlerContext, id: string): GraphAnswer {
	onlyGet(ctx, id);
	return { body: { id, name: ctx.state.wabas[id].name } };
}

export function appInfo(ctx: HandlerContext, id: string): GraphAnswer {
	onlyGet(ctx, id);
	return { body: { id, name: ctx.state.app.name } };
}
