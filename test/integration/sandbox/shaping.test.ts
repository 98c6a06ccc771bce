import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { control, expectMetaError, graph } from './helpers';

const SETTINGS = `/${DEMO.phoneNumberId}/settings`;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const burst = (n: number) => Promise.all(Array.from({ length: n }, () => graph(sandbox, 'GET', SETTINGS)));

describe('rate limit (on a clock the test moves, so machine load cannot blur the window)', () => {
	let clockMs = Date.parse('2026-03-10T12:00:00Z');
	let limited: Sandbox;
	beforeAll(async () => {
		limited = await startSandbox({ now: () => new Date(clockMs) });
	});
	beforeEach(() => limited.reset());
	afterAll(() => limited.close());
	const limitedBurst = (n: number, path = SETTINGS) => Promise.all(Array.from({ length: n }, () => graph(limited, 'GET', path)));

	it('accepts at most N requests per second, refuses the rest with code 4 (HTTP 400, transient)', async () => {
		limited.setRateLimit({ requestsPerSecond: 10 });
		const results = await limitedBurst(25);
		const refused = results.filter((r) => r.status !== 200);
		expect(results.filter((r) => r.status === 200)).toHaveLength(10);
		expect(refused).toHaveLength(15);
		for (const r of refused) {
			const error = expectMetaError(r, 4);
			expect(r.status).toBe(400);
			expect(error.is_transient).toBe(true);
		}
	});

	it('slides: requests older than one second leave the window, refused ones never entered it', async () => {
		limited.setRateLimit({ requestsPerSecond: 5 });
		await limitedBurst(3);
		clockMs += 600;
		expect((await limitedBurst(4)).filter((r) => r.status === 200)).toHaveLength(2);
		clockMs += 401; // the first 3 are now older than 1 s; the 2 accepted at +600 ms still count
		// Had the 2 refused requests counted, only 1 would fit now instead of 3.
		expect((await limitedBurst(5)).filter((r) => r.status === 200)).toHaveLength(3);
	});

	it('answers code 80007 with HTTP 429 when configured so', async () => {
		limited.setRateLimit({ requestsPerSecond: 1, code: 80007, httpStatus: 429, estimatedTimeToRegainAccessMinutes: 2 });
		const [, refused] = [await graph(limited, 'GET', SETTINGS), await graph(limited, 'GET', SETTINGS)];
		expect(refused.status).toBe(429);
		expect(expectMetaError(refused, 80007).is_transient).toBe(true);
		const buc = JSON.parse(refused.headers.get('x-business-use-case-usage') as string);
		expect(buc[DEMO.wabaId][0]).toEqual({
			type: 'whatsapp',
			call_count: 100,
			total_cputime: 100,
			total_time: 100,
			estimated_time_to_regain_access: 2,
		});
	});

	it('adds usage headers to every answer while a limit is set, and none without', async () => {
		expect((await graph(limited, 'GET', SETTINGS)).headers.get('x-app-usage')).toBeNull();
		limited.setRateLimit({ requestsPerSecond: 4 });
		const first = await graph(limited, 'GET', SETTINGS);
		expect(JSON.parse(first.headers.get('x-app-usage') as string)).toEqual({ call_count: 25, total_cputime: 25, total_time: 25 });
		const page = await graph(limited, 'GET', `/${DEMO.pageId}/messenger_call_settings`);
		const buc = JSON.parse(page.headers.get('x-business-use-case-usage') as string);
		expect(buc[DEMO.pageId][0]).toMatchObject({ call_count: 50, estimated_time_to_regain_access: 0 });
	});

	it('is switched off with null', async () => {
		limited.setRateLimit({ requestsPerSecond: 1 });
		limited.setRateLimit(null);
		expect((await limitedBurst(5)).every((r) => r.status === 200)).toBe(true);
	});
});

describe('latency', () => {
	it('delays every Graph answer by the fixed latency', async () => {
		sandbox.setLatency(150);
		const started = Date.now();
		await burst(3);
		const elapsed = Date.now() - started;
		expect(elapsed).toBeGreaterThanOrEqual(145);
		expect(elapsed).toBeLessThan(3000);
	});
});

describe('faults', () => {
	it('answers a given Meta error N times on the matching method and path, then normally', async () => {
		sandbox.addFault({ kind: 'error', method: 'GET', path: '/*/settings', times: 2, error: { code: 130429 } });
		expect((await graph(sandbox, 'GET', `/${DEMO.pageId}/messenger_call_settings`)).status).toBe(200);
		expect((await graph(sandbox, 'POST', SETTINGS, { body: { calling: { status: 'ENABLED' } } })).status).toBe(200);
		const first = expectMetaError(await graph(sandbox, 'GET', SETTINGS), 130429);
		expect(first.is_transient).toBe(true);
		expectMetaError(await graph(sandbox, 'GET', SETTINGS), 130429);
		expect((await graph(sandbox, 'GET', SETTINGS)).status).toBe(200);
	});

	it.each([4, 17, 32, 613, 80007])('injects rate-limit code %i as transient', async (code) => {
		sandbox.addFault({ kind: 'error', error: { code } });
		const error = expectMetaError(await graph(sandbox, 'GET', '/me'), code);
		expect(error.is_transient).toBe(true);
	});

	it('injects code 2 as HTTP 500 with is_transient, and keeps given fields', async () => {
		sandbox.addFault({ kind: 'error', error: { code: 2 } });
		const result = await graph(sandbox, 'GET', '/me');
		expect(result.status).toBe(500);
		expect(expectMetaError(result, 2).is_transient).toBe(true);
		sandbox.addFault({ kind: 'error', error: { code: 100, error_subcode: 99, message: 'custom', is_transient: false } });
		expect(expectMetaError(await graph(sandbox, 'GET', '/me'), 100)).toMatchObject({ error_subcode: 99, message: 'custom' });
	});

	it('answers a bare HTTP 5xx page', async () => {
		sandbox.addFault({ kind: 'http', status: 503 });
		const result = await graph(sandbox, 'GET', '/me');
		expect(result.status).toBe(503);
		expect(typeof result.body).toBe('string');
	});

	it('drops the connection without an answer', async () => {
		sandbox.addFault({ kind: 'drop', path: '/me' });
		await expect(graph(sandbox, 'GET', '/me')).rejects.toThrow();
		expect((await graph(sandbox, 'GET', '/me')).status).toBe(200);
	});

	it('can process the request before failing it: the ambiguous send a client must not repeat', async () => {
		sandbox.addFault({ kind: 'drop', method: 'POST', path: '/*/messages', processed: true });
		const prompt = {
			recipient: { id: DEMO.psid },
			message: { attachment: { type: 'template', payload: { template_type: 'call_prompt' } } },
		};
		await expect(graph(sandbox, 'POST', `/${DEMO.pageId}/messages`, { body: prompt })).rejects.toThrow();
		expect(sandbox.sentMessages).toHaveLength(1);
		sandbox.addFault({ kind: 'http', status: 502, path: SETTINGS, processed: true });
		expect((await graph(sandbox, 'POST', SETTINGS, { body: { calling: { status: 'DISABLED' } } })).status).toBe(502);
		expect(sandbox.phoneNumber(DEMO.phoneNumberId).calling.status).toBe('DISABLED');
	});

	it('answers a malformed JSON body with status 200', async () => {
		sandbox.addFault({ kind: 'malformed' });
		const result = await graph(sandbox, 'POST', SETTINGS, { body: { calling: { status: 'DISABLED' } } });
		expect(result.status).toBe(200);
		expect(() => JSON.parse(result.body)).toThrow();
		// The malformed answer replaced the handler: nothing was stored.
		expect(sandbox.phoneNumber(DEMO.phoneNumberId).calling.status).toBe('ENABLED');
	});

	it('adds extra latency to one request', async () => {
		sandbox.addFault({ kind: 'latency', latencyMs: 200 });
		const started = Date.now();
		const slow = await graph(sandbox, 'GET', '/me');
		expect(Date.now() - started).toBeGreaterThanOrEqual(195);
		expect(slow.status).toBe(200);
		// One-shot: used up by that request.
		expect(sandbox.listFaults()).toHaveLength(0);
	});
});

describe('request log and reset', () => {
	it('logs method, versionless path, query, parsed body and headers with Authorization redacted', async () => {
		await graph(sandbox, 'POST', SETTINGS, { query: { appsecret_proof: 'x'.repeat(64) }, body: { calling: { status: 'ENABLED' } } });
		await graph(sandbox, 'GET', '/me', { token: null, query: { access_token: DEMO.accessToken } });
		const [post, get] = sandbox.requests;
		expect(post).toMatchObject({ method: 'POST', path: SETTINGS, version: 'v26.0', body: { calling: { status: 'ENABLED' } } });
		expect(post.headers.authorization).toBe('REDACTED');
		expect(get.query.access_token).toBe('REDACTED');
		expect(JSON.stringify(sandbox.requests)).not.toContain(DEMO.accessToken);
	});

	it('reset restores the seed, clears logs, faults and switches', async () => {
		await graph(sandbox, 'POST', SETTINGS, { body: { calling: { status: 'DISABLED' } } });
		sandbox.setLatency(50);
		sandbox.addFault({ kind: 'drop' });
		sandbox.reset();
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.listFaults()).toHaveLength(0);
		expect(sandbox.getConfig().latencyMs).toBe(0);
		expect((await graph(sandbox, 'GET', SETTINGS)).body.calling.status).toBe('ENABLED');
	});
});

describe('control API over HTTP', () => {
	it('configures latency and rate limit, adds faults, reads logs and resets', async () => {
		expect((await control(sandbox, 'POST', 'config', { rateLimit: { requestsPerSecond: 2, code: 80007 } })).body).toMatchObject({
			rateLimit: { requestsPerSecond: 2, code: 80007 },
		});
		await burst(3);
		expect(sandbox.requests).toHaveLength(3);
		expect((await control(sandbox, 'GET', 'requests')).body).toHaveLength(3);

		const added = await control(sandbox, 'POST', 'faults', { kind: 'error', path: '/me', error: { code: 17 } });
		expect(added.body).toMatchObject({ id: expect.any(Number), remaining: 1 });
		expect((await control(sandbox, 'GET', 'faults')).body).toHaveLength(1);
		expect((await control(sandbox, 'POST', 'faults', { kind: 'teleport' })).status).toBe(400);

		await control(sandbox, 'POST', 'objects/' + DEMO.phoneNumberId, {
			restrictions: [{ type: 'RESTRICTED_USER_INITIATED_CALLING', reason: 'test', expiration: 4102444800 }],
			answerStyle: { restrictionListKey: 'restrictions_list' },
		});
		expect((await control(sandbox, 'POST', 'objects/' + DEMO.phoneNumberId, { callingEnabled: false })).status).toBe(400);
		await control(sandbox, 'POST', 'config', { rateLimit: null });
		const settings = await graph(sandbox, 'GET', SETTINGS);
		expect(settings.body.restrictions.restrictions_list[0].type).toBe('RESTRICTED_USER_INITIATED_CALLING');

		expect((await control(sandbox, 'POST', 'reset')).body).toEqual({ ok: true });
		const state = await control(sandbox, 'GET', 'state');
		expect(state.body.config).toEqual({ latencyMs: 0, readLagMs: 0, rateLimit: null, verifyCallbacks: true, requireAppsecretProof: false });
		expect(state.body.state.phoneNumbers[DEMO.phoneNumberId].restrictions).toEqual([]);
		expect((await control(sandbox, 'GET', 'messages')).body).toEqual([]);
		expect((await control(sandbox, 'GET', 'nowhere')).status).toBe(404);
	});
});
