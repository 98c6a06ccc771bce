/**
 * `npm run bench`: our WhatsApp Calling nodes against n8n's own HTTP Request and Webhook nodes, in a real
 * n8n of the 2.x line (scripts/n8n-versions.json) against the sandbox (issues 7, 10, 12, 21). Takes 5–15 minutes on 2 cores.
 *
 *   npm run bench                       all scenarios
 *   npm run bench -- --only 1,1b,2,3    some of them
 *   npm run bench -- --dist <folder>    use a build instead of compiling into .cache/bench/dist
 *   npm run bench -- --write-docs       also put the results into docs/benchmarks.md
 *   npm run bench -- --docs-only        put the last run's results (.cache/bench/results.json) into the docs
 *   npm run bench -- --only 7           scenario 7 alone (hostile and large calendar feeds, issue 18)
 *   npm run bench -- --only 7 --feeds-before       ...and save it as the committed before column
 *   npm run bench -- --only 7 --feeds-timeout 90   per-input timeout in seconds (default 60)
 *
 * Needs Node 24 and that n8n under .cache/ (bash scripts/n8n-env.sh n8n 2).
 * Results: the table on stdout, JSON in .cache/bench/results.json.
 */
import { execFileSync } from 'child_process';
import { cpus, loadavg, totalmem } from 'os';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { REPO_ROOT } from '../../tools/n8n/lines';
import { stopStack, type RunningStack } from '../../tools/n8n/stack';
import { checkTargets, markdownTable, targetLines, textTable } from './report';
import { SCENARIOS, warmUp, type BenchContext, type Row } from './scenarios';
import { BENCH_DIR, buildPrivateDist, log, startBenchStack } from './stack';
import { FEEDS_RESULTS_FILE, FEEDS_SCENARIO, FEEDS_TITLE, feedsMarkdown, runHostileFeeds, saveBefore, textTableOfFeeds, type FeedRun } from './hostileFeeds';
import { benchWorkflows } from './workflows';

interface Args {
	only: string[];
	dist?: string;
	writeDocs: boolean;
	docsOnly: boolean;
	feedsBefore: boolean;
	feedsTimeoutS?: number;
}

function parseArgs(argv: string[]): Args {
	const value = (name: string) => {
		const i = argv.indexOf(name);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const feeds = String(FEEDS_SCENARIO);
	const all = [...Object.keys(SCENARIOS), feeds].join(',');
	const only = (value('--only') ?? all).split(',').map((n) => n.trim());
	if (only.some((n) => !(n in SCENARIOS) && n !== feeds)) throw new Error(`--only takes scenario numbers out of ${all}, got "${value('--only')}"`);
	const timeout = value('--feeds-timeout');
	return {
		only,
		dist: value('--dist'),
		writeDocs: argv.includes('--write-docs'),
		docsOnly: argv.includes('--docs-only'),
		feedsBefore: argv.includes('--feeds-before'),
		feedsTimeoutS: timeout === undefined ? undefined : Number(timeout),
	};
}

export interface Machine {
	cpus: number;
	cpuModel: string;
	memoryGb: number;
	loadAverageAtStart: number[];
	loadAverageAtEnd?: number[];
	benchNode: string;
	n8nNode: string;
	n8n: string;
	date: string;
}

function machine(stack: RunningStack): Machine {
	return {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? 'unknown',
		memoryGb: Math.round(totalmem() / 2 ** 30),
		loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
		benchNode: process.version,
		n8nNode: execFileSync(stack.runtime.nodeBinary, ['--version'], { encoding: 'utf8' }).trim(),
		n8n: stack.runtime.version,
		date: new Date().toISOString(),
	};
}

function holidayDateNextYear(): string {
	return `${new Date().getUTCFullYear() + 1}-12-24`;
}

const DOCS_START = '<!-- bench:results:start -->';
const DOCS_END = '<!-- bench:results:end -->';

function resultsMarkdown(info: Machine, rows: Row[]): string {
	return [
		`Run of ${info.date.slice(0, 16).replace('T', ' ')} UTC: ${info.cpus} vCPU (${info.cpuModel}), ${info.memoryGb} GB, ` +
			`n8n ${info.n8n} on Node ${info.n8nNode}, bench on Node ${info.benchNode}; load average ${info.loadAverageAtStart.join(' / ')} at the start, ` +
			`${(info.loadAverageAtEnd ?? []).join(' / ')} at the end (the machine is shared).`,
		'',
		markdownTable(rows),
		'',
		'"ours / this": our items (deliveries, executions) per second divided by this row\'s (in scenario 6 within one layout); in scenario 4 our CPU per item divided by this row\'s (lower is better). Scenario 6: "items" = executions, "applied" = holidays stored of them.',
		'',
		...rows.filter((r) => r.note).map((r) => `- ${r.scenario}, ${r.contender}: ${r.note}`),
		'',
		targetLines(checkTargets(rows), true),
	].join('\n');
}

const FEEDS_DOCS_START = '<!-- bench:feeds:start -->';
const FEEDS_DOCS_END = '<!-- bench:feeds:end -->';

function writeDocs(markdown: string, [startMark, endMark] = [DOCS_START, DOCS_END]): void {
	const file = join(REPO_ROOT, 'docs', 'benchmarks.md');
	const text = readFileSync(file, 'utf8');
	const start = text.indexOf(startMark);
	const end = text.indexOf(endMark);
	if (start < 0 || end < start) throw new Error(`docs/benchmarks.md has no ${startMark} ... ${endMark} section`);
	writeFileSync(file, `${text.slice(0, start + startMark.length)}\n${markdown}\n${text.slice(end)}`);
	log('results written into docs/benchmarks.md');
}

const RESULTS_FILE = join(BENCH_DIR, 'results.json');

/** Scenario 7's table on stdout, its JSON, and (--feeds-before) the committed before column / (--write-docs) its docs section. */
function reportFeeds(info: Machine, runs: FeedRun[], args: Args): void {
	const end = loadavg().map((l) => Math.round(l * 100) / 100);
	const heading =
		`Run of ${info.date.slice(0, 16).replace('T', ' ')} UTC (${args.feedsBefore ? 'before' : 'after'} column): ${info.cpus} vCPU, n8n ${info.n8n} on Node ${info.n8nNode}; ` +
		`load average ${info.loadAverageAtStart.join(' / ')} at the start, ${end.join(' / ')} at the end.`;
	process.stdout.write(`\n${textTableOfFeeds(runs)}\n`);
	writeFileSync(FEEDS_RESULTS_FILE, JSON.stringify({ machine: info, runs }, null, 2));
	if (args.feedsBefore) saveBefore(runs);
	const markdown = feedsMarkdown(runs, args.feedsBefore, heading);
	process.stdout.write(`\n${markdown}\n`);
	if (args.writeDocs) writeDocs(markdown, [FEEDS_DOCS_START, FEEDS_DOCS_END]);
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	if (args.docsOnly) {
		const last = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { machine: Machine; rows: Row[] };
		writeDocs(resultsMarkdown(last.machine, last.rows));
		return;
	}
	const distDir = args.dist ?? (await buildPrivateDist());
	const workflows = benchWorkflows();
	let stack: RunningStack | undefined;
	const rows: Row[] = [];
	try {
		stack = await startBenchStack(distDir, Object.values(workflows));
		const info = machine(stack);
		const ctx: BenchContext = { stack, workflows, holidayDate: holidayDateNextYear() };
		const itemScenarios = args.only.filter((n) => n !== String(FEEDS_SCENARIO));
		if (itemScenarios.length > 0) {
			log('warm-up: every workflow once with 20 items');
			await warmUp(ctx);
		}
		for (const n of itemScenarios) {
			log(`scenario ${n}: ${SCENARIOS[n].title}`);
			rows.push(...(await SCENARIOS[n].run(ctx)));
		}
		if (args.only.includes(String(FEEDS_SCENARIO))) {
			log(`scenario ${FEEDS_SCENARIO}: ${FEEDS_TITLE}`);
			const runs = await runHostileFeeds(stack, workflows, args.feedsTimeoutS);
			reportFeeds(info, runs, args);
		}
		if (itemScenarios.length === 0) return;
		info.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
		process.stdout.write(`\n${textTable(rows)}\n\nTargets (issues 7, 10, 12, 21):\n${targetLines(checkTargets(rows))}\n`);
		process.stdout.write(`\nload average ${info.loadAverageAtStart.join(' ')} -> ${info.loadAverageAtEnd.join(' ')}\n`);
		writeFileSync(RESULTS_FILE, JSON.stringify({ machine: info, rows, targets: checkTargets(rows) }, null, 2));
		if (args.writeDocs) writeDocs(resultsMarkdown(info, rows));
	} finally {
		await stopStack(stack);
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
