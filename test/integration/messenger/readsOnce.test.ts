/*
 * Messenger's writes read their item's parameters once, the `options` collection included: each
 * operation's validate reads them (readOptions for Dry Run and Check for Concurrent Writes) and hands
 * them to execute, which reads none. Close and Restore used to read `options` three times per item
 * (validate, then dry run and the write check again while writing). The spy sits on n8n-core's own
 * parameter reader, as in test/integration/parameterReads.test.ts.
 */
import { NodeExecutionContext } from 'n8n-core/dist/execution-engine/node-execution-context/node-execution-context';
import type { INodeParameters } from 'n8n-workflow';

import { DEMO, runMessenger, useSandbox } from './setup';

const sandbox = useSandbox();
let reader: jest.SpyInstance;

beforeEach(() => {
	reader = jest.spyOn(NodeExecutionContext.prototype as unknown as { _getNodeParameter: () => unknown }, '_getNodeParameter');
});
afterEach(() => reader.mockRestore());

const ITEMS = 3;

/** Reads of `name` for each item. */
function readsOf(name: string): number[] {
	const calls = reader.mock.calls as Array<[string, number]>;
	return Array.from({ length: ITEMS }, (_, item) => calls.filter(([read, index]) => read === name && index === item).length);
}

const cases: Array<{ name: string; parameters: INodeParameters; fields: string[] }> = [
	{
		name: 'Close Calling',
		parameters: { resource: 'callSettings', operation: 'closeCalling', closeMode: 'hideIcon', options: { verifyWrites: false } },
		fields: ['closeMode', 'keptSnapshot'],
	},
	{
		name: 'Restore Calling (dry run)',
		parameters: {
			resource: 'callSettings',
			operation: 'restoreCalling',
			snapshot: JSON.stringify({ pageId: DEMO.pageId, takenAt: '2026-01-01T00:00:00.000Z', settings: { icon_enabled: true } }),
			options: { dryRun: true },
		},
		fields: ['snapshot'],
	},
	{
		name: 'Set Icon Visibility',
		parameters: { resource: 'callSettings', operation: 'setIconVisibility', iconEnabled: false },
		fields: ['iconEnabled'],
	},
];

it.each(cases)('$name: options and every field are read once per item', async ({ parameters, fields }) => {
	const run = await runMessenger(sandbox.current, { ...parameters, pageId: '={{ $json.pageId }}' }, {
		items: Array.from({ length: ITEMS }, () => ({ json: { pageId: DEMO.pageId } })),
	});
	expect(run.error?.message).toBeUndefined();
	expect(run.items).toHaveLength(ITEMS);
	for (const field of ['pageId', 'options', ...fields]) {
		expect({ field, reads: readsOf(field) }).toEqual({ field, reads: [1, 1, 1] });
	}
});
