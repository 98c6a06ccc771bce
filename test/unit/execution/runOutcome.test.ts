import { describeRunOutcome, type ItemState } from '../../../nodes/shared/execution/runOutcome';

const states = (text: string): ItemState[] =>
	[...text].map((c) => ({ a: 'applied', f: 'failed', u: 'unknown', n: 'notStarted' })[c] as ItemState);

describe('describeRunOutcome', () => {
	it.each([
		['afan', 'Applied: items 0, 2. Not applied: items 1 (failed), 3 (not started).'],
		['afannnnnnn'.slice(0, 10), 'Applied: items 0, 2. Not applied: items 1 (failed), 3-9 (not started).'],
		['fnn', 'Applied: none. Not applied: items 0 (failed), 1-2 (not started).'],
		['aaaf', 'Applied: items 0-2. Not applied: item 3 (failed).'],
		['affan', 'Applied: items 0, 3. Not applied: items 1-2 (failed), 4 (not started).'],
		['unn', 'Applied: none. Not applied: items 1-2 (not started). Unknown: item 0 (the answer was lost; check at Meta before running it again).'],
		['afu', 'Applied: item 0. Not applied: item 1 (failed). Unknown: item 2 (the answer was lost; check at Meta before running it again).'],
	])('%s -> %s', (text, expected) => {
		expect(describeRunOutcome(states(text))).toBe(expected);
	});
});
