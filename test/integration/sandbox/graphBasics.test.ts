import { createHmac } from 'crypto';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { optionsFromArgs } from '../../../tools/sandbox/cli';
import { expectMetaError, graph } from './helpers';

const SETTINGS = `/${DEMO.phoneNumberId}/settings`;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

describe('tokens and objects', () => {
	it('answers /me for the sandbox token, under any version prefix or none', async () => {
		for (const version of ['v26.0', 'v23.0', null]) {
			const result = await graph(sandbox, 'GET', '/me', { version });
			expect(result.status).toBe(200);
			expect(result.body).toEqual({ id: DEMO.pageId, name: expect.any(String) });
		}
		expect((await graph(sandbox, 'GET', '/me', { version: 'v25.0' })).headers.get('facebook-api-version')).toBe('v25.0');
	});

	it('answers 190 for a bad or missing token, in Meta envelope', async () => {
		const bad = expectMetaError(await graph(sandbox, 'GET', '/me', { token: 'nope' }), 190);
		expect(bad.type).toBe('OAuthException');
		expectMetaError(await graph(sandbox, 'GET', SETTINGS, { token: null }), 190);
	});

	it('accepts the token as access_token query parameter', async () => {
		expect((await graph(sandbox, 'GET', SETTINGS, { token: null, query: { access_token: DEMO.accessToken } })).status).toBe(200);
	});

	it('answers 100 subcode 33 for an unknown object and 100 for an unknown edge', async () => {
		const unknown = expectMetaError(await graph(sandbox, 'GET', '/3999999999999999/settings'), 100);
		expect(unknown).toMatchObject({ error_subcode: 33, type: 'GraphMethodException' });
		expect(unknown.message).toMatch(/^Unsupported get request\. Object with ID '3999999999999999' does not exist/);
		const post = expectMetaError(await graph(sandbox, 'POST', '/3999999999999999/settings', { body: {} }), 100);
		expect(post.message).toMatch(/^Unsupported post request/);
		expect(expectMetaError(await graph(sandbox, 'GET', `/${DEMO.phoneNumberId}/colours`), 100).message).toMatch(/nonexisting field \(colours\)/);
		expectMetaError(await graph(sandbox, 'DELETE', SETTINGS), 100);
	});

	it('checks appsecret_proof when sent, and requires it when switched on', async () => {
		const proof = createHmac('sha256', DEMO.appSecret).update(DEMO.accessToken).digest('hex');
		expect((await graph(sandbox, 'GET', '/me', { query: { appsecret_proof: proof } })).status).toBe(200);
		expect(expectMetaError(await graph(sandbox, 'GET', '/me', { query: { appsecret_proof: 'f'.repeat(64) } }), 100).message).toMatch(/appsecret_proof/);
		sandbox.setRequireAppsecretProof(true);
		expectMetaError(await graph(sandbox, 'GET', '/me'), 100);
		expect((await graph(sandbox, 'GET', '/me', { query: { appsecret_proof: proof } })).status).toBe(200);
	});

	it('refuses a body that is not JSON', async () => {
		const response = await fetch(`${sandbox.url}/v26.0${SETTINGS}`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${DEMO.accessToken}`, 'Content-Type': 'application/json' },
			body: '{"calling":',
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as any).error.code).toBe(100);
	});

	it('has no handler bug on any of these paths', () => {
		expect(sandbox.internalErrors).toEqual([]);
	});
});

describe('alternative answer spellings (meta-api-notes.md)', () => {
	it('answers lower-case enums, visible/hidden, -SRTP suffixes when the number is set to', async () => {
		sandbox.setAnswerStyle(DEMO.phoneNumberId, { lowercaseEnums: true, iconVisibilityWords: true, srtpWithSuffix: true });
		const calling = (await graph(sandbox, 'GET', SETTINGS)).body.calling;
		expect(calling).toMatchObject({
			status: 'enabled',
			call_icon_visibility: 'visible',
			callback_permission_status: 'disabled',
			srtp_key_exchange_protocol: 'dtls-srtp',
			sip: { status: 'disabled' },
			call_hours: { status: 'enabled' },
		});
		expect(calling.call_hours.weekly_operating_hours[0].day_of_week).toBe('monday');
	});

	it('answers NOT_SET for settings never set', async () => {
		sandbox.setAnswerStyle(DEMO.disabledPhoneNumberId, { notSetForUnset: true });
		const calling = (await graph(sandbox, 'GET', `/${DEMO.disabledPhoneNumberId}/settings`)).body.calling;
		expect(calling).toMatchObject({ status: 'DISABLED', callback_permission_status: 'NOT_SET', call_hours: { status: 'NOT_SET' } });
	});

	it.each([
		['restriction_list', (r: any) => r.restriction_list],
		['restrictions_list', (r: any) => r.restrictions_list],
		['restrictions', (r: any) => r],
	] as const)('puts the restriction list under %s', async (key, listOf) => {
		const restriction = { type: 'RESTRICTED_BIZ_INITIATED_AND_USER_INITIATED_CALLING', reason: 'feedback', expiration: 4102444800 };
		sandbox.updateObject(DEMO.phoneNumberId, { restrictions: [restriction], answerStyle: { restrictionListKey: key } });
		const body = (await graph(sandbox, 'GET', SETTINGS)).body;
		expect(listOf(body.restrictions)).toEqual([restriction]);
	});

	it('answers lower-case ring targets for Pages', async () => {
		sandbox.setAnswerStyle(DEMO.pageId, { lowercaseEnums: true });
		const result = await graph(sandbox, 'GET', `/${DEMO.pageId}/messenger_call_settings`, { query: { fields: 'call_routing' } });
		expect(result.body).toEqual({ call_routing: { ring_target: 'meta' } });
	});

	it('still takes only the seed page spelling in requests', async () => {
		sandbox.setAnswerStyle(DEMO.phoneNumberId, { lowercaseEnums: true });
		expect((await graph(sandbox, 'POST', SETTINGS, { body: { calling: { status: 'disabled' } } })).status).toBe(400);
	});
});

describe('throughput', () => {
	it('holds latency without blocking: 300 requests, 30 at a time, 50 ms each, take about 10 latencies, not 300', async () => {
		sandbox.setLatency(50);
		const started = Date.now();
		let next = 0;
		const worker = async () => {
			while (next < 300) {
				next++;
				const result = await graph(sandbox, 'POST', SETTINGS, { body: { calling: { callback_permission_status: next % 2 ? 'ENABLED' : 'DISABLED' } } });
				expect(result.status).toBe(200);
			}
		};
		await Promise.all(Array.from({ length: 30 }, worker));
		const elapsed = Date.now() - started;
		expect(sandbox.requests).toHaveLength(300);
		expect(elapsed).toBeGreaterThanOrEqual(500);
		expect(elapsed).toBeLessThan(8000);
	});
});

describe('npm run sandbox flags', () => {
	it('reads port, latency, rate limit and bulk numbers', () => {
		expect(optionsFromArgs(['--port', '9000', '--latency', '50', '--rate-limit', '100', '--rate-limit-code', '80007', '--bulk=1000'])).toMatchObject({
			host: '127.0.0.1',
			port: 9000,
			latencyMs: 50,
			rateLimit: { requestsPerSecond: 100, code: 80007, httpStatus: 400 },
			bulkPhoneNumbers: 1000,
			seed: 'demo',
			verifyCallbacks: true,
		});
		expect(optionsFromArgs([])).toMatchObject({ port: 8787, rateLimit: null });
		expect(() => optionsFromArgs(['--rate-limit-code', '5'])).toThrow(/4 or 80007/);
	});
});
