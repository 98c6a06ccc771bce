import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	INodeCredentialTestResult,
	INodeType,
} from 'n8n-workflow';

import { appSecretProof } from '../../credentials/MetaCallingApi.credentials';
import { apiRootOf } from './transport/connection';
import { hintFor, readMetaError, redactText } from './transport/metaError';

/**
 * The credential test every node of this package declares (`testedBy`). n8n's declarative credential
 * test only shows the HTTP status text ("Bad Request") when Meta refuses a token; this one calls the same
 * GET /<version>/me and shows Meta's own message, code and fbtrace_id, and a hint — never the token.
 */
export async function metaCallingApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as IDataObject;
	const accessToken = String(data.accessToken ?? '');
	const appSecret = String(data.appSecret ?? '');
	const secrets = [accessToken, appSecret, ...(appSecret ? [appSecretProof(accessToken, appSecret)] : [])];
	const apiRoot = apiRootOf(String(data.baseUrl ?? ''), String(data.graphApiVersion ?? ''));

	try {
		// ICredentialTestFunctions offers only `request` (n8n 1.x and 2.x); there is no httpRequest to use here.
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		const answer = (await this.helpers.request({
			method: 'GET',
			uri: `${apiRoot}/me`,
			qs: appSecret ? { appsecret_proof: appSecretProof(accessToken, appSecret) } : {},
			headers: { Authorization: `Bearer ${accessToken}` },
			json: true,
			resolveWithFullResponse: true,
			simple: false,
		})) as { statusCode?: number; body?: unknown };
		const status = answer.statusCode ?? 0;
		if (status >= 200 && status < 300) return { status: 'OK', message: 'Connection tested successfully' };
		return { status: 'Error', message: redactText(describeRefusal(answer.body, status), secrets) };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { status: 'Error', message: redactText(`Could not reach ${apiRoot}: ${reason}`, secrets) };
	}
}

function describeRefusal(body: unknown, status: number): string {
	const envelope = readMetaError(body);
	if (!envelope) return `Meta answered HTTP ${status} without an error message`;
	const ids = [
		envelope.code !== undefined ? `code ${envelope.code}` : undefined,
		envelope.error_subcode !== undefined ? `subcode ${envelope.error_subcode}` : undefined,
		envelope.fbtrace_id ? `fbtrace_id ${envelope.fbtrace_id}` : undefined,
	].filter(Boolean);
	const hint = hintFor(envelope);
	return `${envelope.message ?? 'Meta refused the token'} (${ids.join(', ')})${hint ? ` — ${hint}` : ''}`;
}

/** The `methods` every node of this package carries, so n8n finds `testedBy: 'metaCallingApiTest'`. */
export const credentialTestMethods: INodeType['methods'] = { credentialTest: { metaCallingApiTest } };
