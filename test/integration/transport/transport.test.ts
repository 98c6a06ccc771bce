import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { appSecretProof } from '../../../credentials/MetaCallingApi.credentials';
import { FREE_RAMP_WINDOW, MAX_WINDOW } from '../../../nodes/shared/transport/congestion';
import type { GraphRequest } from '../../../nodes/shared/transport/types';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { runNode, sandboxCredentials, SANDBOX_APP_SECRET, SANDBOX_TOKEN, type NodeRunResult } from '../harness';
import { TransportProbe } from './transportProbe';

const PHONE = DEMO.phoneNumberId;
const PAGE = DEMO.pageId;
const PSID = DEMO.psid;
const READ_SETTINGS: GraphRequest = { method: 'GET', path: `/${PHONE}/settings` };
const SEND_PROMPT: GraphRequest = {
	method: 'POST',
	path: `/${PAGE}/messages`,
	body: {
		recipient: { id: PSID },
		message: { attachment: { type: 'template', payload: { template_type: 'call_prompt', ttl_days: 7 } } },
	},
	repeatable: false,
};

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
	sandbox.clearRequests();
	sandbox.setLatency(0);
	sandbox.setRateLimit(null);
});

interface ProbeRun {
	items: IDataObject[];
	parameters?: IDataObject;
	credentials?: IDataObject;
	continueOnFail?: boolean;
	baseUrl?: string;
}

async function probe(run: ProbeRun): Promise<NodeRunResult> {
	return await runNode({
		node: new TransportProbe(),
		parameters: { backoffBaseMs: 5, backoffCapMs: 40, ...(run.parameters ?? {}) } as never,
		credentials: {
			metaCallingApi: { ...sandboxCredentials(run.baseUrl ?? sandbox.url), ...(run.credentials ?? {}) } as never,
		},
		items: run.items.map((json) => ({ json })) as INodeExecutionData[],
		continueOnFail: run.continueOnFail,
	});
}

const requestsTo = (path: string) => sandbox.requests.filter((r) => r.path === path);

describe('URL and authentication', () => {
	it('builds baseUrl (trailing slashes trimmed) + version + path and sends appsecret_proof when the secret is set', async () => {
		const result = await probe({
			items: [{ request: READ_SETTINGS }],
			baseUrl: `${sandbox.url}//`,
			credentials: { appSecret: SANDBOX_APP_SECRET, graphApiVersion: 'v25.0' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toHaveProperty('calling');
		const [logged] = sandbox.requests;
		expect(logged.version).toBe('v25.0');
		expect(logged.path).toBe(`/${PHONE}/settings`);
		expect(logged.query.appsecret_proof).toBe(appSecretProof(SANDBOX_TOKEN, SANDBOX_APP_SECRET));
		expect(logged.headers.authorization).toBeDefined();
	});

	it('sends no appsecret_proof without a secret, and the sandbox requiring one refuses', async () => {
		sandbox.setRequireAppsecretProof(true);
		const result = await probe({ items: [{ request: READ_SETTINGS }], continueOnFail: true });
		expect(sandbox.requests[0].query.appsecret_proof).toBeUndefined();
		expect(result.items[0].json.error).toBeDefined();
		expect(result.items[0].json.code).toBeDefined();
		sandbox.setRequireAppsecretProof(false);
	});

	it("calls app endpoints with the app token, as access_token", async () => {
		const result = await probe({
			items: [{ request: { method: 'GET', path: `/${DEMO.appId}/subscriptions`, auth: 'app' } }],
			credentials: { appSecret: SANDBOX_APP_SECRET },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toHaveProperty('data');
		expect(sandbox.requests[0].headers.authorization).toBeUndefined();
	});
});

describe('retries', () => {
	it.each([4, 17, 32, 613, 80007, 130429])('backs off on rate-limit code %i, then succeeds', async (code) => {
		sandbox.addFault({ kind: 'error', error: { code }, path: `/${PHONE}/settings`, times: 2 });
		const result = await probe({ items: [{ request: READ_SETTINGS }] });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toHaveProperty('calling');
		expect(requestsTo(`/${PHONE}/settings`)).toHaveLength(3);
	});

	it('backs off on HTTP 429 without an envelope, then succeeds', async () => {
		sandbox.addFault({ kind: 'http', status: 429, body: 'Too Many Requests', times: 2 });
		const result = await probe({ items: [{ request: READ_SETTINGS }] });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(3);
	});

	it('retries 5xx pages, is_transient errors and dropped connections for repeatable requests', async () => {
		sandbox.addFault({ kind: 'http', status: 502 });
		sandbox.addFault({ kind: 'error', error: { code: 2 } }); // is_transient, HTTP 500
		sandbox.addFault({ kind: 'error', error: { code: 1, is_transient: true }, status: 400 });
		sandbox.addFault({ kind: 'drop' });
		const result = await probe({ items: [{ request: READ_SETTINGS }] });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toHaveProperty('calling');
		expect(sandbox.requests).toHaveLength(5);
	});

	it('does not retry a final error and shows Meta’s message, code and fbtrace_id', async () => {
		sandbox.addFault({ kind: 'error', error: { code: 138000, message: 'Calling is not enabled' } });
		const result = await probe({ items: [{ request: READ_SETTINGS }] });
		expect(sandbox.requests).toHaveLength(1);
		expect(result.error?.message).toBe('Calling is not enabled');
		expect(String(result.error?.description)).toMatch(/not enabled on this phone number/);
		expect(result.error).toMatchObject({ code: 138000 });
		expect(String(result.error?.fbtrace_id)).toMatch(/.+/);
	});

	it('bounds the total wait: a limit that outlasts Max Wait fails the item in time', async () => {
		sandbox.addFault({ kind: 'error', error: { code: 80007 }, times: 1000 });
		const started = Date.now();
		const result = await probe({
			items: [{ request: READ_SETTINGS }],
			parameters: { backoffBaseMs: 50, backoffCapMs: 100, options: { maxWaitSeconds: 0.4 } },
		});
		const elapsed = Date.now() - started;
		expect(result.error?.message).toBe('(#80007) Rate limit issues');
		expect(String(result.error?.description)).toMatch(/Gave up after waiting 0\.\d s in total \(Max Wait: 0\.4 s\)/);
		expect(elapsed).toBeLessThan(400 + 500); // the bound plus the time of the attempts themselves
		expect(sandbox.requests.length).toBeGreaterThan(3);
	});

	it('fails at once when Meta’s estimated_time_to_regain_access exceeds the bound', async () => {
		sandbox.setRateLimit({ requestsPerSecond: 1, estimatedTimeToRegainAccessMinutes: 5 });
		const started = Date.now();
		const result = await probe({
			items: [{ request: READ_SETTINGS }, { request: READ_SETTINGS }],
			parameters: { options: { concurrency: '1' } },
			continueOnFail: true,
		});
		expect(Date.now() - started).toBeLessThan(1000);
		expect(result.items[0].json).toHaveProperty('calling');
		expect(result.items[1].json).toMatchObject({ code: 4 });
		expect(String(result.items[1].json.description)).toMatch(/Max Wait/);
	});
});

describe('requests that must not be sent twice', () => {
	it('is not repeated after a dropped connection, and says it may or may not have been sent', async () => {
		sandbox.addFault({ kind: 'drop', path: `/${PAGE}/messages` });
		const result = await probe({ items: [{ request: SEND_PROMPT }] });
		expect(requestsTo(`/${PAGE}/messages`)).toHaveLength(1);
		expect(result.error?.message).toMatch(/may or may not have been carried out/);
	});

	it('is not repeated after a 5xx, even a transient one', async () => {
		sandbox.addFault({ kind: 'error', error: { code: 2 }, path: `/${PAGE}/messages` });
		sandbox.addFault({ kind: 'http', status: 503, path: `/${PAGE}/messages` });
		const result = await probe({ items: [{ request: SEND_PROMPT }, { request: SEND_PROMPT }], continueOnFail: true });
		expect(requestsTo(`/${PAGE}/messages`)).toHaveLength(2);
		for (const item of result.items) expect(String(item.json.error)).toMatch(/may or may not/);
		expect(sandbox.sentMessages).toHaveLength(0);
	});

	it('is repeated after a rate-limit answer (Meta did not process it) and sent exactly once', async () => {
		sandbox.addFault({ kind: 'error', error: { code: 4 }, path: `/${PAGE}/messages`, times: 2 });
		const result = await probe({ items: [{ request: SEND_PROMPT }] });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toHaveProperty('message_id');
		expect(requestsTo(`/${PAGE}/messages`)).toHaveLength(3);
		expect(sandbox.sentMessages).toHaveLength(1);
	});
});

describe('shared backoff and concurrency', () => {
	it('one rate-limit answer pauses every request of the node, not just the refused one', async () => {
		const pauseMs = 300;
		sandbox.setLatency(10);
		// The 15th request is refused; by then the 10 workers are in full flow.
		sandbox.addFault({ kind: 'latency', latencyMs: 0, times: 14 });
		sandbox.addFault({ kind: 'error', error: { code: 4 }, times: 1 });
		const result = await probe({
			items: Array.from({ length: 200 }, () => ({ request: READ_SETTINGS })),
			parameters: { backoffBaseMs: pauseMs, backoffCapMs: pauseMs, jitter: 0.999, options: { concurrency: '10' } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(200);
		const times = sandbox.requests.map((r) => r.at);
		const refusedAt = times[14];
		// Requests that had passed the gate before the refusal arrived may still land (at most the other 9
		// slots); after them, silence. Without a shared pause the 9 other workers would keep sending, about
		// one request per slot per round trip, dozens in this span.
		const duringPause = times.filter((t) => t > refusedAt + 40 && t < refusedAt + pauseMs - 20);
		expect(duringPause.length).toBeLessThanOrEqual(9);
		const after = times.filter((t) => t >= refusedAt);
		const longestSilence = Math.max(...after.slice(1).map((t, n) => t - after[n]));
		expect(longestSilence).toBeGreaterThanOrEqual(pauseMs / 2);
		expect(times[times.length - 1] - refusedAt).toBeGreaterThanOrEqual(pauseMs - 20);
		expect(sandbox.requests).toHaveLength(201);
	});

	it('a fixed concurrency bounds the requests in flight', async () => {
		const latency = 50;
		sandbox.setLatency(latency);
		const result = await probe({
			items: Array.from({ length: 24 }, () => ({ request: READ_SETTINGS })),
			parameters: { options: { concurrency: '3' } },
		});
		expect(result.error).toBeUndefined();
		const times = sandbox.requests.map((r) => r.at);
		// A slot is busy for at least the latency, so no 45 ms span holds more than 3 arrivals.
		for (const t of times) expect(times.filter((u) => u > t - latency + 5 && u <= t).length).toBeLessThanOrEqual(3);
		expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(7 * latency - 10);
	});

	it('auto concurrency grows past its start while answers are clean', async () => {
		const latency = 40;
		sandbox.setLatency(latency);
		const result = await probe({ items: Array.from({ length: 120 }, () => ({ request: READ_SETTINGS })) });
		expect(result.error).toBeUndefined();
		const times = sandbox.requests.map((r) => r.at);
		const peak = Math.max(...times.map((t) => times.filter((u) => u > t - latency + 5 && u <= t).length));
		expect(peak).toBeGreaterThan(8);
		expect(peak).toBeLessThanOrEqual(MAX_WINDOW);
	});

	it('auto concurrency on a far path: up to 50 sent blind in the first round trip, more once answers come (issue 21)', async () => {
		const latency = 300;
		sandbox.setLatency(latency);
		const result = await probe({ items: Array.from({ length: 200 }, () => ({ request: READ_SETTINGS })) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(200);
		const times = sandbox.requests.map((r) => r.at);
		const beforeFirstAnswer = times.filter((t) => t < times[0] + latency - 20).length;
		// Slow start from 4 without this sent 4 here and idled through the rest of the round trip.
		expect(beforeFirstAnswer).toBeGreaterThanOrEqual(20);
		expect(beforeFirstAnswer).toBeLessThanOrEqual(FREE_RAMP_WINDOW);
		expect(times.filter((t) => t < times[0] + 30).length).toBeLessThanOrEqual(8);
		const peak = Math.max(...times.map((t) => times.filter((u) => u > t - latency + 20 && u <= t).length));
		expect(peak).toBeGreaterThan(FREE_RAMP_WINDOW);
	});

	it('auto concurrency loses no item under a rate limit', async () => {
		sandbox.setLatency(20);
		sandbox.setRateLimit({ requestsPerSecond: 40 });
		const started = Date.now();
		const result = await probe({
			items: Array.from({ length: 80 }, () => ({ request: READ_SETTINGS })),
			parameters: { backoffBaseMs: 100, backoffCapMs: 1000 },
		});
		const elapsed = Date.now() - started;
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(80);
		expect(result.items.every((i) => 'calling' in i.json)).toBe(true);
		expect(elapsed).toBeGreaterThanOrEqual(1000); // 80 calls at 40/s cannot finish faster than the limit allows
	});
});

describe('no secret leaves in an error', () => {
	const SECRET_TOKEN = 'EAAsecret-token-0123456789';
	const proof = appSecretProof(SECRET_TOKEN, SANDBOX_APP_SECRET);
	const appToken = `1000000000000001|${SANDBOX_APP_SECRET}`;

	function expectClean(result: NodeRunResult) {
		const everything = JSON.stringify(result.run) + JSON.stringify(result.error ?? {}) + String(result.error?.stack);
		for (const secret of [SECRET_TOKEN, SANDBOX_APP_SECRET, proof, appToken]) expect(everything).not.toContain(secret);
	}

	it('for Meta errors whose text quotes the token, proof and secret', async () => {
		sandbox.addFault({
			kind: 'error',
			error: { code: 190, message: `Malformed access token ${SECRET_TOKEN} (proof ${proof}, app ${appToken})` },
		});
		const result = await probe({
			items: [{ request: READ_SETTINGS }],
			credentials: { accessToken: SECRET_TOKEN, appSecret: SANDBOX_APP_SECRET },
		});
		expect(result.error?.message).toMatch(/Malformed access token \[redacted\]/);
		expect(String(result.error?.description)).toMatch(/invalid or has expired/);
		expectClean(result);
	});

	it('for a real invalid-token answer, a refused connection and a broken body, also as continueOnFail items', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
		await new Promise((resolve) => (closed as Server).close(resolve));

		const credentials = { accessToken: SECRET_TOKEN, appSecret: SANDBOX_APP_SECRET };
		const invalid = await probe({ items: [{ request: READ_SETTINGS }], credentials, continueOnFail: true });
		expect(invalid.items[0].json).toMatchObject({ code: 190 });
		expectClean(invalid);

		const refused = await probe({ items: [{ request: READ_SETTINGS }], credentials, baseUrl: deadUrl });
		expect(refused.error?.message).toMatch(/refused the connection/);
		expectClean(refused);

		sandbox.addFault({ kind: 'malformed' });
		const broken = await probe({ items: [{ request: READ_SETTINGS }], credentials: { appSecret: SANDBOX_APP_SECRET } });
		expect(broken.error?.message).toMatch(/not valid JSON/);
		expectClean(broken);

		sandbox.addFault({ kind: 'http', status: 502, times: 100 });
		const html = await probe({
			items: [{ request: READ_SETTINGS }],
			credentials: { appSecret: SANDBOX_APP_SECRET },
			parameters: { options: { maxWaitSeconds: 0.1 } },
		});
		expect(html.error?.message).toBe("The Graph API answered HTTP 502 without Meta's error details");
		expectClean(html);
	});
});

describe('runItems', () => {
	it('keeps input order and pairedItem with uneven latency, and expands array results', async () => {
		sandbox.addFault({ kind: 'latency', latencyMs: 120, times: 1 });
		sandbox.addFault({ kind: 'latency', latencyMs: 60, times: 1 });
		const result = await probe({
			items: [
				{ request: READ_SETTINGS, tag: 0 },
				{ request: { method: 'GET', path: '/me' } },
				{ request: READ_SETTINGS, times: 3 },
				{ request: { method: 'GET', path: `/${PAGE}/messenger_call_settings` } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 2 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json).toHaveProperty('calling');
		expect(result.items[1].json).toHaveProperty('id');
		expect(result.items.slice(2, 5).map((i) => i.json.n)).toEqual([0, 1, 2]);
	});

	it('with continueOnFail, failing items become error items and the others go on', async () => {
		sandbox.addFault({ kind: 'error', error: { code: 100, details: 'phone number id unknown' }, path: '/999/settings' });
		const result = await probe({
			items: [
				{ request: READ_SETTINGS },
				{ fail: 'weeklyHours[0].openTime' },
				{ request: { method: 'GET', path: '/999/settings' } },
				{ request: READ_SETTINGS },
			],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(result.items[0].json).toHaveProperty('calling');
		expect(result.items[1].json).toMatchObject({ error: 'weeklyHours[0].openTime: is broken on purpose' });
		expect(result.items[2].json).toMatchObject({ code: 100, error_details: 'phone number id unknown' });
		expect(typeof result.items[2].json.fbtrace_id).toBe('string');
		expect(result.items[3].json).toHaveProperty('calling');
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('without continueOnFail throws the first failure in input order and starts no new item', async () => {
		const result = await probe({
			items: [
				{ request: READ_SETTINGS },
				{ fail: 'holidays[1].date' },
				{ fail: 'holidays[2].date' },
				...Array.from({ length: 100 }, () => ({ request: READ_SETTINGS })),
			],
			parameters: { options: { concurrency: '1' } },
		});
		expect(result.error?.message).toBe('holidays[1].date: is broken on purpose');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(sandbox.requests.length).toBeLessThan(60);
	});

	it('rejects a concurrency that is not auto or 1–50, before any request', async () => {
		const result = await probe({ items: [{ request: READ_SETTINGS }], parameters: { options: { concurrency: '80' } } });
		expect(result.error?.message).toBe('options.concurrency: must be auto or a whole number from 1 to 50');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('rejects a negative Max Wait, and app calls without App ID and App Secret, before any request', async () => {
		const negative = await probe({ items: [{ request: READ_SETTINGS }], parameters: { options: { maxWaitSeconds: -1 } } });
		expect(negative.error?.message).toBe('options.maxWaitSeconds: must be a number of seconds, 0 or more');
		const noApp = await probe({
			items: [{ request: { method: 'GET', path: `/${DEMO.appId}/subscriptions`, auth: 'app' } }],
			credentials: { appSecret: '' },
		});
		expect(noApp.error?.message).toMatch(/^App ID and App Secret: both are required/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('dry run sends nothing and shows the request without secrets', async () => {
		const result = await probe({
			items: [{ request: { method: 'POST', path: `${PHONE}/settings`, body: { calling: { status: 'ENABLED' } } } }],
			parameters: { options: { dryRun: true } },
			credentials: { appSecret: SANDBOX_APP_SECRET },
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(result.items[0].json).toEqual({
			dryRun: true,
			request: { method: 'POST', url: `${sandbox.url}/v26.0/${PHONE}/settings`, body: { calling: { status: 'ENABLED' } } },
		});
		expect(JSON.stringify(result.items)).not.toContain(SANDBOX_TOKEN);
	});
});
