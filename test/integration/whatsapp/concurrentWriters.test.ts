import { DEMO, berlinDate, jsonOf, runWhatsApp, useSandbox } from './setup';

/*
 * Read-modify-writes of one number by writers that do not share a run: separate executions in this
 * process (one queue per account for the whole process), and a writer elsewhere whose stale write lands
 * after ours (the check a settle time later writes this item's change again, keeping theirs).
 */

const sandbox = useSandbox();

const addHoliday = (date: string, extra: Record<string, unknown> = {}) => ({
	resource: 'holidaySchedule',
	operation: 'add',
	holidaysInput: 'json',
	holidaysJson: JSON.stringify([date]),
	...extra,
});

const storedDates = () =>
	(sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours?.holiday_schedule ?? []).map((h) => h.date).sort();

const settingsPath = `/${DEMO.phoneNumberId}/settings`;

async function untilRequest(predicate: (method: string) => boolean, count: number, timeoutMs = 10000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (sandbox.current.requests.filter((r) => r.path === settingsPath && predicate(r.method)).length < count) {
		if (Date.now() > deadline) throw new Error('the node did not send the expected requests in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe('concurrent writers of one number', () => {
	it('10 executions at once, each adding its own holiday: all 10 are stored', async () => {
		sandbox.current.setLatency(20);
		const dates = Array.from({ length: 10 }, (_, i) => berlinDate(i + 3));
		const runs = await Promise.all(dates.map(async (date) => await runWhatsApp(sandbox.current, addHoliday(date))));
		expect(runs.map((run) => run.error)).toEqual(dates.map(() => undefined));
		expect(storedDates()).toEqual(dates);
	});

	it('still all stored when Meta shows a write to readers only 200 ms later', async () => {
		sandbox.current.setLatency(20);
		sandbox.current.setReadLag(200);
		const dates = Array.from({ length: 6 }, (_, i) => berlinDate(i + 3));
		const runs = await Promise.all(dates.map(async (date) => await runWhatsApp(sandbox.current, addHoliday(date))));
		expect(runs.map((run) => run.error)).toEqual(dates.map(() => undefined));
		sandbox.current.setReadLag(0);
		expect(storedDates()).toEqual(dates);
	});

	it("a writer elsewhere whose stale write drops our holiday: ours is written again, theirs is kept", async () => {
		const ours = berlinDate(5);
		const theirs = berlinDate(9);
		// The other writer reads before our write...
		const staleRead = structuredClone(sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours!);
		const run = runWhatsApp(sandbox.current, addHoliday(ours));
		// ...and writes its change onto that read once ours has landed, as a worker on another machine might.
		await untilRequest((m) => m === 'POST', 1);
		const response = await fetch(`${sandbox.current.url}/v26.0${settingsPath}`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${DEMO.accessToken}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				calling: { call_hours: { ...staleRead, holiday_schedule: [{ date: theirs, start_time: '0000', end_time: '2359' }] } },
			}),
		});
		expect(response.status).toBe(200);
		expect(storedDates()).toEqual([theirs]);

		const [out] = jsonOf(await run);
		expect(storedDates()).toEqual([ours, theirs]);
		expect(out).toMatchObject({ success: true, added: [ours], writes: 2, verified: true });
	});

	it('reads again when the write could not leave while the read was fresh', async () => {
		sandbox.current.addFault({ kind: 'latency', method: 'GET', path: settingsPath, latencyMs: 2300, times: 1 });
		const [out] = jsonOf(await runWhatsApp(sandbox.current, addHoliday(berlinDate(4))));
		expect(out).toMatchObject({ writes: 1, verified: true });
		expect(sandbox.current.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'GET']);
		expect(storedDates()).toEqual([berlinDate(4)]);
	});

	it('with the check off: one read, one write, nothing afterwards', async () => {
		const [out] = jsonOf(await runWhatsApp(sandbox.current, addHoliday(berlinDate(4), { options: { verifyWrites: false } })));
		expect(out).toMatchObject({ writes: 1, verified: false });
		expect(sandbox.current.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
	});
});
