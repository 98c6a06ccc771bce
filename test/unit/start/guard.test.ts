import { applyGuardLine } from '../../../scripts/start/guard';

describe("applyGuardLine (npm start's watchdog protocol: which process groups to stop if the script dies)", () => {
	it('adds a group on +pgid and forgets it on -pgid', () => {
		const groups = new Set<number>();
		applyGuardLine(groups, '+4242');
		applyGuardLine(groups, '+4343\r');
		expect([...groups]).toEqual([4242, 4343]);
		applyGuardLine(groups, '-4242');
		expect([...groups]).toEqual([4343]);
	});

	it('ignores anything else, and never takes group 0 or 1 (kill(-1) would signal every process)', () => {
		const groups = new Set<number>();
		for (const line of ['', '4242', '+', '+-5', '+12a', '*7', '+0', '+1', '-1']) applyGuardLine(groups, line);
		expect([...groups]).toEqual([]);
	});
});
