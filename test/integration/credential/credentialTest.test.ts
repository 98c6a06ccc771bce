import { NodeConnectionTypes, type ICredentialDataDecryptedObject, type INodeType } from 'n8n-workflow';

import { appSecretProof, MetaCallingApi } from '../../../credentials/MetaCallingApi.credentials';
import { startSandbox, type Sandbox } from '../../../tools/sandbox';
import { runNode, SANDBOX_TOKEN, sandboxCredentials } from '../harness';

/**
 * n8n runs a declarative credential test as a one-parameter declarative node whose routing request is the
 * test request, through n8n-core's RoutingNode and httpRequestWithAuthentication (n8n's
 * credentials-tester.service). This is that node; the harness runs it with n8n-core's WorkflowExecute.
 */
const credential = new MetaCallingApi();
const credentialTestNode: INodeType = {
	description: {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['transform'],
		version: 1,
		description: 'n8n’s declarative credential test, as a node',
		defaults: { name: 'Credential Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'metaCallingApi', required: true }],
		properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credential.test.request } }],
	},
};

async function testCredential(data: ICredentialDataDecryptedObject) {
	return await runNode({ node: credentialTestNode, parameters: {}, credentials: { metaCallingApi: data } });
}

describe('the declarative credential test, run by n8n-core', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.clearRequests());

	it.each([
		['v26.0', 'v26.0'],
		['', 'v26.0'],
		['  ', 'v26.0'],
		['v23.0/', 'v23.0'],
		['/v24.0', 'v24.0'],
	])('Graph API Version %j: passes and calls GET /%s/me', async (graphApiVersion, calledVersion) => {
		for (const baseUrl of [sandbox.url, `${sandbox.url}/`, ` ${sandbox.url}// `]) {
			sandbox.clearRequests();
			const result = await testCredential(sandboxCredentials(baseUrl, { graphApiVersion }));
			expect(result.error).toBeUndefined();
			expect(sandbox.requests.map((r) => [r.method, r.version, r.path])).toEqual([['GET', calledVersion, '/me']]);
		}
	});

	it('sends the Bearer token and appsecret_proof through the credential’s authenticate', async () => {
		await testCredential(sandboxCredentials(sandbox.url, { appSecret: 'sandbox-app-secret' }));
		expect(sandbox.requests[0].query.appsecret_proof).toBe(appSecretProof(SANDBOX_TOKEN, 'sandbox-app-secret'));
	});

	it('fails with HTTP 400 for a token Meta refuses, which the credential’s 400 rule explains, without the token', async () => {
		const badToken = 'EAAbadtoken1234567890';
		const result = await testCredential(sandboxCredentials(sandbox.url, { accessToken: badToken }));
		expect(result.error?.httpCode).toBe('400');
		const rule = (credential.test.rules ?? []).find((r) => r.type === 'responseCode' && r.properties.value === 400);
		expect(rule?.properties.message).toContain('code 190');
		expect(rule?.properties.message).not.toContain(badToken);
	});
});
