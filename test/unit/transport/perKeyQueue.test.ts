import { PerKeyQueue } from '../../../nodes/shared/execution/perKeyQueue';

/** A task that records when it starts and ends, and finishes when the test says so. */
function controlled(log: string[], name: string, fail = false) {
	let finish!: () => void;
	const gate = new Promise<void>((resolve) => (finish = resolve));
	const task = async () => {
		log.push(`${name} start`);
		await gate;
		log.push(`${name} end`);
		if (fail) throw new Error(`${name} failed`);
		return name;
	};
	return { task, finish };
}

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('PerKeyQueue', () => {
	it('runs tasks of one key one after another, in call order', async () => {
		const queue = new PerKeyQueue();
		const log: string[] = [];
		const a = controlled(log, 'a');
		const b = controlled(log, 'b');
		const results = [queue.run('n1', a.task), queue.run('n1', b.task)];
		await tick();
		expect(log).toEqual(['a start']);
		b.finish();
		await tick();
		expect(log).toEqual(['a start']);
		a.finish();
		expect(await Promise.all(results)).toEqual(['a', 'b']);
		expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
	});

	it('runs tasks of different keys at the same time', async () => {
		const queue = new PerKeyQueue();
		const log: string[] = [];
		const a = controlled(log, 'a');
		const b = controlled(log, 'b');
		const results = [queue.run('n1', a.task), queue.run('n2', b.task)];
		await tick();
		expect(log).toEqual(['a start', 'b start']);
		b.finish();
		a.finish();
		expect(await Promise.all(results)).toEqual(['a', 'b']);
	});

	it('a failing task fails only its own caller; the next one still runs', async () => {
		const queue = new PerKeyQueue();
		const log: string[] = [];
		const a = controlled(log, 'a', true);
		const b = controlled(log, 'b');
		const first = queue.run('n1', a.task);
		const second = queue.run('n1', b.task);
		a.finish();
		b.finish();
		await expect(first).rejects.toThrow('a failed');
		await expect(second).resolves.toBe('b');
	});
});
