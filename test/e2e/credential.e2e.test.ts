import { e2eContext } from './harness/context';

/** n8n's credential test, run the way the editor runs it (REST, as the owner), against the sandbox. */
describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: the Meta Calling API credential test`, () => {
	const e2e = e2eContext();
	const sandboxData = () => ({
		accessToken: 'sandbox-access-token',
		appId: '1000000000000001',
		appSecret: 'sandbox-app-secret',
		graphApiVersion: 'v26.0',
		baseUrl: e2e.sandboxUrl,
	});
	const credential = (data: Record<string, unknown>) => ({
		id: e2e.credentialId,
		name: e2e.credentialName,
		type: 'metaCallingApi',
		data,
	});

	beforeEach(async () => {
		await e2e.sandbox('POST', 'reset', {});
	});

	it('passes with the sandbox token, and n8n called GET /me with it', async () => {
		const result = await e2e.rest.testCredential(credential(sandboxData()));
		expect(result.status).toBe('OK');
		const requests = await e2e.sandbox<Array<{ method: string; path: string; version?: string }>>('GET', 'requests');
		expect(requests).toEqual(expect.arrayContaining([expect.objectContaining({ method: 'GET', path: '/me', version: 'v26.0' })]));
	});

	it('fails for a token Meta refuses, with a message for HTTP 400 and without the token', async () => {
		// What Meta (the sandbox) says about this token, asked directly: HTTP 400, code 190.
		const direct = await fetch(`${e2e.sandboxUrl}/v26.0/me`, { headers: { authorization: 'Bearer not-a-valid-token' } });
		expect(direct.status).toBe(400);
		expect(((await direct.json()) as { error: { code: number } }).error.code).toBe(190);

		// n8n 2.x shows the message of the credential's responseCode rule for the status (never the body);
		// n8n 1.123.81 answers with NodeApiError's own text for HTTP 400 instead (measured: its tester finds
		// no HTTP response on the error it gets, so it never reaches the rules).
		const result = await e2e.rest.testCredential(credential({ ...sandboxData(), accessToken: 'not-a-valid-token' }));
		expect(result.status).toBe('Error');
		if ((process.env.N8N_LINE ?? '2') === '1') {
			expect(result.message).toBe('Bad request - please check your parameters');
		} else {
			expect(result.message).toContain('Meta refused the credential (HTTP 400)');
			expect(result.message).toContain('code 190');
		}
		expect(result.message).not.toContain('not-a-valid-token');
	});

	it.each([
		['blank Graph API Version', { graphApiVersion: '' }, 'v26.0'],
		['a version with slashes', { graphApiVersion: '/v24.0/' }, 'v24.0'],
		['a Base URL with a trailing slash', { graphApiVersion: 'v23.0', trailingSlash: true }, 'v23.0'],
	])('calls <Base URL>/<version>/me like the nodes for %s', async (_case, change, version) => {
		const { trailingSlash, ...fields } = change as { graphApiVersion: string; trailingSlash?: boolean };
		const data = { ...sandboxData(), ...fields, baseUrl: trailingSlash ? `${e2e.sandboxUrl}/` : e2e.sandboxUrl };
		const result = await e2e.rest.testCredential(credential(data));
		expect(result.status).toBe('OK');
		const requests = await e2e.sandbox<Array<{ method: string; path: string; version?: string }>>('GET', 'requests');
		expect(requests.filter((r) => r.path === '/me')).toEqual([expect.objectContaining({ method: 'GET', version })]);
	});

	it('tests the stored credential when the editor sends it back with its secrets blanked', async () => {
		// The editor never receives stored secrets; n8n fills blanked ones from the stored credential.
		const stored = await e2e.rest.rest('GET', `/credentials/${e2e.credentialId}?includeData=true`);
		expect(stored.status).toBe(200);
		const result = await e2e.rest.testCredential(credential(stored.body.data.data));
		expect(result.status).toBe('OK');
	});
});
