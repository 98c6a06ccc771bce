import { createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

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
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: 'v26.0',
			description: 'The Graph API version to call, e.g. v26.0. See the changelog on developers.facebook.com/docs/graph-api/changelog.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
			description: 'Leave as is for Meta. Change it only to go through a proxy or to use the local sandbox.',
		},
	];

	/** Bearer token, plus appsecret_proof (HMAC-SHA256 of the token, keyed by the app secret) when a secret is set. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const accessToken = String(credentials.accessToken ?? '');
		const appSecret = String(credentials.appSecret ?? '');
		const authenticated: IHttpRequestOptions = {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${accessToken}` },
		};
		if (appSecret) {
			authenticated.qs = { ...requestOptions.qs, appsecret_proof: appSecretProof(accessToken, appSecret) };
		}
		return authenticated;
	}

	// The credential test is a function (nodes/shared/credentialTest.ts, `testedBy` in every node): n8n's
	// declarative test would show only "Bad Request" where Meta explains why it refused the token.
}

export function appSecretProof(accessToken: string, appSecret: string): string {
	return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}
