import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';

import { appSecretProof } from '../../../credentials/MetaCallingApi.credentials';
import { runNode, sandboxCredentials } from '../harness';
import { ProbeNode } from './probe';

describe('integration harness', () => {
	let server: Server;
	let url: string;
	const seen: IncomingMessage[] = [];

	beforeAll(async () => {
		server = createServer((req, res) => {
			seen.push(req);
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ id: '1', name: 'me', auth: req.headers.authorization ?? null }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => await new Promise((resolve) => server.close(resolve)));

	it('runs a node through WorkflowExecute with expressions, credentials and paired items', async () => {
		const result = await runNode({
			node: new ProbeNode(),
			parameters: { label: '={{ $json.name }}!' },
			credentials: { metaCallingApi: sandboxCredentials(url, { appSecret: 'shh' }) },
			items: [{ json: { name: 'a' } }, { json: { name: 'b' } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.label)).toEqual(['a!', 'b!']);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.items[0].json.answer).toMatchObject({ auth: 'Bearer sandbox-access-token' });
		expect(seen[0].url).toBe(`/v26.0/me?appsecret_proof=${appSecretProof('sandbox-access-token', 'shh')}`);
	});
});
