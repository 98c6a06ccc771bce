import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	handleWebhookRequest,
	SIGNATURE_REFUSED,
	type IncomingWebhook,
	type TriggerRules,
	type WebhookOutcome,
} from './handleRequest';
import type { TriggerContext, TriggerPlatform } from './platform';
import { SecretCache } from './secretCache';

/** The token Meta must send on verification: the parameter, or else the node's own webhook id. */
export function resolveVerifyToken(ctx: TriggerContext): string {
	const configured = ctx.getNodeParameter('verifyToken', '');
	if (typeof configured === 'string' && configured.trim() !== '') return configured.trim();
	const node = ctx.getNode();
	return node.webhookId ?? node.id;
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
 * The outcome with the kept secret when there is one; the credential is read only when nothing is kept
 * or when the kept secret refuses the signature (it may have been replaced in n8n since).
 */
async function decide(ctx: IWebhookFunctions, incoming: IncomingWebhook, rules: Omit<TriggerRules, 'appSecret'>): Promise<WebhookOutcome> {
	const key = secretKeyOf(ctx);
	const kept = appSecrets.get(key);
	if (kept !== undefined) {
		const outcome = handleWebhookRequest(incoming, { ...rules, appSecret: kept });
		if (outcome.startExecution || outcome.status !== SIGNATURE_REFUSED) return outcome;
	}
	const appSecret = await appSecretOf(ctx);
	appSecrets.set(key, appSecret);
	return handleWebhookRequest(incoming, { ...rules, appSecret });
}

/**
 * The `webhook` method of both triggers. Every answer that must not start an execution is written
 * here with Node's plain response API (works with n8n 1.x and 2.x, Express or not), and
 * `noWebhookResponse` tells n8n it has been sent; only matching changes reach `workflowData`.
 */
export function webhookHandler(platform: TriggerPlatform) {
	return async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const outcome = await decide(this, await incomingOf(this), {
			object: platform.object,
			verifyToken: resolveVerifyToken(this),
			filter: platform.changeFilter(this),
		});
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
