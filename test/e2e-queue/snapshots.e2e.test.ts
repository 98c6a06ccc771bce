import { e2eContext, type Execution } from '../e2e/harness/context';
import { dataTableRows } from '../../tools/n8n/dataTables';
import { executionWorkers, type QueueStackInfo } from '../e2e/harness/queueStack';
import { useSnapshotTable } from './snapshotTable';

/**
 * Example 2's pattern in queue mode (issue 10): Close Calling keeps its snapshot in n8n's own data table
 * (Data table Get -> Close Calling with keptSnapshot -> Data table Upsert), and a later execution, on
 * whichever worker, restores from it (Data table Get -> Restore Calling -> Data table Delete). Workflow
 * static data cannot carry it: workers start every execution without it.
 * Workflows: test/e2e-queue/workflows/close-keep.json and restore-keep.json.
 */

const e2e = e2eContext();
const PAGE = '4000000000000001';
const CLOSE = { workflowId: 'e2eQueueCloseKp1', path: 'e2e-queue-close-keep' };
const RESTORE = { workflowId: 'e2eQueueRestKp01', path: 'e2e-queue-restore-keep' };

const table = useSnapshotTable(e2e);

/** The Page's calling settings as "Meta" stores them. */
async function pageSettings(): Promise<Record<string, unknown>> {
	const { state } = await e2e.sandbox('GET', 'state');
	const { icon_enabled, audio_enabled, video_enabled, call_routing, call_hours } = state.pages[PAGE];
	return { icon_enabled, audio_enabled, video_enabled, call_routing, call_hours: call_hours ?? null };
}

interface Run {
	status: number;
	execution: Execution;
	worker: string;
}

/** Calls a workflow's webhook and returns the execution it made (with data) and the worker that ran it. */
async function run(workflow: { workflowId: string; path: string }): Promise<Run> {
	const before = new Set((await e2e.executions({ workflowId: workflow.workflowId, limit: 250 })).map((e) => e.id));
	const answer = await e2e.callWebhook(workflow.path, { pageId: PAGE });
	const execution = await e2e.waitForExecution(
		{ workflowId: workflow.workflowId, includeData: true },
		(e) => !before.has(e.id) && (e.status === 'success' || e.status === 'error'),
	);
	const worker = executionWorkers(e2e as unknown as QueueStackInfo).get(execution.id) ?? '?';
	return { status: answer.status, execution, worker };
}

function describeRun(what: string, r: Run): string {
	return `  ${what.padEnd(8)} execution ${r.execution.id.padStart(5)} on ${r.worker}: HTTP ${r.status}, ${r.execution.status}` +
		(r.execution.data?.resultData?.error ? ` (${r.execution.data.resultData.error.message})` : '');
}

function print(line: string): void {
	process.stdout.write(`\n[queue mode] n8n ${e2e.n8nVersion}: ${line}\n`);
}

describe('queue mode: Close -> Restore across executions, the snapshot kept in a data table', () => {
	it('Close on one worker, Restore in a later execution on the other worker -> the Page is exactly as before', async () => {
		const before = await pageSettings();
		const lines: string[] = [];
		let crossed = false;
		const outcomes: Array<{ exact: boolean; closeWorker: string; restoreWorker: string }> = [];
		// Which worker takes a job is Redis's choice, and two jobs in a row often go to the same worker: repeat
		// the cycle (each from an open Page) until one crossed, every other cycle with a second Close between
		// (it keeps the first snapshot), which moves the Restore one job further along.
		for (let cycle = 1; cycle <= 6 && !crossed; cycle++) {
			const close = await run(CLOSE);
			lines.push(describeRun(`close ${cycle}`, close));
			if (cycle % 2 === 0) lines.push(describeRun(`close ${cycle} again`, await run(CLOSE)));
			const closed = await pageSettings();
			const kept = await dataTableRows(e2e.rest, table());
			const restore = await run(RESTORE);
			lines.push(describeRun(`restore ${cycle}`, restore));
			const after = await pageSettings();
			const left = await dataTableRows(e2e.rest, table());
			lines.push(`  after cycle ${cycle}: closed ${closed.icon_enabled === false ? 'yes' : 'no'}, rows kept ${kept.length}, ` +
				`restored exactly ${JSON.stringify(after) === JSON.stringify(before) ? 'yes' : 'no'}, rows left ${left.length}`);
			outcomes.push({ exact: JSON.stringify(after) === JSON.stringify(before), closeWorker: close.worker, restoreWorker: restore.worker });
			crossed = close.worker !== restore.worker && close.worker !== '?' && restore.worker !== '?';
			if (restore.execution.status !== 'success') break;
		}
		print(`Close -> Restore through the data table:\n${lines.join('\n')}`);

		expect(outcomes.map((o) => o.exact)).toEqual(outcomes.map(() => true));
		expect(crossed).toBe(true);
		expect(await pageSettings()).toEqual(before);
		expect(await dataTableRows(e2e.rest, table())).toEqual([]);
	});

	it('Close twice, then Restore -> the Page is exactly as before the first Close', async () => {
		const before = await pageSettings();
		const first = await run(CLOSE);
		const second = await run(CLOSE);
		const kept = await dataTableRows(e2e.rest, table());
		const restore = await run(RESTORE);
		const after = await pageSettings();
		print(`Close, Close, Restore:\n${[describeRun('close 1', first), describeRun('close 2', second), describeRun('restore', restore)].join('\n')}\n` +
			`  rows kept after two closes ${kept.length}; restored exactly ${JSON.stringify(after) === JSON.stringify(before) ? 'yes' : 'no'}`);

		expect([first.execution.status, second.execution.status, restore.execution.status]).toEqual(['success', 'success', 'success']);
		expect(kept).toHaveLength(1);
		expect(after).toEqual(before);
	});

	it('a Restore that Meta refuses keeps the row; the next Restore, once Meta accepts, is exact and removes it', async () => {
		const before = await pageSettings();
		const close = await run(CLOSE);
		// Meta refuses every settings write (a non-transient error: not retried) until the fault is cleared.
		await e2e.sandbox('POST', 'faults', {
			kind: 'error',
			method: 'POST',
			path: `/${PAGE}/messenger_call_settings`,
			times: 20,
			error: { code: 100, message: 'Invalid parameter' },
		});
		const refused = await run(RESTORE);
		const keptAfterRefusal = await dataTableRows(e2e.rest, table());
		await e2e.sandbox('DELETE', 'faults');
		const accepted = await run(RESTORE);
		const after = await pageSettings();
		print(`Close, Restore refused by Meta, Restore:
${[describeRun('close', close), describeRun('refused', refused), describeRun('restore', accepted)].join('\n')}\n` +
			`  rows kept after the refused restore ${keptAfterRefusal.length}; restored exactly ${JSON.stringify(after) === JSON.stringify(before) ? 'yes' : 'no'}`);

		expect(refused.execution.status).toBe('error');
		expect(keptAfterRefusal).toHaveLength(1);
		expect(accepted.execution.status).toBe('success');
		expect(after).toEqual(before);
		expect(await dataTableRows(e2e.rest, table())).toEqual([]);
	});

	it('Restore without a kept snapshot fails and says why (queue mode, keep it in a Data table)', async () => {
		const before = await pageSettings();
		const restore = await run(RESTORE);
		const message: string = restore.execution.data?.resultData?.error?.message ?? '';
		const description: string = restore.execution.data?.resultData?.error?.description ?? '';
		print(`Restore with nothing kept:\n${describeRun('restore', restore)}`);

		expect(restore.execution.status).toBe('error');
		expect(`${message} ${description}`).toMatch(/queue mode/i);
		expect(`${message} ${description}`).toMatch(/data table/i);
		expect(await pageSettings()).toEqual(before);
	});
});
