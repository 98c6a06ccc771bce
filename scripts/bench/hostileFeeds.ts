import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { REPO_ROOT } from '../../tools/n8n/lines';
import { sampleTree, treeRssMb } from '../../tools/n8n/processTree';
import type { RunningStack } from '../../tools/n8n/stack';
import { runWebhook, benchSandboxControl } from './client';
import { BENCH_DIR, log, restartBenchN8n } from './stack';
import type { BenchWorkflow } from './workflows';

/*
 * Scenario 7 (issue 18): hostile and large calendar feeds through Sync From Calendar (WhatsApp) and Sync
 * Closure (Messenger) in real n8n. The bench builds the corpus itself: every input of the issue's table,
 * plus the worst 2 MB feed we could write within the fetch limits. Per input and node: wall time, CPU of
 * the n8n process tree, peak RSS growth, and the longest event-loop stall seen from outside (GET /healthz
 * every 10 ms; the longest wait for an answer). A run that passes the per-input timeout is "did not
 * finish", and n8n is restarted (its event loop may stay blocked for minutes).
 */

export const FEEDS_SCENARIO = 7;
export const FEEDS_TITLE = 'hostile and large feeds';
const FEED_TARGETS = { cpuSeconds: 2, stallMs: 100, rssGrowthMb: 100 };
const DEFAULT_TIMEOUT_S = 60;
const FEED_NAME = 'bench-hostile';
const MAX_FEED_BYTES = 2 * 1024 * 1024;
/** The committed before column (main's code before issue 18's fixes), read by every later run. */
const BEFORE_FILE = join(REPO_ROOT, 'scripts', 'bench', 'feedsBefore.json');

export interface FeedInput {
	name: string;
	kind: 'ical' | 'json';
	text: string;
}

export interface FeedRun {
	input: string;
	node: 'WhatsApp sync' | 'Messenger syncClosure';
	bytes: number;
	finished: boolean;
	/** What the node answered: ok, or the start of its error. */
	outcome: string;
	wallSeconds: number;
	cpuSeconds: number;
	peakRssGrowthMb: number;
	longestStallMs: number;
}

const calendar = (events: string[]) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//hostile//EN\r\n${events.join('')}END:VCALENDAR\r\n`;
const vevent = (...lines: string[]) => `BEGIN:VEVENT\r\n${lines.map((line) => `${line}\r\n`).join('')}END:VEVENT\r\n`;
const compact = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');

/** As many copies of `event(i)` as fit in 2 MB. */
function fill(event: (i: number) => string, limit = Infinity): string[] {
	const events: string[] = [];
	let size = calendar([]).length;
	for (let i = 0; i < limit; i++) {
		const text = event(i);
		if (size + text.length > MAX_FEED_BYTES) break;
		size += text.length;
		events.push(text);
	}
	return events;
}

/** The issue's table, dated relative to `now` where it matters, plus the worst 2 MB feed. */
function hostileInputs(now = new Date()): FeedInput[] {
	const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000);
	const daily = (start: string) => vevent(`DTSTART:${start}`, 'RRULE:FREQ=DAILY');
	const ical = (name: string, events: string[]): FeedInput => ({ name, kind: 'ical', text: calendar(events) });
	const json = (name: string, value: unknown): FeedInput => ({ name, kind: 'json', text: JSON.stringify(value) });
	return [
		ical('1 event DTSTART:19000101 FREQ=DAILY', [daily('19000101')]),
		ical('1 event DTSTART:10000101 FREQ=DAILY', [daily('10000101')]),
		ical('10 events DTSTART:19000101 FREQ=DAILY', Array.from({ length: 10 }, () => daily('19000101'))),
		ical('all-day 20261201..30261231', [vevent('DTSTART;VALUE=DATE:20261201', 'DTEND;VALUE=DATE:30261231')]),
		ical('all-day 20261201..99991231', [vevent('DTSTART;VALUE=DATE:20261201', 'DTEND;VALUE=DATE:99991231')]),
		json('JSON span 2026-12-10..2127-12-31', [{ date: '2026-12-10', endDate: '2127-12-31' }]),
		ical('FREQ=MONTHLY;INTERVAL=1e15', [vevent('DTSTART:20260101', 'RRULE:FREQ=MONTHLY;INTERVAL=1000000000000000')]),
		ical(
			'20,000 timed events TZID=Europe/Berlin',
			fill((i) => vevent(`DTSTART;TZID=Europe/Berlin:${compact(day(i % 360))}T${String(8 + (i % 10)).padStart(2, '0')}0000`, 'DURATION:PT1H'), 20_000),
		),
		ical('30,000 all-day events', fill((i) => vevent(`DTSTART;VALUE=DATE:${compact(day(i % 360))}`), 30_000)),
		json('JSON 100,000 dates', Array.from({ length: 100_000 }, (_, i) => day(i % 360).toISOString().slice(0, 10))),
		// Worst we found within the rules: the most events a 2 MB feed holds, each a daily series from year 1000.
		ical('2 MB: daily series from 1000, as many as fit', fill(() => daily('10000101'))),
	];
}

/** GET /healthz, one at a time, 10 ms apart; stop() gives the longest wait (one still waiting counts too). */
function probeStalls(n8nUrl: string): { stop(): Promise<number> } {
	let longest = 0;
	let running = true;
	let inFlightSince = 0;
	const loop = (async () => {
		while (running) {
			inFlightSince = performance.now();
			await fetch(`${n8nUrl}/healthz`, { signal: AbortSignal.timeout(600_000) }).then(
				(response) => response.arrayBuffer(),
				() => undefined,
			);
			longest = Math.max(longest, performance.now() - inFlightSince);
			inFlightSince = 0;
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	})();
	return {
		async stop() {
			running = false;
			const waiting = inFlightSince ? performance.now() - inFlightSince : 0;
			await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 50))]);
			return Math.round(Math.max(longest, waiting));
		},
	};
}

function outcomeOf(text: string): string {
	try {
		const [item] = JSON.parse(text) as Array<{ error?: unknown }>;
		if (item?.error === undefined) return 'ok';
		return `error: ${String(typeof item.error === 'string' ? item.error : JSON.stringify(item.error)).slice(0, 90)}`;
	} catch {
		return `answer: ${text.slice(0, 90)}`;
	}
}

async function runOne(stack: RunningStack, workflow: BenchWorkflow, input: FeedInput, node: FeedRun['node'], timeoutS: number): Promise<FeedRun> {
	await benchSandboxControl(stack.info.sandboxUrl, 'POST', 'reset', {});
	const body =
		input.kind === 'json'
			? { calendarSource: 'json', calendarJson: input.text }
			: { calendarSource: 'ical', calendarUrl: `${stack.info.sandboxUrl}/calendars/${FEED_NAME}.ics` };
	if (input.kind === 'ical') await benchSandboxControl(stack.info.sandboxUrl, 'POST', `calendars/${FEED_NAME}`, { text: input.text });
	const rssBefore = treeRssMb((stack.n8n.child.pid as number));
	const usage = sampleTree((stack.n8n.child.pid as number));
	const stalls = probeStalls(stack.info.n8nUrl);
	const started = performance.now();
	const answer = await runWebhook(stack.info.n8nUrl, workflow.webhookPath, body, timeoutS * 1000).catch(() => undefined);
	const wallSeconds = (performance.now() - started) / 1000;
	const longestStallMs = await stalls.stop();
	const { cpuSeconds, peakRssMb } = usage.stop();
	const run: FeedRun = {
		input: input.name,
		node,
		bytes: Buffer.byteLength(input.text),
		finished: answer !== undefined,
		outcome: answer ? outcomeOf(answer.text) : `did not finish within ${timeoutS} s`,
		wallSeconds: Math.round(wallSeconds * 100) / 100,
		cpuSeconds: Math.round(cpuSeconds * 100) / 100,
		peakRssGrowthMb: Math.round(peakRssMb - rssBefore),
		longestStallMs,
	};
	log(`  ${node}: ${run.outcome.slice(0, 60)}; ${run.wallSeconds} s wall, ${run.cpuSeconds} s CPU, +${run.peakRssGrowthMb} MB, stall ${run.longestStallMs} ms`);
	if (!answer) await restartBenchN8n(stack);
	return run;
}

export async function runHostileFeeds(stack: RunningStack, workflows: Record<string, BenchWorkflow>, timeoutS = DEFAULT_TIMEOUT_S): Promise<FeedRun[]> {
	const runs: FeedRun[] = [];
	for (const input of hostileInputs()) {
		log(`feed "${input.name}" (${Math.round(Buffer.byteLength(input.text) / 1024)} KB)`);
		runs.push(await runOne(stack, workflows.feedsWhatsApp, input, 'WhatsApp sync', timeoutS));
		runs.push(await runOne(stack, workflows.feedsMessenger, input, 'Messenger syncClosure', timeoutS));
	}
	return runs;
}

const meets = (run: FeedRun) =>
	run.finished && run.cpuSeconds <= FEED_TARGETS.cpuSeconds && run.longestStallMs <= FEED_TARGETS.stallMs && run.peakRssGrowthMb <= FEED_TARGETS.rssGrowthMb;

function cell(run: FeedRun | undefined): string {
	if (!run) return '–';
	const time = run.finished ? `${run.wallSeconds} s` : 'did not finish';
	return `${time}; CPU ${run.cpuSeconds} s; stall ${run.longestStallMs} ms; +${run.peakRssGrowthMb} MB; ${meets(run) ? 'met' : 'NOT met'}`;
}

function outcomeCell(run: FeedRun | undefined): string {
	return run ? run.outcome.replace(/\|/g, '\\|').replace(/\s+/g, ' ') : '–';
}

/** The before column (committed) next to this run; `asBefore`: this run is the before column. */
export function feedsMarkdown(runs: FeedRun[], asBefore: boolean, heading: string): string {
	const before = asBefore ? runs : loadBefore();
	const after = asBefore ? [] : runs;
	const find = (list: FeedRun[], run: FeedRun) => list.find((r) => r.input === run.input && r.node === run.node);
	const keys = (before.length > 0 ? before : after).map((r) => ({ input: r.input, node: r.node }) as FeedRun);
	const lines = [
		heading,
		'',
		'| input | node | before: wall; CPU; stall; RSS growth | after | outcome after (before if no after) |',
		'|---|---|---|---|---|',
		...keys.map((key) => {
			const b = find(before, key);
			const a = find(after, key);
			const bytes = (b ?? a)!.bytes;
			return `| ${key.input} (${bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`}) | ${key.node} | ${cell(b)} | ${cell(a)} | ${outcomeCell(a ?? b)} |`;
		}),
		'',
		`Targets: every input finishes (or is refused) within ${FEED_TARGETS.cpuSeconds} s of CPU, longest stall ≤ ${FEED_TARGETS.stallMs} ms, RSS growth ≤ ${FEED_TARGETS.rssGrowthMb} MB. ` +
			`${after.length ? `After: ${after.filter(meets).length} of ${after.length} runs meet all three.` : 'After: not measured yet.'}`,
	];
	return lines.join('\n');
}

export function textTableOfFeeds(runs: FeedRun[]): string {
	return runs.map((run) => `${run.input.padEnd(48)} ${run.node.padEnd(22)} ${cell(run)} | ${run.outcome.slice(0, 80)}`).join('\n');
}

function loadBefore(): FeedRun[] {
	try {
		return JSON.parse(readFileSync(BEFORE_FILE, 'utf8')) as FeedRun[];
	} catch {
		return [];
	}
}

export function saveBefore(runs: FeedRun[]): void {
	writeFileSync(BEFORE_FILE, `${JSON.stringify(runs, null, 2)}\n`);
	log(`before column saved to ${BEFORE_FILE}`);
}

export const FEEDS_RESULTS_FILE = join(BENCH_DIR, 'feeds.json');
