import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	APP_TOKEN_MARKER,
	appSecretProof,
	DEFAULT_BASE_URL,
	DEFAULT_GRAPH_API_VERSION,
} from '../nodes/shared/transport/connection';

export { appSecretProof };

/**
 * graphApiRoot (nodes/shared/transport/connection.ts) as an n8n expression, for the declarative test:
 * blank means the default, surrounding spaces and slashes do not count. A unit test evaluates it with
 * n8n's expression engine against graphApiRoot for blank, custom and slash-ended values.
 */
const API_ROOT_EXPRESSION =
	'={{ (String($credentials.baseUrl || "").trim().replace(/\\/+$/, "") || "' +
	DEFAULT_BASE_URL +
	'") + "/" + (String($credentials.graphApiVersion || "").trim().replace(/^\\/+|\\/+$/g, "") || "' +
	DEFAULT_GRAPH_API_VERSION +
	'") }}';

const RUN_A_NODE = 'To read Meta\'s own message and fbtrace_id, run any node of this package with the credential.';

/**
 * One credential for both platforms: a Facebook Page access token (Messenger) or a WhatsApp Business
 * system-user token. The app fields are optional and only matter for webhooks and appsecret_proof.
 */
export class MetaCallingApi implements ICredentialType {
	name = 'metaCallingApi';

	displayName = 'Meta Calling API';

	icon: Icon = { light: 'file:metaCalling.svg', dark: 'file:metaCalling.dark.svg' };

	documentationUrl = 'https://developers.facebook.com/docs/graph-api/overview';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'For Messenger: a Page access token (Meta Business Suite → Settings → Business assets, or Graph API Explorer with pages_messaging and pages_manage_metadata). For WhatsApp: a system user token with whatsapp_business_management (Business Settings → Users → System users → Generate new token).',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			description:
				'Optional. Only used by the triggers to subscribe webhooks automatically. Found in the App Dashboard (developers.facebook.com/apps) at the top of the app page.',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Required for the triggers: they verify the signature of every delivery with it and cannot be activated without it. Recommended for the action nodes: every Graph call then carries appsecret_proof. App Dashboard → App settings → Basic → App secret.',
		},
		{
			displayName: 'WhatsApp Business Account ID',
			name: 'businessAccountId',
			type: 'string',
			default: '',
			placeholder: '2000000000000001',
			description:
				'Optional. The nodes list the WhatsApp Business Accounts the token was granted (and their phone numbers) by themselves; set this only when the lists stay empty, e.g. for a token without granular scopes. WhatsApp Manager → Account tools → Business account ID.',
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: DEFAULT_GRAPH_API_VERSION,
			description: 'The Graph API version to call, e.g. v26.0. See the changelog on developers.facebook.com/docs/graph-api/changelog.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Leave as is for Meta. Change it only to go through a proxy or to use the local sandbox.',
		},
	];

	/**
	 * Bearer token, plus appsecret_proof (HMAC-SHA256 of the token, keyed by the app secret) when a secret
	 * is set. App-level calls (the transport marks the credential data it hands to n8n's helper) carry
	 * the app token APP_ID|APP_SECRET as access_token instead: Meta's way for /<APP_ID>/subscriptions.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const text = (key: string) => String(credentials[key] ?? '').trim();
		if (credentials[APP_TOKEN_MARKER] === true) {
			return { ...requestOptions, qs: { ...requestOptions.qs, access_token: `${text('appId')}|${text('appSecret')}` } };
		}
		const accessToken = text('accessToken');
		const appSecret = text('appSecret');
		const authenticated: IHttpRequestOptions = {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${accessToken}` },
		};
		if (appSecret) {
			authenticated.qs = { ...requestOptions.qs, appsecret_proof: appSecretProof(accessToken, appSecret) };
		}
		return authenticated;
	}

	/**
	 * GET <API root>/me, the same root the nodes call, authenticated by `authenticate` above (Bearer and
	 * appsecret_proof). n8n's declarative test can show only a fixed message per HTTP status (or the
	 * status text), not the body, so Meta's own message stays for the nodes' errors; these messages name
	 * Meta's usual reasons for each status.
	 */
	test: ICredentialTestRequest = {
		request: { method: 'GET', baseURL: API_ROOT_EXPRESSION, url: '/me' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message: `Meta refused the credential (HTTP 400): usually the access token is invalid, expired or revoked (code 190), or App Secret is not the secret of the token's app (invalid appsecret_proof), or Meta does not serve this Graph API Version. ${RUN_A_NODE}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `Meta refused the access token (HTTP 401): it is invalid or expired; generate a new one. ${RUN_A_NODE}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: `Meta refused the access token (HTTP 403): it lacks a permission (e.g. whatsapp_business_management or pages_messaging) or the app is restricted. ${RUN_A_NODE}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: `Nothing answers at Base URL + Graph API Version + /me (HTTP 404): check Base URL (blank = ${DEFAULT_BASE_URL}) and Graph API Version (blank = ${DEFAULT_GRAPH_API_VERSION}).`,
				},
			},
		],
	};
}
