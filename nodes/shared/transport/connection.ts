import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { appSecretProof, MetaCallingApi } from '../../../credentials/MetaCallingApi.credentials';
import type { GraphContext } from './graph';

export const CREDENTIAL_TYPE = 'metaCallingApi';

/** Where requests go, how they are signed, and what must never show up in an error. */
export interface Connection {
	/** baseUrl + '/' + version, without a trailing slash: 'https://graph.facebook.com/v26.0'. */
	apiRoot: string;
	host: string;
	/** Token, app secret, appsecret_proof and app token, for redaction only. */
	secrets: string[];
	/** Adds the credential's own authentication (Bearer token, appsecret_proof) to a request. */
	authenticate(options: IHttpRequestOptions): Promise<IHttpRequestOptions>;
}

const credentialType = new MetaCallingApi();

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
}

export function apiRootOf(baseUrl: string, graphApiVersion: string): string {
	const base = baseUrl.replace(/\/+$/, '');
	const version = graphApiVersion.replace(/^\/+|\/+$/g, '');
	return version ? `${base}/${version}` : base;
}

function hostOf(baseUrl: string): string {
	const match = /^[a-z]+:\/\/([^/?#]+)/i.exec(baseUrl);
	return match ? match[1] : baseUrl;
}

/* Reading credentials and sending requests live in different functions: n8n's lint rules forbid a
 * function that reads credentials from sending with the plain (unauthenticated) request helper. */

export async function readConnection(ctx: GraphContext): Promise<Connection> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = text(credentials.baseUrl) || 'https://graph.facebook.com';
	const accessToken = text(credentials.accessToken);
	const appSecret = text(credentials.appSecret);
	const appId = text(credentials.appId);
	const secrets = [accessToken, appSecret];
	if (accessToken && appSecret) secrets.push(appSecretProof(accessToken, appSecret));
	if (appId && appSecret) secrets.push(`${appId}|${appSecret}`);
	return {
		apiRoot: apiRootOf(baseUrl, text(credentials.graphApiVersion) || 'v26.0'),
		host: hostOf(baseUrl),
		secrets: secrets.filter((s) => s !== ''),
		// The credential type's own authenticate, applied to the data read here once per client: n8n's
		// httpRequestWithAuthentication would read and decrypt the credential from its database again
		// for every single request (see http.ts).
		authenticate: async (options) => await credentialType.authenticate(credentials, options),
	};
}

/** The app access token `APP_ID|APP_SECRET` (webhook subscriptions need it instead of the user's token). */
export async function readAppToken(ctx: GraphContext): Promise<string> {
	const credentials = (await ctx.getCredentials(CREDENTIAL_TYPE)) as IDataObject;
	const appId = text(credentials.appId);
	const appSecret = text(credentials.appSecret);
	if (!appId || !appSecret) {
		throw new NodeOperationError(
			ctx.getNode(),
			'App ID and App Secret: both are required in the Meta Calling API credential for this call',
			{ description: 'Webhook subscriptions are managed with the app token (App ID|App Secret), not with the access token.' },
		);
	}
	return `${appId}|${appSecret}`;
}
