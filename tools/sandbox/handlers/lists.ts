import { DEMO } from '../seed';
import { invalidParameter, MetaError, unsupportedRequest } from '../metaError';
import type { GraphAnswer, HandlerContext } from './context';

/**
 * The account lists a node's "From list" reads: the Pages the token manages (GET /me/accounts), the
 * phone numbers of a WABA (GET /<WABA_ID>/phone_numbers), and what the token was granted
 * (GET /debug_token → granular_scopes[].target_ids, Meta's way for a system-user token to find its WABAs).
 * Lists are paged like Graph's: `limit` (default 25, at most 100) and the opaque cursor `after`.
 */

export const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;

function cursorFor(offset: number): string {
	return Buffer.from(`offset:${offset}`).toString('base64url');
}

function offsetOf(cursor: unknown): number {
	if (cursor === undefined || cursor === '') return 0;
	const match = /^offset:(\d+)$/.exec(Buffer.from(String(cursor), 'base64url').toString());
	if (!match) throw invalidParameter('Invalid cursor: after');
	return Number(match[1]);
}

function pageSizeOf(limit: unknown): number {
	if (limit === undefined || limit === '') return DEFAULT_PAGE_SIZE;
	const size = Number(limit);
	if (!Number.isInteger(size) || size < 1) throw invalidParameter('limit must be a positive integer');
	return Math.min(size, MAX_PAGE_SIZE);
}

/** One page of `items` with Graph's paging object; `next` is there only when more follow. */
export function pagedAnswer(ctx: HandlerContext, items: Array<Record<string, unknown>>): GraphAnswer {
	const offset = offsetOf(ctx.req.params.after);
	const size = pageSizeOf(ctx.req.params.limit);
	const data = items.slice(offset, offset + size);
	const paging: Record<string, unknown> = {
		cursors: { before: cursorFor(offset), after: cursorFor(offset + data.length) },
	};
	if (offset + size < items.length) {
		paging.next = `${ctx.req.path}?limit=${size}&after=${cursorFor(offset + size)}`;
	}
	return { body: { data, paging } };
}

function onlyGet(ctx: HandlerContext, id: string): void {
	if (ctx.req.method !== 'GET') throw unsupportedRequest(ctx.req.method, id);
}

/** GET /me/accounts: every seeded Page with its name (Meta also answers a Page token here). */
export function meAccounts(ctx: HandlerContext): GraphAnswer {
	onlyGet(ctx, 'me');
	const pages = Object.values(ctx.state.pages).map((page) => ({
		id: page.id,
		name: page.name,
		category: 'Business',
		tasks: ['MANAGE', 'MESSAGING'],
	}));
	return pagedAnswer(ctx, pages);
}

/** GET /<WABA_ID>/phone_numbers: Meta's default fields of each number in the WABA. */
export function wabaPhoneNumbers(ctx: HandlerContext, wabaId: string): GraphAnswer {
	onlyGet(ctx, wabaId);
	const numbers = Object.values(ctx.state.phoneNumbers)
		.filter((p) => p.wabaId === wabaId)
		.map((p) => ({
			id: p.id,
			display_phone_number: p.display_phone_number,
			verified_name: p.verified_name,
			quality_rating: p.quality_rating,
			code_verification_status: 'VERIFIED',
			platform_type: 'CLOUD_API',
		}));
	return pagedAnswer(ctx, numbers);
}

/** GET /debug_token?input_token=...: the sandbox token was granted every seeded WABA and Page. */
export function debugToken(ctx: HandlerContext): GraphAnswer {
	onlyGet(ctx, 'debug_token');
	const input = ctx.req.params.input_token;
	if (input === undefined || input === '') {
		throw new MetaError({ message: '(#100) The parameter input_token is required', type: 'OAuthException', code: 100 });
	}
	if (input !== DEMO.accessToken) {
		return { body: { data: { is_valid: false, error: { code: 190, message: 'Invalid OAuth access token.' } } } };
	}
	const wabaIds = Object.keys(ctx.state.wabas);
	const pageIds = Object.keys(ctx.state.pages);
	return {
		body: {
			data: {
				app_id: ctx.state.app.id,
				type: 'SYSTEM_USER',
				application: ctx.state.app.name,
				is_valid: true,
				scopes: ['whatsapp_business_management', 'whatsapp_business_messaging', 'pages_messaging', 'pages_manage_metadata'],
				granular_scopes: [
					{ scope: 'whatsapp_business_management', target_ids: wabaIds },
					{ scope: 'whatsapp_business_messaging', target_ids: wabaIds },
					{ scope: 'pages_messaging', target_ids: pageIds },
				],
				user_id: '9000000000000001',
			},
		},
	};
}
