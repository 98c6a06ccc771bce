import type { Row, ScenarioId } from './scenarios';

/** The table and the issue's targets, from the rows of one run. */

export interface TargetCheck {
	scenario: ScenarioId;
	target: string;
	met: boolean;
	measured: string;
}

const ours = (rows: Row[], scenario: ScenarioId, group?: string) => rows.find((r) => r.scenario === scenario && r.isOurs && r.group === group);
const other = (rows: Row[], scenario: ScenarioId, prefix: string) =>
	rows.find((r) => r.scenario === scenario && !r.isOurs && r.contender.startsWith(prefix));

/**
 * "ours / this" for a row that is not ours: items per second for scenarios 1–3, 5 and 6 (higher is better;
 * in scenario 6 within one layout), CPU per item for scenario 4 (lower is better).
 */
export function ratioOf(rows: Row[], row: Row): number | undefined {
	const mine = ours(rows, row.scenario, row.group);
	if (!mine || row.isOurs || row.isBaseline) return undefined;
	const value = row.scenario === 4 ? mine.cpuMsPerItem / row.cpuMsPerItem : mine.perSecond / row.perSecond;
	return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

export function checkTargets(rows: Row[]): TargetCheck[] {
	const checks: TargetCheck[] = [];
	// Issue 21: ahead at the sandbox's 50 ms (1.2x), and at least level at a far 300 ms (1b).
	for (const [scenario, factor] of [[1, 1.2], ['1b', 1.0]] as const) {
		const mine = ours(rows, scenario);
		const http = other(rows, scenario, 'HTTP Request');
		if (!mine || !http) continue;
		const ratio = mine.perSecond / http.perSecond;
		checks.push({
			scenario,
			target: `>= ${factor.toFixed(1)}x the default HTTP Request node items/s (median of 3 runs each), 0 failed`,
			met: ratio >= factor && mine.failed === 0,
			measured: `${mine.perSecond}/s vs ${http.perSecond}/s = ${ratio.toFixed(2)}x, ${mine.failed} failed`,
		});
	}
	for (const scenario of [2, 3]) {
		const row = ours(rows, scenario);
		if (!row || row.boundSeconds === undefined) continue;
		const limit = 1.15 * row.boundSeconds;
		checks.push({
			scenario,
			target: `0 failed, wall <= 1.15 x ${row.boundSeconds} s = ${limit.toFixed(1)} s`,
			met: row.failed === 0 && row.wallSeconds <= limit,
			measured: `${row.wallSeconds} s (${(row.wallSeconds / row.boundSeconds).toFixed(2)}x the bound), ${row.failed} failed`,
		});
	}
	const s4 = ours(rows, 4);
	const s4http = other(rows, 4, 'HTTP Request');
	if (s4 && s4http) {
		checks.push({
			scenario: 4,
			target: 'CPU per item <= the HTTP Request node',
			met: s4.cpuMsPerItem <= s4http.cpuMsPerItem && s4.failed === 0,
			measured: `${s4.cpuMsPerItem} ms vs ${s4http.cpuMsPerItem} ms per item`,
		});
	}
	const s5 = ours(rows, 5);
	const s5chain = other(rows, 5, 'Webhook (raw body)');
	const s5plain = other(rows, 5, 'Webhook node');
	if (s5 && s5chain) {
		const ratio = s5.perSecond / s5chain.perSecond;
		const limit = s5plain ? `; the plain Webhook node (no check, the limit) ${s5plain.perSecond}/s = ${(s5.perSecond / s5plain.perSecond).toFixed(2)}x` : '';
		checks.push({
			scenario: 5,
			target: '>= 1.0x the deliveries/s of the hand-built Webhook -> Crypto -> If chain (both check signatures), 0 failed',
			met: ratio >= 1.0 && s5.failed === 0,
			measured: `${s5.perSecond}/s vs ${s5chain.perSecond}/s = ${ratio.toFixed(2)}x, ${s5.failed} failed${limit}`,
		});
	}
	// Scenario 6: every holiday our node (checked) was asked to add is stored; beside a foreign writer
	// (the HTTP Request chain) only our own count, since nothing can keep a writer that skips the protocol.
	const s6 = rows.filter((r) => r.scenario === 6 && r.isOurs);
	if (s6.length > 0) {
		const own = (r: Row) => r.firstWriterStored ?? { stored: r.applied ?? 0, of: r.items };
		const lost = s6.filter((r) => own(r).stored !== own(r).of || r.failed > 0);
		const others = rows.filter((r) => r.scenario === 6 && r.contender.endsWith('HTTP Request GET -> POST'));
		checks.push({
			scenario: 6,
			target: 'ours (checked) stores every one of its holidays in every layout, 0 failed',
			met: lost.length === 0,
			measured:
				s6.map((r) => `${r.group}: ${own(r).stored}/${own(r).of} in ${r.wallSeconds} s`).join('; ') +
				(others.length > 0 ? `; the HTTP Request chain alone stored ${others.map((r) => `${r.applied}/${r.items}`).join(', ')}` : ''),
		});
	}
	return checks;
}

const COLUMNS: Array<[string, (row: Row, rows: Row[]) => string]> = [
	['#', (r) => String(r.scenario)],
	['contender', (r) => r.contender],
	['items', (r) => String(r.items)],
	['wall s', (r) => r.wallSeconds.toFixed(2)],
	['items/s', (r) => r.perSecond.toFixed(1)],
	['failed', (r) => String(r.failed)],
	['applied', (r) => (r.applied === undefined ? '' : String(r.applied))],
	['Graph calls', (r) => (r.graphCalls === undefined ? '' : String(r.graphCalls))],
	['peak RSS MB', (r) => String(r.peakRssMb)],
	['CPU ms/item', (r) => r.cpuMsPerItem.toFixed(3)],
	['ours / this', (r, rows) => ratioOf(rows, r)?.toFixed(2) ?? ''],
	['bound s', (r) => (r.boundSeconds === undefined ? '' : r.boundSeconds.toFixed(1))],
];

export function textTable(rows: Row[]): string {
	const cells = rows.map((row) => COLUMNS.map(([, value]) => value(row, rows)));
	const widths = COLUMNS.map(([name], i) => Math.max(name.length, ...cells.map((c) => c[i].length)));
	const line = (values: string[]) => values.map((v, i) => (i === 1 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
	return [line(COLUMNS.map(([name]) => name)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function markdownTable(rows: Row[]): string {
	const header = `| ${COLUMNS.map(([name]) => name).join(' | ')} |`;
	const rule = `|${COLUMNS.map(() => '---').join('|')}|`;
	const body = rows.map((row) => `| ${COLUMNS.map(([, value]) => value(row, rows)).join(' | ')} |`);
	return [header, rule, ...body].join('\n');
}

export function targetLines(checks: TargetCheck[], markdown = false): string {
	return checks
		.map((c) => (markdown ? `- Scenario ${c.scenario}: **${c.met ? 'met' : 'NOT met'}**: ${c.target}; measured ${c.measured}` : `  ${c.met ? 'MET    ' : 'NOT MET'} scenario ${c.scenario}: ${c.target}; measured ${c.measured}`))
		.join('\n');
}
