/**
 * Tasks with the same key take turns; different keys run in parallel; a failed task never blocks the next.
 * accountUpdate.ts keeps one for the whole process, keyed by account, so that read-modify-writes of one
 * phone number or Page from every run and execution in this process never overlap.
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
