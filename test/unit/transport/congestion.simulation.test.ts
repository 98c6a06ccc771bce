import { DEFAULT_BACKOFF, HIGH_USAGE_PERCENT, nextWaitMs } from '../../../nodes/shared/transport/rateLimit';
import { MAX_WINDOW } from '../../../nodes/shared/transport/congestion';
import { RequestThrottle, type Ticket } from '../../../nodes/shared/transport/throttle';

/*
 * The adaptive window and the shared pause against a simulated Meta: a sliding one-second request limit
 * with usage headers, a fixed latency, and virtual time (no sleeping, no sockets). The client side uses
 * the real RequestThrottle and backoff; the loop mirrors GraphClient.request's handling of an answer,
 * pacing included: a request granted a slot reaches Meta after the throttle's paceMs().
 */

interface Scenario {
	calls: number;
	limitPerSecond: number;
	latencyMs: number;
}

interface Outcome {
	seconds: number;
	refusals: number;
	peakWindow: number;
}

function seededRandom(seed: number): () => number {
	let state = seed;
	return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

function simulate({ calls, limitPerSecond, latencyMs }: Scenario, seed = 7): Outcome {
	let now = 0;
	const throttle = new RequestThrottle('auto', () => now);
	const random = seededRandom(seed);
	const accepted: number[] = []; // arrival times at the "server", ascending
	const inFlight: Array<{ at: number; ticket: Ticket; ok: boolean; usage: number }> = [];
	let waiting = calls;
	let done = 0;
	let refusals = 0;
	let peakWindow = 0;

	// Paced sends may reach the server out of the order their slots were granted in: keep `accepted` sorted.
	const arrivedBy = (t: number) => {
		let low = 0;
		let high = accepted.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (accepted[middle] <= t) low = middle + 1;
			else high = middle;
		}
		return low;
	};
	const countLastSecond = (t: number) => arrivedBy(t) - arrivedBy(t - 1000);

	while (done < calls) {
		// Send while the window has room and no shared pause holds the node.
		while (waiting > 0 && throttle.pauseRemainingMs() === 0) {
			const ticket = throttle.tryAcquire();
			if (!ticket) break;
			waiting--;
			const arrival = now + throttle.paceMs();
			const ok = countLastSecond(arrival) < limitPerSecond;
			if (ok) accepted.splice(arrivedBy(arrival), 0, arrival);
			const usage = ok ? Math.round((countLastSecond(arrival) * 100) / limitPerSecond) : 100;
			inFlight.push({ at: arrival + latencyMs, ticket, ok, usage });
		}
		peakWindow = Math.max(peakWindow, throttle.limit);
		inFlight.sort((a, b) => a.at - b.at);
		const pauseEnds = throttle.pauseRemainingMs() > 0 ? now + throttle.pauseRemainingMs() : Infinity;
		const next = inFlight[0];
		if (!next || pauseEnds < next.at) {
			now = pauseEnds;
			continue;
		}
		inFlight.shift();
		now = next.at;
		throttle.recordRoundTrip(latencyMs);
		if (next.ok) {
			done++;
			throttle.release(next.ticket, next.usage > HIGH_USAGE_PERCENT ? 'highUsage' : 'clean', next.usage);
		} else {
			refusals++;
			waiting++; // the refused call is retried
			throttle.release(next.ticket, 'limited');
			const wait = nextWaitMs(throttle.consecutivePauses, DEFAULT_BACKOFF, random(), undefined, 60_000);
			throttle.openPause(next.ticket, wait ?? 0);
		}
	}
	return { seconds: now / 1000, refusals, peakWindow };
}

/** 21 runs with different backoff jitter: the median and the worst, as a ratio to the bound. */
function spread(scenario: Scenario): { median: number; worst: number; refusals: number } {
	const bound = scenario.calls / scenario.limitPerSecond;
	const runs = Array.from({ length: 21 }, (_, i) => simulate(scenario, 1 + i * 7919));
	const ratios = runs.map((run) => run.seconds / bound).sort((a, b) => a - b);
	return { median: ratios[10], worst: ratios[20], refusals: Math.min(...runs.map((run) => run.refusals)) };
}

describe('adaptive concurrency against a simulated rate limit', () => {
	// The median is the bench's target (scenario 2: within 1.15x of the bound); single seeds of the jitter
	// range from 1.04x to 1.21x on the same code, so one seed decided nothing.
	it.each([
		{ calls: 1000, limitPerSecond: 100, latencyMs: 50 }, // issue 7, scenario 2
		{ calls: 2000, limitPerSecond: 100, latencyMs: 50 }, // scenario 3: a read and a write per item
		{ calls: 400, limitPerSecond: 40, latencyMs: 100 },
		{ calls: 3000, limitPerSecond: 300, latencyMs: 50 },
	])('finishes $calls calls under $limitPerSecond/s within 1.15x of the bound (median of 21)', (scenario) => {
		const { median, worst, refusals } = spread(scenario);
		expect(median).toBeLessThan(1.15);
		expect(worst).toBeLessThan(1.25);
		expect(refusals).toBeGreaterThan(0); // it did meet the limit, and adapted to it
	});

	// Limits that need more than the old ceiling of 50 in flight (100 and 90): additive increase after each
	// halving keeps the average near 3/4 of the limit (the old ceiling made these 2.03x and 1.89x the bound).
	it.each([
		{ calls: 10000, limitPerSecond: 2000, latencyMs: 50 },
		{ calls: 3000, limitPerSecond: 300, latencyMs: 300 },
	])('meets and adapts to a limit beyond 50 in flight: $calls calls under $limitPerSecond/s of $latencyMs ms', (scenario) => {
		const bound = scenario.calls / scenario.limitPerSecond;
		for (const seed of [1, 7, 42]) {
			const { seconds, refusals, peakWindow } = simulate(scenario, seed);
			expect(peakWindow).toBeGreaterThan(50);
			expect(refusals).toBeGreaterThan(0);
			expect(seconds / bound).toBeLessThan(1.75);
		}
	});

	it('without a limit grows to its ceiling: 1000 calls of 300 ms in 4 round trips', () => {
		const { seconds, refusals, peakWindow } = simulate({ calls: 1000, limitPerSecond: 1e9, latencyMs: 300 });
		expect(refusals).toBe(0);
		expect(peakWindow).toBe(MAX_WINDOW);
		// 50 sent blind in the first round trip, x64 per round trip after (the send rate doubling every 50 ms):
		// 50, then the ceiling. Growing by 6 per answer from 4 (issue 21's first ramp) needed 6 round trips.
		expect(seconds).toBeLessThanOrEqual(4 * 0.3);
		// The old ceiling of 50 needed 8.5 s for the same (issue 21: 0.38x the HTTP Request node).
		expect(seconds).toBeLessThan((1000 / 50) * 0.3 * 0.6);
	});
});
