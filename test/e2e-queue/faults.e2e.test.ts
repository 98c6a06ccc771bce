import { e2eContext, type Execution } from '../e2e/harness/context';
import { dataTableRows } from '../../tools/n8n/dataTables';
import { executionWorkers, type QueueStackInfo } from '../e2e/harness/queueStack';
import { useSnapshotTable } from './snapshotTable';
import { findWorker, killWorker, restartWorker } from './workerKill';

/**
 * Issue 19, item 6, queue-mode part: a worker killed (`kill -9`, its whole process group) while one of our
 * writes is in flight. The sandbox holds the write's answer (a latency fault) so that the kill lands exactly
 * there; the test then starts the worker again (the deployment keeps two) and runs the workflow as its next
 * scheduled run would. n8n 2.40.7 does not run a killed worker's execution again (Bull's maxStalledCount is 0
 * in its scaling service): the next run has to converge from whatever the dead one left.
 *   - Sync From Calendar (WhatsApp), killed before Meta applied its write -> the next run writes the calendar;
 *     the dead run's write, landing late, changes nothing.
 *   - Sync Closure (Messenger, open state from the node's parameters), killed between its two writes (icon
 *     hidden, hours still open) -> the next run finishes the close; after the closure it reopens exactly.
 *   - Close Calling killed before the Data table Upsert (the Page closed, no snapshot kept) -> Restore from the
 *     table alone fails and says why; Restore with the Page's normal settings as the fallback reopens it exactly.
 * Workflows: test/e2e/workflows/calendar-sync.json, test/e2e-queue/workflows/sync-closure-parameters.json,
 * close-keep.json, restore-keep.json, restore-fallback.json.
 */

const e2e = e2eContext();
const info = e2e as unknown as QueueStackInfo;
const PAGE = '4000000000000001';
const PHONE = '3000000000000001';
const PAGE_SETTINGS = `/${PAGE}/messenger_call_settings`;
const PHONE_SETTINGS = `/${PHONE}/settings`;
const CALENDAR_SYNC = { workflowId: 'e2eCalendarSync1', path: 'e2e-calendar-sync' };
const SYNC_CLOSURE = { workflowId: 'e2eQueueSyncPar1', path: 'e2e-queue-sync-closure-parameters' };
const CLOSE = { workflowId: 'e2eQueueCloseKp1', path: 'e2e-queue-close-keep' };
const RESTORE = { workflowId: 'e2eQueueRestKp01', path: 'e2e-queue-restore-keep' };
const RESTORE_FALLBACK = { workflowId: 'e2eQueueRestFb01', path: 'e2e-queue-restore-fallback' };
/** The answer of the write the kill interrupts: far longer than the test needs to kill the worker. */
const HELD_MS = 120000;

type Workflow = { workflowId: string; path: string };

function print(line: string): void {
	process.stdout.write(`\n[queue mode, faults] ${line}\n`);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

async function pageSettings(): Promise<Record<string, unknown>> {
	const { state } = await e2e.sandbox('GET', 'state');
	const { icon_enabled, audio_enabled, video_enabled, call_routing, call_hours } = state.pages[PAGE];
	return { icon_enabled, audio_enabled, video_enabled, call_routing, call_hours: call_hours ?? null };
}

async function storedHolidays(): Promise<string[]> {
	const { state } = await e2e.sandbox('GET', 'state');
	return (state.phoneNumbers[PHONE].calling.call_hours.holiday_schedule ?? []).map((h: { date: string }) => h.date);
}

async function writesTo(path: string): Promise<number> {
	return (await e2e.sandbox<Array<{ method: string; path: string }>>('GET', 'requests')).filter((r) => r.method === 'POST' && r.path === path).length;
}

/** Runs the workflow to its end (the next scheduled run, in the test's hands). */
async function runToEnd(workflow: Workflow, body: Record<string, unknown>): Promise<Execution> {
	const before = new Set((await e2e.executions({ workflowId: workflow.workflowId, limit: 250 })).map((e) => e.id));
	await e2e.callWebhook(workflow.path, body);
	return await e2e.waitForExecution(
		{ workflowId: workflow.workflowId, includeData: true },
		(e) => !before.has(e.id) && (e.status === 'success' || e.status === 'error'),
		60000,
	);
}

/**
 * Starts the workflow, holds its first write to `writePath` for `heldMs` (applied first, or, with
 * applied = false, held before Meta applies it) and kills the worker running it while it waits. The worker
 * starts again in the background (`restarted`); the other worker takes the next runs meanwhile.
 */
async function killDuringWrite(workflow: Workflow, body: Record<string, unknown>, writePath: string, fault: { applied: boolean; heldMs: number }) {
	const before = new Set((await e2e.executions({ workflowId: workflow.workflowId, limit: 250 })).map((e) => e.id));
	const writesBefore = await writesTo(writePath);
	await e2e.sandbox('POST', 'faults', { kind: 'latency', method: 'POST', path: writePath, latencyMs: fault.heldMs, processed: fault.applied });
	// The webhook's caller gets no answer from a dead worker's execution: it is not awaited.
	void e2e.callWebhook(workflow.path, body).catch(() => undefined);
	await until('the write reaches Meta', async () => ((await writesTo(writePath)) > writesBefore ? true : undefined));
	const heldUntil = Date.now() + fault.heldMs;
	const execution = await until('the execution is listed', async () =>
		(await e2e.executions({ workflowId: workflow.workflowId, limit: 250 })).find((e) => !before.has(e.id)),
	);
	const workerName = await until('the worker that runs it', async () => executionWorkers(info).get(execution.id));
	const worker = info.processes.find((p) => p.name === workerName)!;
	const proc = findWorker(worker);
	await killWorker(proc);
	await e2e.sandbox('DELETE', 'faults');
	print(`execution ${execution.id} of ${workflow.workflowId}: ${workerName} (pid ${proc.pid}) killed with SIGKILL while Meta held its write ` +
		`(${fault.applied ? 'applied, answer held' : 'not applied yet'})`);
	const restarted = restartWorker(proc, worker);
	restarted.catch(() => undefined); // awaited by the test; not an unhandled rejection meanwhile
	return { executionId: execution.id, worker: workerName, heldUntil, restarted };
}

async function executionStatus(id: string): Promise<string> {
	const found = (await e2e.executions({ limit: 250 })).find((e) => e.id === id);
	return found?.status ?? '(not listed)';
}

/** Today in the demo Page's timezone, as YYYY-MM-DD. */
const todayInLosAngeles = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());

describe('queue mode: a worker killed in the middle of a write', () => {
	const table = useSnapshotTable(e2e);

	it('Sync From Calendar killed before Meta applied its write: the next run writes the calendar, the late write changes nothing', async () => {
		const source = { calendarSource: 'publicHolidays', countryCode: 'DE', baseUrl: e2e.sandboxUrl };
		expect((await runToEnd(CALENDAR_SYNC, source)).status).toBe('success');
		const calendar = await storedHolidays();
		expect(calendar.length).toBeGreaterThan(5);
		await e2e.sandbox('POST', 'reset', {});

		const killed = await killDuringWrite(CALENDAR_SYNC, source, PHONE_SETTINGS, { applied: false, heldMs: 45000 });
		const leftByTheKill = await storedHolidays();
		const next = await runToEnd(CALENDAR_SYNC, source);
		const afterNext = await storedHolidays();
		// The dead worker's write was already sent: it lands when the sandbox lets it go (a stuck proxy would do the same).
		await killed.restarted;
		await new Promise((r) => setTimeout(r, Math.max(0, killed.heldUntil - Date.now()) + 1000));
		const afterLateWrite = await storedHolidays();
		print(`Sync From Calendar: left by the kill ${leftByTheKill.length} holidays; next run ${next.status}: ${afterNext.length}; ` +
			`after the dead run's write landed: ${afterLateWrite.length} (calendar: ${calendar.length}); killed execution ${await executionStatus(killed.executionId)}`);

		expect(leftByTheKill).toEqual([]);
		expect(next.status).toBe('success');
		expect(afterNext).toEqual(calendar);
		expect(afterLateWrite).toEqual(calendar);
	});

	it('Sync Closure (open state from parameters) killed between its two writes: the next run finishes the close, the one after the closure reopens exactly', async () => {
		const open = await pageSettings();
		const closures = { pageId: PAGE, closures: [todayInLosAngeles()] };
		const killed = await killDuringWrite(SYNC_CLOSURE, closures, PAGE_SETTINGS, { applied: true, heldMs: HELD_MS });
		const half = await pageSettings();
		const closing = await runToEnd(SYNC_CLOSURE, closures);
		const closed = await pageSettings();
		const reopening = await runToEnd(SYNC_CLOSURE, { pageId: PAGE, closures: [] });
		const reopened = await pageSettings();
		await killed.restarted;
		print(`Sync Closure: left by the kill icon ${String(half.icon_enabled)}, hours ${JSON.stringify(half.call_hours)}; ` +
			`next run ${closing.status} (${JSON.stringify(runOutput(closing, 'Sync Closure')?.changed)}); after the closure ${reopening.status}, ` +
			`reopened exactly: ${JSON.stringify(reopened) === JSON.stringify(open) ? 'yes' : 'no'}; killed execution ${await executionStatus(killed.executionId)}`);

		expect(half).toMatchObject({ icon_enabled: false, call_hours: open.call_hours });
		expect(closing.status).toBe('success');
		expect(closed).toMatchObject({ icon_enabled: false, call_hours: { weekly_operating_hours: [] } });
		expect(reopening.status).toBe('success');
		expect(reopened).toEqual(open);
	});

	it('Close Calling killed before the Data table Upsert: Restore from the table alone fails; Restore with the normal settings as fallback reopens exactly', async () => {
		const open = await pageSettings();
		const killed = await killDuringWrite(CLOSE, { pageId: PAGE }, PAGE_SETTINGS, { applied: true, heldMs: HELD_MS });
		const left = await pageSettings();
		const rows = await dataTableRows(e2e.rest, table());
		const fromTable = await runToEnd(RESTORE, { pageId: PAGE });
		const withFallback = await runToEnd(RESTORE_FALLBACK, { pageId: PAGE });
		const after = await pageSettings();
		await killed.restarted;
		print(`Close Calling: left by the kill icon ${String(left.icon_enabled)}, rows kept ${rows.length}; Restore from the table ${fromTable.status} ` +
			`(${fromTable.data?.resultData?.error?.message ?? ''}); Restore with fallback ${withFallback.status}, reopened exactly: ` +
			`${JSON.stringify(after) === JSON.stringify(open) ? 'yes' : 'no'}; killed execution ${await executionStatus(killed.executionId)}`);

		expect(left.icon_enabled).toBe(false);
		expect(rows).toEqual([]);
		expect(fromTable.status).toBe('error');
		expect(withFallback.status).toBe('success');
		expect(after).toEqual(open);
	});
});

function runOutput(execution: Execution, node: string): Record<string, unknown> | undefined {
	return execution.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0]?.[0]?.json;
}
