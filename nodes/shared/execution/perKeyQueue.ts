/**
 * Items run concurrently, but a holiday operation is a read-modify-write of the number's whole call_hours:
 * two items changing the same number at once would both read the old schedule and the second write would
 * drop the first one's holiday. So the read-modify-write of one number waits for the previous one of the
 * same number to finish; different numbers still run in parallel.
 */
export class PerKeyQueue {
	private readonly tails = new Map<string, Promise<unknown>>();

	async run<T>(key: string, task: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		// A failure of the previous task is that item's own error; the next one runs regardless.
		const current = previous.then(task, task);
		const settled = current.then(
			() => undefined,
			() => undefined,
		);
		this.tails.set(key, settled);
		try {
			return await current;
		} finally {
			if (this.tails.get(key) === settled) this.tails.delete(key);
		}
	}
}

// One queue per node run: runItems creates one GraphClient per execution and hands it to every item.
const queues = new WeakMap<object, PerKeyQueue>();

export function queueFor(run: object): PerKeyQueue {
	let queue = queues.get(run);
	if (!queue) {
		queue = new PerKeyQueue();
		queues.set(run, queue);
	}
	return queue;
}
