import {
	FREE_RAMP_WINDOW,
	INITIAL_WINDOW,
	MAX_FIXED_WINDOW,
	MAX_WINDOW,
	RAMP_STEP_MS,
	RAMP_USAGE_PERCENT,
	initialCongestion,
	onCleanAnswer,
	onCongestion,
	onHighUsage,
	parseConcurrency,
	windowLimit,
	type CongestionState,
} from '../../../nodes/shared/transport/congestion';

function clean(state: CongestionState, answers: number): CongestionState {
	let s = state;
	for (let i = 0; i < answers; i++) s = onCleanAnswer(s);
	return s;
}

describe('adaptive window', () => {
	it('starts small and doubles per round trip in slow start', () => {
		let s = initialCongestion('auto');
		expect(windowLimit(s)).toBe(INITIAL_WINDOW);
		s = clean(s, windowLimit(s)); // one round trip: every request of the window answered cleanly
		expect(windowLimit(s)).toBe(8);
		s = clean(s, windowLimit(s));
		expect(windowLimit(s)).toBe(16);
	});

	it('grows beyond 50 while answers are clean, up to its ceiling (issue 21)', () => {
		let s = initialCongestion('auto');
		for (let trip = 0; trip < 6; trip++) s = clean(s, windowLimit(s));
		expect(windowLimit(s)).toBe(Math.min(256, MAX_WINDOW));
		expect(MAX_WINDOW).toBeGreaterThan(50);
		s = clean(s, 100_000);
		expect(windowLimit(s)).toBe(MAX_WINDOW);
	});

	it('beyond 50, slow start ends at an answer reporting more than half the quota in use', () => {
		let s = clean(initialCongestion('auto'), 46); // 50, still slow start
		expect(windowLimit(s)).toBe(FREE_RAMP_WINDOW);
		expect(windowLimit(onCleanAnswer(s, RAMP_USAGE_PERCENT))).toBe(51); // at most half: goes on doubling
		s = onCleanAnswer(s, RAMP_USAGE_PERCENT + 1);
		expect([windowLimit(s), s.threshold]).toEqual([50, 50]);
		s = clean(s, 50); // additive increase from here: about one slot per round trip
		expect(s.window).toBeGreaterThan(50.9);
		expect(s.window).toBeLessThan(51);
		// Below 50 the same report changes nothing: slow start runs as before issue 21.
		expect(windowLimit(onCleanAnswer(clean(initialCongestion('auto'), 4), 70))).toBe(9);
	});

	it('in slow start doubles its send rate every 50 ms on any path, so a far path ramps as fast in time', () => {
		const trip = (state: CongestionState, roundTripMs: number) => {
			let s = state;
			for (let i = windowLimit(state); i > 0; i--) s = onCleanAnswer(s, 0, roundTripMs);
			return s;
		};
		// 300 ms: one round trip multiplies the window by 2^(300 / 50) = 64 (63 slots per answer); 4 -> 256.
		const s = trip(initialCongestion('auto'), 300);
		expect(windowLimit(s)).toBe(4 * 2 ** (300 / RAMP_STEP_MS));
		expect(windowLimit(trip(s, 300))).toBe(MAX_WINDOW);
		// The same 300 ms of a 50 ms path: six round trips, each doubling: 4 -> 256 too.
		let near = initialCongestion('auto');
		for (let i = 0; i < 6; i++) near = trip(near, 50);
		expect(windowLimit(near)).toBe(256);
		// 100 ms: 4-fold per round trip; shorter than 50 ms (or unknown) still doubles, never less.
		expect(windowLimit(trip(initialCongestion('auto'), 100))).toBe(16);
		expect(windowLimit(onCleanAnswer(initialCongestion('auto'), 0, 20))).toBe(5);
		expect(windowLimit(onCleanAnswer(initialCongestion('auto'), 0, 0))).toBe(5);
		// A round trip of minutes grows to the ceiling, never to Infinity.
		expect(windowLimit(onCleanAnswer(initialCongestion('auto'), 0, 600_000))).toBe(MAX_WINDOW);
		// After a halving, additive increase ignores the round trip.
		const halved = onCongestion(s, s.epoch);
		expect(onCleanAnswer(halved, 0, 300).window).toBeCloseTo(halved.window + 1 / halved.window);
	});

	it('halves from its ceiling on a limit, as from any other size', () => {
		let s = clean(initialCongestion('auto'), 100_000);
		s = onCongestion(s, s.epoch);
		expect(windowLimit(s)).toBe(MAX_WINDOW / 2);
		expect(onHighUsage(clean(initialCongestion('auto'), 100), 0).window).toBe(52);
	});

	it('halves on congestion and then grows by about one per round trip', () => {
		let s = clean(initialCongestion('auto'), 28); // 32
		expect(windowLimit(s)).toBe(32);
		s = onCongestion(s, s.epoch);
		expect(windowLimit(s)).toBe(16);
		s = clean(s, 16); // one round trip of 16 answers adds a little less than one slot
		expect(s.window).toBeGreaterThan(16.9);
		expect(s.window).toBeLessThan(17);
		s = clean(s, 18);
		expect(windowLimit(s)).toBe(18);
	});

	it('halves once per round trip: answers to requests sent before the decrease are ignored', () => {
		let s = clean(initialCongestion('auto'), 28);
		const sentEpoch = s.epoch;
		for (let i = 0; i < 20; i++) s = onCongestion(s, sentEpoch);
		expect(windowLimit(s)).toBe(16);
		s = onCongestion(s, s.epoch);
		expect(windowLimit(s)).toBe(8);
	});

	it('high usage halves during slow start, then leaves additive increase alone', () => {
		let s = clean(initialCongestion('auto'), 12); // 16, slow start
		s = onHighUsage(s, s.epoch);
		expect(windowLimit(s)).toBe(8);
		// Now additive increase: many lagging reports neither collapse the window nor stop it probing.
		let after = s;
		for (let i = 0; i < 8; i++) after = onHighUsage(after, after.epoch);
		expect(windowLimit(after)).toBe(8);
		expect(after.window).toBeGreaterThan(s.window);
		expect(onCongestion(s, s.epoch).window).toBe(4); // a refusal still halves
	});

	it('never goes below 1', () => {
		let s = initialCongestion('auto');
		for (let i = 0; i < 10; i++) s = onCongestion(s, s.epoch);
		expect(windowLimit(s)).toBe(1);
		s = onCleanAnswer(s);
		expect(windowLimit(s)).toBeGreaterThanOrEqual(1);
	});

	it('a fixed number disables adaptation', () => {
		let s = initialCongestion(7);
		s = clean(s, 100);
		expect(windowLimit(s)).toBe(7);
		s = onCongestion(s, s.epoch);
		expect(windowLimit(s)).toBe(7);
		expect(windowLimit(initialCongestion(500))).toBe(MAX_FIXED_WINDOW);
	});
});

describe('parseConcurrency', () => {
	it('accepts auto and whole numbers 1 to 50', () => {
		expect(parseConcurrency('auto')).toBe('auto');
		expect(parseConcurrency(' AUTO ')).toBe('auto');
		expect(parseConcurrency(undefined)).toBe('auto');
		expect(parseConcurrency('')).toBe('auto');
		expect(parseConcurrency('1')).toBe(1);
		expect(parseConcurrency(50)).toBe(50);
	});

	it('rejects anything else', () => {
		for (const bad of ['0', '51', '2.5', '-3', 'fast', 'NaN', 0, 51]) expect(parseConcurrency(bad)).toBeUndefined();
	});
});
