import { createHmac } from 'crypto';
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';

import type { GraphContext } from './types';

export const CREDENTIAL_TYPE = 'metaCallingApi';

/*
 * APP_TOKEN_MARKER and appSecretProof are what the credential's `authenticate`
 * (credentials/MetaCallingApi.credentials.ts) and the transport agree on. They are kept here, in the
 * nodes' core, because node code must not import from credentials/; the credential imports them instead.
 */

/** appsecret_proof = hex HMAC-SHA256(key = app secret, message = access token). */
export function appSecretProof(accessToken: string, appSecret: string): string {
	return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/**
 * Set to true in the credential data the transport hands to n8n's `httpRequestWithAuthentication`
 * (as `credentialsDecrypted`) when the request is an app-level call (webhook subscriptions): the
 * credential's `authenticate` then sends the app token APP_ID|APP_SECRET as access_token instead of the
 * user's Bearer token. Not a credential field: it exists only in that in-memory copy, never in the
 * request, never in n8n's database.
 */
export const APP_TOKEN_MARKER = 'useAppToken';

/** What a blank Base URL or Graph API Version means: here, in the credential's defaults and in its test. */
export const DEFAULT_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_API_VERSION = 'v26.0';

/** Where requests go, how n8n is to authenticate them, and what must never show up in an error. */
export interface Connection {
	/** baseUrl + '/' + version, without a trailing slash: 'https://graph.facebook.com/v26.0'. */
	apiRoot: string;
	/** The same without the Base URL's user info (a proxy's login): what errors and dry runs show. */
	shownApiRoot: string;
	host: string;
	/** Token, app secret, appsecret_proof, app token and the Base URL's user info, for redaction only. */
	secrets: string[];
	/**
	 * The credential, read and decrypted once, in the form n8n's `httpRequestWithAuthentication` takes
	 * as `credentialsDecrypted` (so it does not read and decrypt it again for every request); n8n then
	 * applies the credential's own `authenticate` to each request.
	 */
	user: ICredentialsDecrypted;
	/** The same, marked for app-level calls (APP_ID|APP_SECRET); undefined without App ID and App Secret. */
	app?: ICredentialsDecrypted;
	/** The credential's optional WhatsApp Business Account ID, trimmed ('' when not set). */
	businessAccountId: string;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

/**
 * The API root for a credential's Base URL and Graph API Version: blank means the default, surrounding
 * spaces and slashes do not count. The credential's declarative test computes the same with an n8n
 * expression (credentials/MetaCallingApi.credentials.ts); a unit test holds the two together.
 */
export function graphApiRoot(baseUrl: unknown, graphApiVersion: unknown): string {
	const base = text(baseUrl).replace(/\/+$/, '') || DEFAULT_BASE_URL;
	const version = text(graphApiVersion).replace(/^\/+|\/+$/g, '') || DEFAULT_GRAPH_API_VERSION;
	return `${base}/${version}`;
}

function hostOf(apiRoot: string): string {
	const match = /^[a-z]+:\/\/([^/?#]+)/i.exec(apiRoot);
	return match ? match[1] : apiRoot;
}

// "https://user:pass@host/v26.0": the user info, up to the last "@" before the path.
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i;

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** The credential once per client; every request then goes through n8n's authenticated helper with it. */
export async function readConnection(ctx: GraphContext): Promise<Connection> {
	const data: ICredentialDataDecryptedObject = await ctx.getCredentials(CREDENTIAL_TYPE);
	const accessToken = text(data.accessToken);
	const appSecret = text(data.appSecret);
	const appId = text(data.appId);
	const secrets = [accessToken, appSecret];
	if (accessToken && appSecret) secrets.push(appSecretProof(accessToken, appSecret));
	if (appId && appSecret) secrets.push(`${appId}|${appSecret}`);
	const apiRoot = graphApiRoot(data.baseUrl, data.graphApiVersion);
	const userInfo = USER_INFO.exec(apiRoot)?.[2] ?? '';
	// The user info and its password, also decoded: an HTTP library may quote either, as typed or decoded.
	for (const part of [userInfo, userInfo.slice(userInfo.indexOf(':') + 1)]) secrets.push(part, safeDecode(part));
	const shownApiRoot = apiRoot.replace(USER_INFO, '$1');
	// n8n reads only `data` of a ready-decrypted credential; id and name say which one it is.
	const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	const user: ICredentialsDecrypted = {
		id: reference?.id ?? '',
		name: reference?.name ?? '',
		type: CREDENTIAL_TYPE,
		data,
	};
	return {
		apiRoot,
		shownApiRoot,
		host: hostOf(shownApiRoot),
		secrets: secrets.filter((s) => s !== ''),
		user,
		app: appId && appSecret ? { ...user, data: { ...data, [APP_TOKEN_MARKER]: true } } : undefined,
		businessAccountId: text(data.businessAccountId),
	};
}
