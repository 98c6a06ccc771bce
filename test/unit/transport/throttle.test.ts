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
});
