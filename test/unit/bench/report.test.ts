import { checkTargets, ratioOf } from '../../../scripts/bench/report';
import type { Row } from '../../../scripts/bench/scenarios';

/** The bench's targets and ratios (scripts/bench/report.ts): pure functions of a run's rows. */

function row(partial: Partial<Row> & Pick<Row, 'scenario' | 'contender' | 'isOurs'>): Row {
	return { items: 20, wallSeconds: 1, perSecond: 20, failed: 0, peakRssMb: 0, cpuMsPerItem: 1, ...partial };
}

describe('scenario 5 target', () => {
	const trigger = row({ scenario: 5, contender: 'WhatsApp Calling Trigger (signature checked)', isOurs: true, perSecond: 12 });
	const plain = row({ scenario: 5, contender: 'Webhook node (no check, the limit)', isOurs: false, perSecond: 16 });

	it('compares ours with the hand-built Webhook -> Crypto -> If chain, not with the plain Webhook node', () => {
		const chain = row({ scenario: 5, contender: 'Webhook (raw body) -> Crypto HMAC-SHA256 -> If (signature checked)', isOurs: false, perSecond: 10 });
		const [check] = checkTargets([trigger, chain, plain]);
		expect(check.met).toBe(true);
		expect(check.measured).toContain('12/s vs 10/s = 1.20x');
		expect(check.measured).toContain('the plain Webhook node (no check, the limit) 16/s = 0.75x');
	});

	it('is not met below 1.0x of the chain', () => {
		const chain = row({ scenario: 5, contender: 'Webhook (raw body) -> Crypto HMAC-SHA256 -> If (signature checked)', isOurs: false, perSecond: 12.5 });
		expect(checkTargets([trigger, chain, plain])[0].met).toBe(false);
	});
});

describe('scenario 6', () => {
	const g1 = '20 executions, 1 number';
	const mixed = '20 executions, 1 number, every other one HTTP Request';
	const rows = [
		row({ scenario: 6, group: g1, contender: `${g1}: ours (checked)`, isOurs: true, perSecond: 2, applied: 20 }),
		row({ scenario: 6, group: g1, contender: `${g1}: HTTP Request GET -> POST`, isOurs: false, perSecond: 20, applied: 7 }),
		row({ scenario: 6, group: mixed, contender: `${mixed}: ours (checked) + HTTP Request`, isOurs: true, perSecond: 4, applied: 14, firstWriterStored: { stored: 10, of: 10 } }),
		row({ scenario: 6, group: mixed, contender: `${mixed}: ours, check off + HTTP Request`, isOurs: false, perSecond: 5, applied: 13 }),
	];

	it('takes "ours / this" within one layout', () => {
		expect(ratioOf(rows, rows[1])).toBe(0.1);
		expect(ratioOf(rows, rows[3])).toBe(0.8);
	});

	it('counts only our own holidays beside a foreign writer', () => {
		const check = checkTargets(rows).find((c) => c.scenario === 6);
		expect(check?.met).toBe(true);
		expect(check?.measured).toContain(`${mixed}: 10/10`);
		expect(check?.measured).toContain('the HTTP Request chain alone stored 7/20');
	});

	it('is not met when one of our holidays is missing', () => {
		const lost = rows.map((r, i) => (i === 2 ? { ...r, firstWriterStored: { stored: 9, of: 10 } } : r));
		expect(checkTargets(lost).find((c) => c.scenario === 6)?.met).toBe(false);
	});
});
