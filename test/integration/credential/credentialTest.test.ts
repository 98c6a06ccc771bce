// Not exported from n8n-core's index; the same adapter n8n's credential tester hands to `request`.
import { proxyRequestToAxios } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/legacy-request-adapter';
import type { ICredentialTestFunctions, ICredentialsDecrypted } from 'n8n-workflow';

import { appSecretProof } from '../../../credentials/MetaCallingApi.credentials';
import { metaCallingApiTest } from '../../../nodes/shared/credentialTest';
import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_TOKEN, sandboxCredentials } from '../harness';

/** The context n8n gives a `testedBy` credential test: only the legacy request helper, as in n8n 1.x and 2.x. */
const testFunctions = {
	logger: { debug() {}, info() {}, warn() {}, error() {} },
	helpers: { request: async (options: object) => await proxyRequestToAxios(undefined, undefined, undefined, options) },
} as unknown as ICredentialTestFunctions;

function credential(data: Record<string, unknown>): ICredentialsDecrypted {
	return { id: 'c1', name: 'Meta Calling API', type: 'metaCallingApi', data: data as ICredentialsDecrypted['data'] };
}

describe('credential test (testedBy: metaCallingApiTest)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.clearRequests());

	it('passes for the sandbox token and calls GET /<version>/me with it', async () => {
		const result = await metaCallingApiTest.call(testFunctions, credential(sandboxCredentials(sandbox.url)));
		expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		expect(sandbox.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/me']]);
	});

	it('sends appsecret_proof when an app secret is set', async () => {
		await metaCallingApiTest.call(
			testFunctions,
			credential(sandboxCredentials(sandbox.url, { appSecret: 'sandbox-app-secret' })),
		);
		expect(sandbox.requests[0].query.appsecret_proof).toBe(appSecretProof(SANDBOX_TOKEN, 'sandbox-app-secret'));
	});

	it("fails with Meta's own message, code and fbtrace_id for a bad token, without showing the token", async () => {
		const badToken = 'EAAbadtoken1234567890';
		const direct = await fetch(`${sandbox.url}/v26.0/me`, { headers: { authorization: `Bearer ${badToken}` } });
		const metaError = ((await direct.json()) as { error: { message: string; code: number } }).error;

		const result = await metaCallingApiTest.call(
			testFunctions,
			credential(sandboxCredentials(sandbox.url, { accessToken: badToken, appSecret: 'a-long-app-secret' })),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(metaError.message);
		expect(result.message).toContain('code 190');
		expect(result.message).toMatch(/fbtrace_id \S+/);
		expect(result.message).not.toContain(badToken);
		expect(result.message).not.toContain('a-long-app-secret');
	});

	it('says which address it could not reach when nothing listens there', async () => {
		const result = await metaCallingApiTest.call(testFunctions, credential(sandboxCredentials('http://127.0.0.1:9')));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Could not reach http://127.0.0.1:9/v26.0');
	});
});
