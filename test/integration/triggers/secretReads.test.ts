import axios from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { signBody } from '../../../nodes/shared/webhook/signature';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
import { DEMO } from '../../sandbox';
import { sandboxCredentials } from '../harness';
import { TriggerHost } from './triggerHost';

/*
 * A burst of deliveries reads the credential (n8n: database + decryption + an expression isolate) once,
 * not once per delivery; a secret replaced in n8n takes effect with the next delivery signed with it,
 * and the replaced secret is refused from then on.
 */

let host: TriggerHost | undefined;
afterEach(async () => {
	await host?.stop();
	host = undefined;
});

function delivery(time: number): string {
	return JSON.stringify({
		object: 'whatsapp_business_account',
		entry: [{ id: DEMO.wabaId, time, changes: [{ field: 'account_settings_update', value: { phone_number_settings: { phone_number_id: DEMO.phoneNumberId, calling: { status: 'ENABLED' } } } }] }],
	});
}

async function post(url: string, body: string, secret: string): Promise<number> {
	const answer = await axios.post(url, body, {
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, secret) },
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

it('reads the app secret once for a burst of deliveries, and again only when a signature does not match it', async () => {
	const credentials = countingCredentials(sandboxCredentials('http://127.0.0.1:1', { appSecret: DEMO.appSecret }));
	host = await new TriggerHost({
		node: new WhatsAppCallingTrigger(),
		parameters: { events: ['accountSettingsUpdate'], subscription: 'manual', options: {} } as never,
		credentials: credentials.proxy,
	}).start();
	const url = host.webhookUrl;

	expect(await post(url, delivery(1), DEMO.appSecret)).toBe(200);
	const readsForOne = credentials.reads.appSecret;
	expect(readsForOne).toBeGreaterThan(0);
	for (let i = 2; i <= 10; i++) expect(await post(url, delivery(i), DEMO.appSecret)).toBe(200);
	expect(credentials.reads.appSecret).toBe(readsForOne);

	// The user replaces the secret in n8n: a delivery signed with the new one is accepted at once...
	credentials.data.appSecret = 'rotated-app-secret';
	expect(await post(url, delivery(11), 'rotated-app-secret')).toBe(200);
	expect(credentials.reads.appSecret).toBe(2 * readsForOne);
	// ...and the old one is refused (after one more read, in case the secret changed again).
	expect(await post(url, delivery(12), DEMO.appSecret)).toBe(401);
	expect(credentials.reads.appSecret).toBe(3 * readsForOne);
	expect(host.executions).toHaveLength(11);
	expect(host.executions.every((e) => e.items[0].signatureVerified === true)).toBe(true);
});
