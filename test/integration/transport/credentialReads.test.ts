import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { appSecretProof } from '../../../credentials/MetaCallingApi.credentials';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { runNode, sandboxCredentials, SANDBOX_APP_SECRET, SANDBOX_TOKEN } from '../harness';

/*
 * n8n's server loads and decrypts a credential from its database each time a node asks for it. One node
 * execution must ask once, however many items it sends requests for (see transport/http.ts), and every
 * request must still carry the credential's authentication.
 */

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ bulkPhoneNumbers: 30 });
});

afterAll(async () => await sandbox.close());

/** Credential data by type, counting how often the credentials helper hands out metaCallingApi. */
function countingCredentials(data: ICredentialDataDecryptedObject) {
	const counter = { reads: 0 };
	const byType = new Proxy({ metaCallingApi: data } as Record<string, ICredentialDataDecryptedObject>, {
		get(target, key) {
			if (key === 'metaCallingApi') counter.reads++;
			return target[key as string];
		},
	});
	return { byType, counter };
}

it('reads the credential once per execution for 30 items, and signs every request with it', async () => {
	const ids = Array.from({ length: 30 }, (_, i) => (BigInt(DEMO.bulkPhoneNumberBase) + BigInt(i)).toString());
	const { byType, counter } = countingCredentials(sandboxCredentials(sandbox.url, { appSecret: SANDBOX_APP_SECRET }));
	sandbox.setRequireAppsecretProof(true);

	const result = await runNode({
		node: new WhatsAppCalling(),
		parameters: {
			resource: 'callingSettings',
			operation: 'update',
			phoneNumberId: '={{ $json.id }}',
			updateFields: { callbackPermissionStatus: 'ENABLED' },
		},
		credentials: byType,
		items: ids.map((id) => ({ json: { id } })),
	});

	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(30);
	expect(counter.reads).toBe(1);
	const posts = sandbox.requests.filter((r) => r.method === 'POST');
	expect(posts).toHaveLength(30);
	for (const request of posts) {
		expect(request.headers.authorization).toBe('REDACTED');
		expect(request.query.appsecret_proof).toBe(appSecretProof(SANDBOX_TOKEN, SANDBOX_APP_SECRET));
	}
	for (const id of ids) expect(sandbox.phoneNumber(id).calling.callback_permission_status).toBe('ENABLED');
});
