import { createHmac } from 'crypto';

/*
 * What the credential's `authenticate` (credentials/MetaCallingApi.credentials.ts) and the transport
 * agree on. Kept here, in the nodes' core, because node code must not import from credentials/; the
 * credential imports these instead.
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
