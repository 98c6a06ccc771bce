import { readExamples, tryItCommand } from '../../../scripts/start/examples';

/**
 * Example 2's line in npm start's banner says what a manual run does today (issue 14 item 7), computed as
 * the workflow's Switch computes it: $today in the workflow's timezone (America/Los_Angeles) against the
 * dates of its "Holiday eves" node (2026-11-25, 2026-12-24, 2026-12-31, 2027-11-24, 2027-12-24, 2027-12-31).
 */
describe('npm start banner, example 2 (hide the Messenger call button on holiday eves)', () => {
	const example = readExamples().find((e) => e.file.startsWith('2-'));
	const urls = { n8n: 'http://127.0.0.1:5678', sandbox: 'http://127.0.0.1:8787' };
	const line = (now: string): string => {
		if (!example) throw new Error('examples/2-*.json is missing');
		return tryItCommand(example, urls, new Date(now));
	};

	it('on a normal day: the run ends at the Switch, and names the next eve', () => {
		expect(line('2026-12-01T20:00:00Z')).toBe(
			'today (Tue 1 Dec, America/Los_Angeles) is no holiday eve: "Execute workflow" ends at the Switch ' +
				'"Evening or morning after" and changes nothing; it hides the call button next on Thu 24 Dec at 18:00 ' +
				'(to try it now, add "2026-12-01" to "Holiday eves")',
		);
	});

	it('on a holiday eve: the evening trigger hides the call button now', () => {
		expect(line('2026-12-24T20:00:00Z')).toBe(
			'today (Thu 24 Dec, America/Los_Angeles) is a holiday eve: "Execute workflow" runs now, against the sandbox: ' +
				'from "Every evening at 18:00" it hides the call button of Page 4000000000000001',
		);
	});

	it("counts the day in the workflow's timezone: 03:00 UTC on 25 Dec is still the eve in Los Angeles", () => {
		expect(line('2026-12-25T03:00:00Z')).toMatch(/^today \(Thu 24 Dec, America\/Los_Angeles\) is a holiday eve:/);
	});

	it('the morning after an eve: the morning trigger restores the call button', () => {
		expect(line('2026-12-25T17:00:00Z')).toBe(
			'today (Fri 25 Dec, America/Los_Angeles) is the morning after a holiday eve: "Execute workflow" runs now, ' +
				'against the sandbox: from "Every morning at 08:00" it restores the call button of Page 4000000000000001 from the kept snapshot',
		);
	});

	it('after the last listed eve: says the list has no later date', () => {
		expect(line('2028-02-01T20:00:00Z')).toBe(
			'today (Tue 1 Feb, America/Los_Angeles) is no holiday eve: "Execute workflow" ends at the Switch ' +
				'"Evening or morning after" and changes nothing; "Holiday eves" lists no later date (to try it now, add "2028-02-01" to "Holiday eves")',
		);
	});
});
