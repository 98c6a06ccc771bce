/**
 * The RRULE expansion against rrule.js (a devDependency, the de-facto JavaScript implementation of RFC
 * 5545 recurrence) on generated rules: every frequency, INTERVAL, COUNT, UNTIL, BYDAY with ordinals,
 * BYMONTH, BYMONTHDAY (negative too) and WKST. Times are wall clock ("floating"), as the expansion runs.
 */
import fc from 'fast-check';
import { RRule } from 'rrule';

import { expandRule } from '../../../nodes/shared/calendar/rrule';
import { parseRule } from '../../../nodes/shared/calendar/ical';
import { InputError } from '../../../nodes/shared/validation';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15);

interface Generated {
	text: string;
	seed: number;
}

const ruleArbitrary: fc.Arbitrary<Generated> = fc
	.record({
		freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
		interval: fc.integer({ min: 1, max: 4 }),
		end: fc.oneof(
			fc.record({ count: fc.integer({ min: 1, max: 40 }) }),
			fc.record({ untilYears: fc.double({ min: 0, max: 3, noNaN: true }) }),
			fc.constant({}),
		),
		byMonth: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }),
		byMonthDay: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -31, max: -1 })), { maxLength: 3 }),
		byDay: fc.uniqueArray(
			fc.record({ weekday: fc.integer({ min: 0, max: 6 }), ordinal: fc.constantFrom(0, 0, 0, 1, 2, 3, 4, 5, -1, -2) }),
			{ maxLength: 3, selector: (d) => d.weekday },
		),
		wkst: fc.integer({ min: 0, max: 6 }),
		seed: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => Math.floor(ms / 60000) * 60000),
	})
	// A rule that never occurs (BYMONTH=2;BYMONTHDAY=30) sends rrule.js searching to the year 9999 for ~20 s: not generated.
	.filter((r) => r.byMonthDay.length === 0 || r.byMonth.length === 0 || r.byMonth.some((m) => r.byMonthDay.some((d) => Math.abs(d) <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])))
	.map((r) => {
		const parts = [`FREQ=${r.freq}`];
		if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
		if ('count' in r.end) parts.push(`COUNT=${r.end.count}`);
		if ('untilYears' in r.end) parts.push(`UNTIL=${stamp(r.seed + r.end.untilYears * YEAR_MS)}Z`);
		if (r.byMonth.length) parts.push(`BYMONTH=${r.byMonth.join(',')}`);
		if (r.byMonthDay.length && r.freq !== 'WEEKLY') parts.push(`BYMONTHDAY=${r.byMonthDay.join(',')}`);
		// Ordinals only where RFC 5545 allows them; rrule.js and RFC differ on ordinals mixed with BYMONTHDAY, which is not generated.
		const ordinals = (r.freq === 'MONTHLY' || r.freq === 'YEARLY') && r.byMonthDay.length === 0;
		if (r.byDay.length) {
			parts.push(`BYDAY=${r.byDay.map((d) => `${ordinals && d.ordinal ? d.ordinal : ''}${WEEKDAYS[d.weekday]}`).join(',')}`);
		}
		if (r.wkst !== 0) parts.push(`WKST=${WEEKDAYS[r.wkst]}`);
		return { text: parts.join(';'), seed: r.seed };
	});

function oracle(text: string, dtstart: number, limit: number): number[] {
	const rule = RRule.fromString(`DTSTART:${stamp(dtstart)}Z\nRRULE:${text}`);
	return rule
		.between(new Date(dtstart), new Date(limit), true)
		.map((date) => date.getTime())
		.filter((ms) => ms <= limit);
}

const fail = (problem: string) => new InputError('rrule', problem);

describe('expandRule agrees with rrule.js', () => {
	it('on 1,100 generated recurring events (two years of each)', () => {
		let compared = 0;
		fc.assert(
			fc.property(ruleArbitrary, ({ text, seed }) => {
				// DTSTART in step with the rule (RFC 5545 says it should be; rrule.js leaves out a DTSTART that is not).
				const [first] = RRule.fromString(`DTSTART:${stamp(seed)}Z\nRRULE:${text}`).between(new Date(seed), new Date(seed + 2 * YEAR_MS), true);
				fc.pre(first !== undefined);
				const dtstart = (first as Date).getTime();
				const limit = dtstart + 2 * YEAR_MS;
				const start = { wall: dtstart, dateOnly: false, zone: 'floating' };
				const ours = expandRule(parseRule(text, start, fail), dtstart, limit);
				const theirs = oracle(text, dtstart, limit);
				compared++;
				expect(ours.map(stamp)).toEqual(theirs.map(stamp));
			}),
			{ numRuns: 1100, seed: 13 },
		);
		expect(compared).toBeGreaterThanOrEqual(1000);
	});

	it('on 200 generated rules from up to 60 years back, with COUNT, expanded only in a later window', () => {
		const old = fc.record({
			freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
			interval: fc.integer({ min: 1, max: 13 }),
			count: fc.integer({ min: 1, max: 3000 }),
			byDay: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
			byMonth: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 4 }),
			wkst: fc.integer({ min: 0, max: 6 }),
			seed: fc.integer({ min: Date.UTC(1966, 0, 1), max: Date.UTC(2025, 11, 31) }).map((ms) => Math.floor(ms / 60000) * 60000),
		});
		fc.assert(
			fc.property(old, (r) => {
				const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`, `COUNT=${r.count}`];
				if (r.byDay.length) parts.push(`BYDAY=${r.byDay.map((d) => WEEKDAYS[d]).join(',')}`);
				if (r.byMonth.length) parts.push(`BYMONTH=${r.byMonth.join(',')}`);
				parts.push(`WKST=${WEEKDAYS[r.wkst]}`);
				const text = parts.join(';');
				const [first] = RRule.fromString(`DTSTART:${stamp(r.seed)}Z\nRRULE:${text}`).all((_, i) => i < 1);
				fc.pre(first !== undefined);
				const dtstart = (first as Date).getTime();
				const from = Date.UTC(2026, 5, 1);
				const limit = from + YEAR_MS;
				const ours = expandRule(parseRule(text, { wall: dtstart, dateOnly: false, zone: 'floating' }, fail), dtstart, limit, from);
				const theirs = RRule.fromString(`DTSTART:${stamp(dtstart)}Z\nRRULE:${text}`).between(new Date(from), new Date(limit), true);
				expect(ours.map(stamp)).toEqual(theirs.map((d) => stamp(d.getTime())));
			}),
			{ numRuns: 200, seed: 18 },
		);
	});

	it('leap days: a yearly 29 February occurs only in leap years; a monthly 31st skips short months', () => {
		const leap = Date.UTC(2028, 1, 29, 9);
		const start = { wall: leap, dateOnly: false, zone: 'floating' };
		const yearly = expandRule(parseRule('FREQ=YEARLY;COUNT=3', start, fail), leap, Date.UTC(2045, 0, 1));
		expect(yearly.map(stamp)).toEqual(['20280229T090000', '20320229T090000', '20360229T090000']);
		expect(yearly.map(stamp)).toEqual(oracle('FREQ=YEARLY;COUNT=3', leap, Date.UTC(2045, 0, 1)).map(stamp));
		const jan31 = Date.UTC(2027, 0, 31);
		const monthly = expandRule(parseRule('FREQ=MONTHLY;COUNT=4', { ...start, wall: jan31 }, fail), jan31, Date.UTC(2028, 0, 1));
		expect(monthly.map(stamp)).toEqual(['20270131T000000', '20270331T000000', '20270531T000000', '20270731T000000']);
		const lastDay = expandRule(parseRule('FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3', { ...start, wall: jan31 }, fail), jan31, Date.UTC(2029, 0, 1));
		expect(lastDay.map(stamp)).toEqual(['20270131T000000', '20270228T000000', '20270331T000000']);
	});

	it('DTSTART out of step with the rule is still the first occurrence and counts towards COUNT (RFC 5545)', () => {
		const tuesday = Date.UTC(2027, 0, 5, 10);
		const start = { wall: tuesday, dateOnly: false, zone: 'floating' };
		const occurrences = expandRule(parseRule('FREQ=WEEKLY;BYDAY=TH;COUNT=3', start, fail), tuesday, Date.UTC(2028, 0, 1));
		expect(occurrences.map(stamp)).toEqual(['20270105T100000', '20270107T100000', '20270114T100000']);
	});

	it.each([
		['FREQ=HOURLY', 'RRULE FREQ=HOURLY is not supported (supported: DAILY, WEEKLY, MONTHLY, YEARLY)'],
		['FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR', 'RRULE part BYSETPOS is not supported (supported: FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTH, BYMONTHDAY, WKST)'],
		['FREQ=WEEKLY;BYDAY=2MO', 'RRULE BYDAY ordinal "2MO" is only allowed with FREQ=MONTHLY or YEARLY (RFC 5545)'],
		['FREQ=DAILY;COUNT=2;UNTIL=20270101', 'RRULE must not have both COUNT and UNTIL'],
		['FREQ=YEARLY;BYMONTH=13', 'RRULE BYMONTH value "13" must be 1-12'],
		['FREQ=YEARLY;INTERVAL=0', 'RRULE INTERVAL must be a whole number of at least 1'],
	])('refuses %s', (text, problem) => {
		expect(() => parseRule(text, { wall: 0, dateOnly: false, zone: 'floating' }, fail)).toThrow(`rrule: ${problem}`);
	});
});
