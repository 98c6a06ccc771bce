/**
 * Items run concurrently, but some operations read settings, change them and write them back whole (a
 * WhatsApp holiday change rewrites all call_hours; a Messenger close snapshots, then closes). Two items doing
 * that to the same account at once would both read the old state and the second write would undo the first.
 * So such a read-modify-write waits for the previous one on the same key (phone number or Page) to finish;
 * different accounts still run in parallel.
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
