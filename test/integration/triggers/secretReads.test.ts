import axios from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { signBody } from '../../../tools/sandbox/webhooks/sign';
import { verifyTokenFor } from '../../../nodes/shared/webhook/verification';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
import { DEMO } from '../../../tools/sandbox';
import { sandboxCredentials } from '../harness';
import { TriggerHost } from './triggerHost';

/*
 * A burst of deliveries reads the credential (n8n: database + decryption + an expression isolate) once,
 * not once per delivery; forged traffic is refused from the kept secret, so whatever its volume it reads
 * the credential at most once per 10 s (the 10 s rule itself, and a rotated secret picked up after it,
 * are shown on a test clock in test/unit/webhook/secretCache.test.ts).
 */

let host: TriggerHost | undefined;
afterEach(async () => {
	expect(host?.answers.filter((a) => a.status >= 500) ?? []).toEqual([]);
	await host?.stop();
	host = undefined;
});

function delivery(time: number): string {
	return JSON.stringify({
		object: 'whatsapp_business_account',
		entry: [{ id: DEMO.wabaId, time, changes: [{ field: 'account_settings_update', value: { phone_number_settings: { phone_number_id: DEMO.phoneNumberId, calling: { status: 'ENABLED' } } } }] }],
	});
}

/** Posts `body` with the signature of `signed` (by default the body itself) under `secret`. */
async function post(url: string, body: string, secret: string, signed = body): Promise<number> {
	const answer = await axios.post(url, body, {
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(signed, secret) },
		validateStatus: () => true,
	});
	return answer.status;
}

/** The credential data, counting how often the trigger reads its app secret. */
function countingCredentials(data: ICredentialDataDecryptedObject) {
	const reads = { appSecret: 0 };
	const proxy = new Proxy(data, {
		get(target, key) {
			if (key === 'appSecret') reads.appSecret++;
			return target[key as string];
		},
	});
	return { proxy, reads, data };
}

async function startCountingHost(parameters: Record<string, unknown> = {}) {
	const credentials = countingCredentials(sandboxCredentials('http://127.0.0.1:1', { appSecret: DEMO.appSecret }));
	host = await new TriggerHost({
		node: new WhatsAppCallingTrigger(),
		parameters: { events: ['accountSettingsUpdate'], subscription: 'manual', verifyToken: 'typed-token', options: {}, ...parameters } as never,
		credentials: credentials.proxy,
	}).start();
	return { host, credentials };
}

/** Runs `work` 0..count-1, `parallel` at a time. */
async function inParallel<T>(count: number, parallel: number, work: (i: number) => Promise<T>): Promise<T[]> {
	const results: T[] = [];
	let next = 0;
	await Promise.all(Array.from({ length: parallel }, async () => {
		while (next < count) {
			const i = next++;
			results[i] = await work(i);
		}
	}));
	return results;
}

it('reads the app secret once for a burst of deliveries', async () => {
	const { host, credentials } = await startCountingHost();
	expect(await post(host.webhookUrl, delivery(1), DEMO.appSecret)).toBe(200);
	const readsForOne = credentials.reads.appSecret;
	expect(readsForOne).toBeGreaterThan(0);
	for (let i = 2; i <= 10; i++) expect(await post(host.webhookUrl, delivery(i), DEMO.appSecret)).toBe(200);
	expect(credentials.reads.appSecret).toBe(readsForOne);
	expect(host.executions).toHaveLength(10);
});

it('1,000 forged POSTs (10 at a time) are all 401 and read the credential at most once per 10 s (a handful), not once each; signed ones still start runs', async () => {
	const { host, credentials } = await startCountingHost();
	expect(await post(host.webhookUrl, delivery(0), DEMO.appSecret)).toBe(200);
	const readsForOne = credentials.reads.appSecret;
	const started = Date.now();
	const statuses = await inParallel(1000, 10, (i) =>
		i % 2 === 0 ? post(host.webhookUrl, delivery(i), 'not-the-app-secret') : post(host.webhookUrl, delivery(i).replace('ENABLED', 'DISABLED'), DEMO.appSecret, delivery(i)),
	);
	expect(statuses.filter((s) => s !== 401)).toEqual([]);
	const seconds = (Date.now() - started) / 1000;
	const reads = credentials.reads.appSecret / readsForOne - 1;
	process.stdout.write(`credential reads for 1,000 forged POSTs: ${reads} in ${seconds.toFixed(1)} s\n`);
	// The rule is once per 10 s at most (a slow machine may span a few periods), never once per POST.
	expect(reads).toBeLessThanOrEqual(1 + Math.floor(seconds / 10));
	expect(await post(host.webhookUrl, delivery(1001), DEMO.appSecret)).toBe(200);
	expect(host.executions).toHaveLength(2);
});

it('unsigned and malformed POSTs are refused without reading the credential at all', async () => {
	const { host, credentials } = await startCountingHost();
	const headers = [undefined, 'sha1=0123', 'sha256=short', `sha256=${'z'.repeat(64)}`];
	const statuses = await inParallel(200, 10, async (i) => {
		const header = headers[i % headers.length];
		const answer = await axios.post(host.webhookUrl, delivery(i), {
			headers: { 'content-type': 'application/json', ...(header ? { 'x-hub-signature-256': header } : {}) },
			validateStatus: () => true,
		});
		return answer.status;
	});
	expect(statuses.filter((s) => s !== 401)).toEqual([]);
	expect(credentials.reads.appSecret).toBe(0);
	expect(host.executions).toEqual([]);
});

it('verification GETs with a wrong token read the credential at most once per 10 s (automatic subscription: the token comes from the App Secret)', async () => {
	const { host, credentials } = await startCountingHost({ subscription: 'automatic', verifyToken: '', wabaId: DEMO.wabaId });
	const derived = verifyTokenFor({ configured: '', automatic: true, webhookId: host.node.webhookId! }, DEMO.appSecret);
	const ok = await axios.get(host.webhookUrl, { params: { 'hub.mode': 'subscribe', 'hub.verify_token': derived, 'hub.challenge': '42' } });
	expect([ok.status, ok.data]).toEqual([200, 42]);
	const readsForOne = credentials.reads.appSecret;
	expect(readsForOne).toBeGreaterThan(0);
	const started = Date.now();
	const statuses = await inParallel(500, 10, async (i) => {
		const answer = await axios.get(host.webhookUrl, {
			params: { 'hub.mode': 'subscribe', 'hub.verify_token': i % 2 ? host.node.webhookId : `guess-${i}`, 'hub.challenge': 'pwned' },
			validateStatus: () => true,
		});
		return answer.status;
	});
	expect(statuses.filter((s) => s !== 403)).toEqual([]);
	expect(credentials.reads.appSecret / readsForOne - 1).toBeLessThanOrEqual(1 + Math.floor((Date.now() - started) / 10_000));
});

it('a typed verify token answers Meta without reading the credential', async () => {
	const { host, credentials } = await startCountingHost();
	const ok = await axios.get(host.webhookUrl, { params: { 'hub.mode': 'subscribe', 'hub.verify_token': 'typed-token', 'hub.challenge': '42' } });
	expect([ok.status, ok.data]).toEqual([200, 42]);
	expect(credentials.reads.appSecret).toBe(0);
});
