import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { createGraphClient, guarded } from '../../../nodes/shared/transport/graph';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { runNode, sandboxCredentials } from '../harness';

/*
 * The transport runs a request's guard right before the request leaves: a guard that throws stops it with
 * the caller's own error, nothing reaches Meta, and the window slot it held is free again.
 */

class Refused extends Error {}

/** A test-only node: one client with a window of one request, a refused write, then a read. */
class GuardProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Guard Probe',
		name: 'guardProbe',
		group: ['transform'],
		version: 1,
		description: 'test only',
		defaults: { name: 'Guard Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'metaCallingApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const graph = await createGraphClient(this, { concurrency: 1 });
		const ran: string[] = [];
		const refused = new Refused('refused by the caller');
		const path = `/${DEMO.phoneNumberId}/settings`;
		const refusing = guarded(guarded(graph, { beforeSend: () => ran.push('inner') }), {
			beforeSend: () => {
				ran.push('outer');
				throw refused;
			},
		});
		const caught = await refusing.request({ method: 'POST', path, body: { calling: { status: 'ENABLED' } } }).catch((error: unknown) => error);
		// With a window of one, this read waits forever if the refused request kept its slot.
		const passing = guarded(graph, { beforeSend: () => ran.push('passed') });
		const answer = await passing.request<IDataObject>({ method: 'GET', path });
		const json: IDataObject = { ran, sameError: caught === refused, answered: answer !== undefined };
		return [[{ json }]];
	}
}

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());

it('a guard that throws: its own error, nothing sent, the slot free again; a guard that passes: the request leaves', async () => {
	const run = await runNode({ node: new GuardProbe(), parameters: {}, credentials: { metaCallingApi: sandboxCredentials(sandbox.url) } });
	expect(run.error).toBeUndefined();
	expect(run.items[0].json).toEqual({ ran: ['outer', 'passed'], sameError: true, answered: true });
	expect(sandbox.requests.map((request) => request.method)).toEqual(['GET']);
});
