import { createHmac, timingSafeEqual } from 'crypto';
import { DEMO } from '../seed';
import {
	appTokenRequired,
	invalidParameter,
	invalidToken,
	MetaError,
	unknownPath,
	unsupportedRequest,
} from '../metaError';
import { MESSENGER_RULES } from '../rules/messengerCallSettings';
import type { SandboxState } from '../types';
import type { GraphAnswer, Handler, HandlerContext } from './context';
import { sendMessage } from './messages';
import { messengerCallSettings } from './messengerCallSettings';
import { debugToken, meAccounts, wabaPhoneNumbers } from './lists';
import { appInfo, me, pageInfo, phoneInfo, wabaInfo } from './objects';
import { phoneCalls, phoneSettings } from './phoneSettings';
import { callPermissions, whatsAppMessages } from './whatsappMessages';
import { appSubscriptions, pageSubscribedApps, wabaSubscribedApps } from './subscriptions';

/** Which edges each kind of object has ('' = the object itself). */
const EDGES = {
	phone: { nodeType: 'WhatsAppBusinessPhoneNumber', edges: { '': phoneInfo, settings: phoneSettings, calls: phoneCalls, messages: whatsAppMessages, call_permissions: callPermissions } },
	page: {
		nodeType: 'Page',
		edges: {
			'': pageInfo,
			messenger_call_settings: messengerCallSettings,
			messages: sendMessage,
			subscribed_apps: pageSubscribedApps,
		},
	},
	waba: {
		nodeType: 'WhatsAppBusinessAccount',
		edges: { '': wabaInfo, subscribed_apps: wabaSubscribedApps, phone_numbers: wabaPhoneNumbers },
	},
	app: { nodeType: 'Application', edges: { '': appInfo, subscriptions: appSubscriptions } },
} satisfies Record<string, { nodeType: string; edges: Record<string, Handler> }>;

type ObjectKind = keyof typeof EDGES;
type Principal = 'user' | 'app';

export function kindOf(state: SandboxState, id: string): ObjectKind | undefined {
	if (state.phoneNumbers[id]) return 'phone';
	if (state.pages[id]) return 'page';
	if (state.wabas[id]) return 'waba';
	if (id === state.app.id) return 'app';
	return undefined;
}

/** The sandbox token for every seeded object, the app token for the app; anything else is error 190. */
export function authenticate(token: string | undefined, state: SandboxState): Principal {
	if (token === DEMO.accessToken) return 'user';
	if (token === `${state.app.id}|${state.app.secret}`) return 'app';
	throw invalidToken();
}

/** appsecret_proof = hex HMAC-SHA256(app secret, token); checked when sent, required when the app says so. */
export function checkAppsecretProof(
	token: string,
	proof: unknown,
	appSecret: string,
	required: boolean,
): MetaError | undefined {
	if (proof === undefined) {
		return required
			? new MetaError({
					message: 'API calls from the server require an appsecret_proof argument',
					type: 'GraphMethodException',
					code: 100,
				})
			: undefined;
	}
	const expected = createHmac('sha256', appSecret).update(token).digest('hex');
	const given = Buffer.from(String(proof));
	const matches = given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
	return matches
		? undefined
		: new MetaError({
				message: 'Invalid appsecret_proof provided in the API argument',
				type: 'GraphMethodException',
				code: 100,
			});
}

function nonexistingField(edge: string, nodeType: string): MetaError {
	return new MetaError({
		message: `(#100) Tried accessing nonexisting field (${edge}) on node type (${nodeType})`,
		type: 'OAuthException',
		code: 100,
	});
}

function routeMe(ctx: HandlerContext, edge: string, principal: Principal): GraphAnswer {
	if (principal === 'app') {
		throw new MetaError({
			message: 'An active access token must be used to query information about the current user.',
			type: 'OAuthException',
			code: 2500,
		});
	}
	if (edge === '') return me(ctx);
	if (edge === 'accounts') return meAccounts(ctx);
	if (edge === 'messages' && ctx.state.mePageId) return sendMessage(ctx, ctx.state.mePageId);
	throw unknownPath(ctx.req.path);
}

export interface RouteAuth {
	token: string | undefined;
	appsecretProof: unknown;
	requireAppsecretProof: boolean;
}

/** Finds the handler for a Graph path, after Meta's own order of checks: token, proof, object, edge. */
export async function routeGraph(ctx: HandlerContext, auth: RouteAuth): Promise<GraphAnswer> {
	const principal = authenticate(auth.token, ctx.state);
	const proofError = checkAppsecretProof(
		auth.token as string,
		auth.appsecretProof,
		ctx.state.app.secret,
		auth.requireAppsecretProof && principal === 'user',
	);
	if (proofError) throw proofError;

	const segments = ctx.req.path.split('/').filter(Boolean);
	if (segments.length === 0 || segments.length > 2) throw unknownPath(ctx.req.path);
	const [id, edge = ''] = segments;
	if (id === 'me') return routeMe(ctx, edge, principal);
	if (id === 'debug_token' && edge === '') return debugToken(ctx);

	const kind = kindOf(ctx.state, id);
	if (!kind) {
		if (edge === 'messenger_call_settings') throw invalidParameter(MESSENGER_RULES.invalidPageId);
		throw unsupportedRequest(ctx.req.method, id);
	}
	if (kind === 'app' && edge === 'subscriptions' && principal !== 'app') throw appTokenRequired();
	if (kind !== 'app' && principal === 'app') throw unsupportedRequest(ctx.req.method, id);

	const { nodeType, edges } = EDGES[kind];
	const handler = (edges as Record<string, Handler>)[edge];
	if (!handler) {
		if (edge === 'messenger_call_settings') throw invalidParameter(MESSENGER_RULES.invalidPageId);
		throw nonexistingField(edge, nodeType);
	}
	return handler(ctx, id);
}
