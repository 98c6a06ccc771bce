import { loadavg } from 'os';

import type { E2eContext, Execution } from './context';

/**
 * The concurrency tests both e2e tiers run (issue 10): executions that each add one holiday to a number,
 * started all at once through production webhooks (workflow test/e2e/workflows/concurrency-holiday-add.json).
 * Every holiday must end up stored at the sandbox ("Meta"), however the executions interleave: in one
 * regular-mode n8n (test/e2e/concurrency.e2e.test.ts) and on queue mode's two workers
 * (test/e2e-queue/concurrency.e2e.test.ts), which pass `whoRan` to show which worker ran which execution.
 *
 * The figures are printed before they are asserted, so a failing run still says how many were stored.
 */

const HOLIDAY_ADD_WORKFLOW = 'e2eHolidayAdd001';
const HOLIDAY_ADD_PATH = 'e2e-concurrent-holiday-add';
const ONE_NUMBER = '3000000000000001';
/** The sandbox's bulk numbers: 3100000000000000, +1, ... (tools/sandbox/seed.ts). */
const bulkNumber = (i: number) => (BigInt('3100000000000000') + BigInt(i)).toString();

export interface ConcurrencyTier {
	/** For test names and printed lines: "regular mode", "queue mode". */
	label: string;
	e2e: E2eContext;
	/** Execution id -> who ran it (queue mode: the worker); absent where one process runs everything. */
	whoRan?: () => Map<string, string>;
	/** How many different runners the 20 executions must have spread over (queue mode: both workers). */
	minimumRunners?: number;
}

/** `count` different future dates (YYYY-MM-DD), one day apart from 2031-01-06. */
function futureDates(count: number): string[] {
	const first = Date.UTC(2031, 0, 6);
	return Array.from({ length: count }, (_, i) => new Date(first + i * 86400000).toISOString().slice(0, 10));
}

async function storedHolidayDates(e2e: E2eContext, phoneNumberId: string): Promise<string[]> {
	const { state } = await e2e.sandbox('GET', 'state');
	const schedule: Array<{ date: string }> = state.phoneNumbers[phoneNumberId]?.calling?.call_hours?.holiday_schedule ?? [];
	return schedule.map((h) => h.date).sort();
}

async function executionIds(e2e: E2eContext): Promise<Set<string>> {
	return new Set((await e2e.executions({ workflowId: HOLIDAY_ADD_WORKFLOW, limit: 250 })).map((e) => e.id));
}

/** Starts one execution per [number, date] at the same moment; resolves with the HTTP statuses and the wall time. */
async function addAllAtOnce(e2e: E2eContext, additions: Array<[string, string]>): Promise<{ statuses: number[]; wallMs: number }> {
	const started = Date.now();
	const answers = await Promise.all(
		additions.map(([phoneNumberId, date]) => e2e.callWebhook(HOLIDAY_ADD_PATH, { phoneNumberId, date }, { waitMs: 60000 })),
	);
	return { statuses: answers.map((a) => a.status), wallMs: Date.now() - started };
}

function countBy(values: string[]): Record<string, number> {
	return values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {});
}

/** The new executions of the run, oldest first, with who ran each one. */
async function newExecutions(tier: ConcurrencyTier, before: Set<string>): Promise<Array<Execution & { runner: string }>> {
	const runners = tier.whoRan?.() ?? new Map<string, string>();
	const fresh = (await tier.e2e.executions({ workflowId: HOLIDAY_ADD_WORKFLOW, limit: 250 })).filter((e) => !before.has(e.id));
	return fresh.reverse().map((e) => ({ ...e, runner: runners.get(e.id) ?? (tier.whoRan ? '?' : 'n8n') }));
}

/**
 * The most numbers with Graph traffic around one moment, from the sandbox's request log: for each request,
 * how many numbers had a request within `windowMs` of it. With the sandbox answering after `windowMs`, a
 * read-modify-write spans at least that, so numbers that took turns behind one another would give 1 or 2.
 */
async function peakNumbersInFlight(e2e: E2eContext, numbers: string[], windowMs: number): Promise<number> {
	const requests = await e2e.sandbox<Array<{ path: string; at: number }>>('GET', 'requests');
	const tagged = requests
		.map((r) => ({ at: r.at, number: numbers.find((n) => r.path.startsWith(`/${n}/`)) }))
		.filter((r): r is { at: number; number: string } => r.number !== undefined);
	return Math.max(0, ...tagged.map((r) => new Set(tagged.filter((o) => Math.abs(o.at - r.at) <= windowMs).map((o) => o.number)).size));
}

function print(tier: ConcurrencyTier, line: string): void {
	process.stdout.write(`\n[${tier.label}] n8n ${tier.e2e.n8nVersion}: ${line} (load average ${loadavg()[0].toFixed(1)})\n`);
}

export function defineConcurrencyTests(tier: ConcurrencyTier): void {
	const { e2e } = tier;

	describe(`${tier.label}: concurrent executions on one account lose nothing`, () => {
		beforeEach(() => e2e.sandbox('POST', 'reset', { bulkPhoneNumbers: 10 }));

		it('20 concurrent executions, each adding a different future holiday to one number -> all 20 stored', async () => {
			const dates = futureDates(20);
			const before = await executionIds(e2e);
			const { statuses, wallMs } = await addAllAtOnce(e2e, dates.map((d) => [ONE_NUMBER, d]));
			const stored = await storedHolidayDates(e2e, ONE_NUMBER);
			const executions = await newExecutions(tier, before);

			const table = executions.map((e) => `  execution ${e.id.padStart(5)}  ${e.status.padEnd(8)} ran on ${e.runner}`).join('\n');
			print(
				tier,
				`20 concurrent holiday adds on one number: ${stored.filter((d) => dates.includes(d)).length} of 20 stored, ` +
					`HTTP ${JSON.stringify(countBy(statuses.map(String)))}, executions by status ${JSON.stringify(countBy(executions.map((e) => e.status)))}, ` +
					`by runner ${JSON.stringify(countBy(executions.map((e) => e.runner)))}, ${(wallMs / 1000).toFixed(1)} s\n${table}`,
			);

			expect(statuses.filter((s) => s !== 200)).toEqual([]);
			expect(executions.filter((e) => e.status !== 'success').map((e) => e.id)).toEqual([]);
			expect(executions).toHaveLength(20);
			if (tier.minimumRunners) expect(new Set(executions.map((e) => e.runner)).size).toBeGreaterThanOrEqual(tier.minimumRunners);
			expect(stored).toEqual(dates);
		}, 300000);

		it('100 concurrent executions over 10 numbers -> every holiday stored, and the numbers do not wait for each other', async () => {
			const dates = futureDates(10);
			const numbers = Array.from({ length: 10 }, (_, i) => bulkNumber(i));
			// "Meta" answers after 200 ms, so time goes to waiting for it, as in real life, more than to n8n's CPU.
			const latencyMs = 200;
			let single: { statuses: number[]; wallMs: number };
			let all: { statuses: number[]; wallMs: number };
			let singleStored: string[];
			let storedPerNumber: string[][];
			let inFlight: number;
			await e2e.sandbox('POST', 'config', { latencyMs });
			try {
				// One number's 10 executions first: the yardstick.
				single = await addAllAtOnce(e2e, dates.map((d) => [bulkNumber(0), d]));
				singleStored = await storedHolidayDates(e2e, bulkNumber(0));
				// (A reset also resets the config: the latency is set again.)
				await e2e.sandbox('POST', 'reset', { bulkPhoneNumbers: 10 });
				await e2e.sandbox('POST', 'config', { latencyMs });
				// Interleaved (every number's first date, then every number's second...), as independent callers would send them.
				all = await addAllAtOnce(e2e, dates.flatMap((d) => numbers.map((n): [string, string] => [n, d])));
				storedPerNumber = await Promise.all(numbers.map((n) => storedHolidayDates(e2e, n)));
				inFlight = await peakNumbersInFlight(e2e, numbers, latencyMs);
			} finally {
				await e2e.sandbox('POST', 'config', { latencyMs: 0 });
			}
			const storedCount = storedPerNumber.reduce((sum, s) => sum + s.filter((d) => dates.includes(d)).length, 0);
			const ratio = all.wallMs / single.wallMs;
			print(
				tier,
				`one number, 10 concurrent adds: ${singleStored.length} of 10 stored in ${(single.wallMs / 1000).toFixed(1)} s; ` +
					`10 numbers x 10 concurrent adds: ${storedCount} of 100 stored (per number ${storedPerNumber.map((s) => s.length).join(',')}) ` +
					`in ${(all.wallMs / 1000).toFixed(1)} s = ${ratio.toFixed(1)}x one number's time; ` +
					`up to ${inFlight} of 10 numbers had requests at the sandbox within ${latencyMs} ms of each other (numbers served one after the other: 1-2)`,
			);

			expect(single.statuses.filter((s) => s !== 200)).toEqual([]);
			expect(all.statuses.filter((s) => s !== 200)).toEqual([]);
			expect(singleStored).toEqual(dates);
			expect(storedPerNumber).toEqual(numbers.map(() => dates));
			// Not waiting for each other, seen at "Meta" (most numbers busy at the same moments) and in the wall
			// time. Numbers served one after the other would take >= 10x one number's time; 5x leaves room for
			// n8n's own CPU cost of 100 executions on 2 shared cores (without any serialization it alone gives ~7x).
			expect(inFlight).toBeGreaterThanOrEqual(5);
			expect(ratio).toBeLessThan(5);
		}, 600000);
	});
}
