import { FREE_RAMP_WINDOW } from '../../../nodes/shared/transport/congestion';
import { RequestThrottle } from '../../../nodes/shared/transport/throttle';

describe('RequestThrottle', () => {
	it('admits at most the window and lets the next one in on release', async () => {
		const throttle = new RequestThrottle(2);
		const admitted: number[] = [];
		const tickets = [0, 1, 2, 3].map(async (n) => {
			const ticket = await throttle.acquire();
			admitted.push(n);
			return ticket;
		});
		await Promise.resolve();
		await Promise.resolve();
		expect(admitted).toEqual([0, 1]);
		expect(throttle.active).toBe(2);
		throttle.release(await tickets[0], 'clean');
		await tickets[2];
		expect(admitted).toEqual([0, 1, 2]);
		expect(throttle.active).toBe(2);
	});

	it('gives the next free slot to a request that must leave soon, before the queued ones', async () => {
		const throttle = new RequestThrottle(1);
		const holder = await throttle.acquire();
		const admitted: string[] = [];
		const enter = async (name: string, urgent: boolean) => {
			const ticket = await throttle.acquire(urgent);
			admitted.push(name);
			return ticket;
		};
		const read1 = enter('read 1', false);
		const read2 = enter('read 2', false);
		const write = enter('write', true);
		expect(throttle.tryAcquire(true)).toBeUndefined(); // the window is full
		throttle.release(holder, 'clean');
		throttle.release(await write, 'clean');
		throttle.release(await read1, 'clean');
		await read2;
		expect(admitted).toEqual(['write', 'read 1', 'read 2']);
	});

	it('opens one shared pause: a second limit answer joins it instead of extending it', () => {
		let now = 1000;
		const throttle = new RequestThrottle('auto', () => now);
		const first = throttle.tryAcquire()!;
		const second = throttle.tryAcquire()!;
		throttle.openPause(first, 500);
		expect(throttle.pauseRemainingMs()).toBe(500);
		now += 100;
		throttle.openPause(second, 5000);
		expect(throttle.pauseRemainingMs()).toBe(400);
		expect(throttle.consecutivePauses).toBe(1);
		now += 400;
		// A refusal of a request sent before that pause began is old news: no new pause.
		throttle.openPause(second, 300);
		expect(throttle.pauseRemainingMs()).toBe(0);
		// A request sent after the pause that is refused again opens the next, longer one.
		const third = throttle.tryAcquire()!;
		throttle.openPause(third, 300);
		expect(throttle.pauseRemainingMs()).toBe(300);
		expect(throttle.consecutivePauses).toBe(2);
	});

	it('shrinks the window on congestion and resets the pause streak on a clean answer', async () => {
		const throttle = new RequestThrottle('auto');
		const ticket = await throttle.acquire();
		throttle.openPause(ticket, 0);
		throttle.release(ticket, 'limited');
		expect(throttle.limit).toBe(2);
		expect(throttle.consecutivePauses).toBe(1);
		throttle.release(await throttle.acquire(), 'neutral');
		expect(throttle.consecutivePauses).toBe(1);
		throttle.release(await throttle.acquire(), 'highUsage');
		expect(throttle.consecutivePauses).toBe(0);
	});

	it('paces sends over the round trip: a full window leaves one every round trip / window, not in one burst', () => {
		let now = 0;
		const throttle = new RequestThrottle(50, () => now);
		// Nothing is known before the first answer: no wait.
		expect(throttle.paceMs()).toBe(0);
		throttle.recordRoundTrip(100);
		const waits = Array.from({ length: 5 }, () => throttle.paceMs());
		// The first free send leaves at once, the next ones 2 ms (100 ms / 50) apart.
		expect(waits.slice(1).map((w, i) => w - waits[i])).toEqual([2, 2, 2, 2]);
		// Time that has passed counts: a sender coming later waits only for what is left of the schedule.
		now += 100;
		expect(throttle.paceMs()).toBe(0);
	});

	it('in slow start paces at the size the window grows to within the round trip, not at its size now', () => {
		const now = 0;
		const throttle = new RequestThrottle('auto', () => now); // window 4, slow start
		throttle.recordRoundTrip(300);
		throttle.paceMs();
		// The window grows 2^(300 / 50) = 64-fold in this round trip: sends may leave 300 ms / (4 x 64) apart,
		// not 300 / 4 = 75 ms (nor 300 / 28 ms, which held a far path's ramp to growing 7-fold per round trip).
		expect(throttle.paceMs()).toBeCloseTo(300 / 256);
	});

	it('before the first answer sends as slow start on a 50 ms path would: 4 at once, doubling every 50 ms, up to 50', () => {
		let now = 1000;
		const throttle = new RequestThrottle('auto', () => now);
		expect(throttle.limit).toBe(FREE_RAMP_WINDOW);
		const leaves = Array.from({ length: FREE_RAMP_WINDOW }, () => throttle.paceMs());
		const count = (ms: number) => leaves.filter((wait) => wait === ms).length;
		expect([count(0), count(50), count(100), count(150), count(200)]).toEqual([4, 4, 8, 16, 18]);
		// Time that has passed counts: a send 120 ms after the first leaves on the 150 ms step's schedule or later.
		now += 120;
		expect(throttle.paceMs()).toBe(80);
		// The first answer of any kind ends it: the window is the congestion window again (4, halved: 2).
		throttle.release(throttle.tryAcquire()!, 'limited');
		expect(throttle.limit).toBe(2);
		expect(throttle.paceMs()).toBe(0);
	});

	it('a fixed concurrency has no blind start: its size at once, unpaced until a round trip is known', () => {
		const throttle = new RequestThrottle(10, () => 0);
		expect(throttle.limit).toBe(10);
		expect(Array.from({ length: 10 }, () => throttle.paceMs())).toEqual(Array(10).fill(0));
		// An answered round trip alone also ends an automatic window's blind start.
		const auto = new RequestThrottle('auto', () => 0);
		auto.recordRoundTrip(300);
		expect(auto.limit).toBe(4);
	});

	it('round-trip estimate: smoothed like TCP (7/8 old, 1/8 new), so one slow answer does not stall the pace', () => {
		const now = 0;
		const throttle = new RequestThrottle(10, () => now);
		throttle.recordRoundTrip(100);
		throttle.recordRoundTrip(900);
		throttle.paceMs();
		// 0.875 * 100 + 0.125 * 900 = 200 ms over a window of 10: 20 ms apart.
		expect(throttle.paceMs()).toBe(20);
	});
});

