import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	handleWebhookRequest,
	refusalWithoutSecret,
	type IncomingWebhook,
	type TriggerRules,
	type WebhookOutcome,
} from './handleRequest';
import type { TriggerContext, TriggerPlatform } from './platform';
import { SecretCache } from './secretCache';
import { verifyTokenFor, type VerifyTokenSource } from './verification';

/** The node's settings its verify token comes from (verification.ts decides the token). */
export function verifyTokenSourceOf(ctx: TriggerContext): VerifyTokenSource {
	const configured = ctx.getNodeParameter('verifyToken', '');
	const node = ctx.getNode();
	return {
		configured: typeof configured === 'string' ? configured.trim() : '',
		automatic: ctx.getNodeParameter('subscription', 'manual') === 'automatic',
		webhookId: node.webhookId ?? node.id,
	};
}

/** What a request to n8n looks like to us: n8n 1.x and 2.x both hand an Express request. */
interface RequestWithRawBody {
	method?: string;
	query?: unknown;
	headers?: Record<string, unknown>;
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
	_body?: boolean;
}

/**
 * The bytes Meta signed. n8n keeps them as `req.rawBody` once it has read the body; if it has not read
 * it yet, its own `readRawBody()` does. Anything else (no bytes) is left to the caller to refuse.
 */
async function rawBodyOf(req: RequestWithRawBody): Promise<Buffer | undefined> {
	if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
	if (typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch {
			return undefined;
		}
	}
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
}

async function incomingOf(ctx: IWebhookFunctions): Promise<IncomingWebhook> {
	const req = ctx.getRequestObject() as unknown as RequestWithRawBody;
	const method = (req.method ?? (ctx.getWebhookName() === 'setup' ? 'GET' : 'POST')).toUpperCase();
	const headers = ctx.getHeaderData() as Record<string, unknown>;
	const incoming = { method, query: ctx.getQueryData(), signatureHeader: headers['x-hub-signature-256'] };
	if (method !== 'POST') return { ...incoming, body: { parsed: undefined } };
	const raw = await rawBodyOf(req);
	return { ...incoming, body: raw ? { raw } : { parsed: ctx.getBodyData() } };
}

/** The credential's App Secret, '' when it has none. */
export function appSecretIn(credentials: IDataObject): string {
	return typeof credentials.appSecret === 'string' ? credentials.appSecret.trim() : '';
}

async function appSecretOf(ctx: IWebhookFunctions): Promise<string> {
	return appSecretIn((await ctx.getCredentials('metaCallingApi')) as IDataObject);
}

/** One per process: the secret of each trigger node, kept across deliveries (see secretCache.ts). */
const appSecrets = new SecretCache();

/** A trigger node in a workflow with a given credential: a changed credential is a new key. */
function secretKeyOf(ctx: IWebhookFunctions): string {
	const node = ctx.getNode();
	return [ctx.getWorkflow().id ?? '', node.id, node.credentials?.metaCallingApi?.id ?? ''].join('|');
}

/**
 * The outcome, with the kept secret when there is one. What can be refused without the secret is refused
 * before it is read, and a typed verify token needs none. A refusal with the kept secret reads the
 * credential again only as often as the cache allows (the secret may have been replaced in n8n).
 */
async function decide(ctx: IWebhookFunctions, incoming: IncomingWebhook, rules: Omit<TriggerRules, 'appSecret' | 'verifyToken'>): Promise<WebhookOutcome> {
	const tokenSource = verifyTokenSourceOf(ctx);
	const decideWith = (appSecret: string) =>
		handleWebhookRequest(incoming, { ...rules, appSecret, verifyToken: verifyTokenFor(tokenSource, appSecret) });
	const refused = refusalWithoutSecret(incoming);
	if (refused) return refused;
	if (incoming.method === 'GET' && (tokenSource.configured !== '' || !tokenSource.automatic)) return decideWith('');

	const key = secretKeyOf(ctx);
	const read = () => appSecretOf(ctx);
	const kept = await appSecrets.secret(key, read);
	const outcome = decideWith(kept);
	if (outcome.startExecution || (outcome.status !== 401 && outcome.status !== 403)) return outcome;
	const fresh = await appSecrets.reread(key, read, kept);
	return fresh === undefined ? outcome : decideWith(fresh);
}

/**
 * The `webhook` method of both triggers. Every answer that must not start an execution is written
 * here with Node's plain response API (works with n8n 1.x and 2.x, Express or not), and
 * `noWebhookResponse` tells n8n it has been sent; only matching changes reach `workflowData`.
 */
export function webhookHandler(platform: TriggerPlatform) {
	return async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const outcome = await decide(this, await incomingOf(this), { object: platform.object, filter: platform.changeFilter(this) });
		if (outcome.startExecution) {
			return { workflowData: [outcome.items.map((json) => ({ json }))] };
		}
		const res = this.getResponseObject();
		res.statusCode = outcome.status;
		res.setHeader('Content-Type', outcome.contentType);
		res.end(outcome.body);
		return { noWebhookResponse: true };
	};
}
