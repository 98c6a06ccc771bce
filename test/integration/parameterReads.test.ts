/*
 * Every item's parameters are read once per run: what the check before the first request read (the
 * operation's `validate`) is what the item then sends. Reading them again cost a second evaluation of every
 * expression (`{{ $json.phoneNumberId }}`), and n8n 2.x evaluates each one in an isolate: with 1,000 items
 * that was about a third of the node's CPU (docs/benchmarks.md, scenario 1). The spy sits on n8n-core's own
 * parameter reader, the one every node context's getNodeParameter calls.
 */
import { NodeExecutionContext } from 'n8n-core/dist/execution-engine/node-execution-context/node-execution-context';
import type { INodeParameters } from 'n8n-workflow';

import { MessengerCalling } from '../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { DEMO, startSandbox, type Sandbox } from '../../tools/sandbox';
import { runNode, sandboxCredentials } from './harness';

let sandbox: Sandbox;
let reader: jest.SpyInstance;

beforeAll(async () => {
	sandbox = await startSandbox({ webhookRetryDelaysMs: [] });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	reader = jest.spyOn(NodeExecutionContext.prototype as unknown as { _getNodeParameter: () => unknown }, '_getNodeParameter');
});
afterEach(() => reader.mockRestore());

/** How often each parameter was read for each item: "name@item" -> count. */
function readsPerItem(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const [name, itemIndex] of reader.mock.calls as Array<[string, number]>) {
		const key = `${name}@${itemIndex}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

const ITEMS = 3;
const credentials = () => ({ metaCallingApi: sandboxCredentials(sandbox.url) });

function tomorrow(): string {
	return new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
}

const cases: Array<{ name: string; node: () => WhatsAppCalling | MessengerCalling; idField: string; id: string; parameters: INodeParameters }> = [
	{
		name: 'WhatsApp Calling Settings → Update',
		node: () => new WhatsAppCalling(),
		idField: 'phoneNumberId',
		id: DEMO.phoneNumberId,
		parameters: { resource: 'callingSettings', operation: 'update', updateFields: { callbackPermissionStatus: 'ENABLED' } },
	},
	{
		name: 'WhatsApp Holiday Schedule → Add',
		node: () => new WhatsAppCalling(),
		idField: 'phoneNumberId',
		id: DEMO.phoneNumberId,
		parameters: {
			resource: 'holidaySchedule',
			operation: 'add',
			holidays: { holiday: [{ date: tomorrow(), startTime: '0000', endTime: '2359' }] },
			options: { verifyWrites: false },
		},
	},
	{
		name: 'Messenger Call Settings → Set Icon Visibility',
		node: () => new MessengerCalling(),
		idField: 'pageId',
		id: DEMO.pageId,
		parameters: { resource: 'callSettings', operation: 'setIconVisibility', iconEnabled: false },
	},
];

it.each(cases)('$name: the ID expression and the fields of each item are read once, not again when the item runs', async ({ node, idField, id, parameters }) => {
	const run = await runNode({
		node: node(),
		credentials: credentials(),
		items: Array.from({ length: ITEMS }, () => ({ json: { accountId: id } })),
		parameters: { ...parameters, [idField]: '={{ $json.accountId }}' },
	});
	expect(run.error?.message).toBeUndefined();
	expect(run.items).toHaveLength(ITEMS);

	const counts = readsPerItem();
	const perItem = (name: string) => Array.from({ length: ITEMS }, (_, i) => counts.get(`${name}@${i}`) ?? 0);
	expect(perItem(idField)).toEqual([1, 1, 1]);
	for (const field of Object.keys(parameters).filter((name) => !['resource', 'operation', 'options'].includes(name))) {
		expect({ field, reads: perItem(field) }).toEqual({ field, reads: [1, 1, 1] });
	}
});
