import type { IDataObject, INode } from 'n8n-workflow';

import {
	AccountWriters,
	FRESH_READ_MS,
	MAX_STALE_READS,
	MAX_WRITES,
	READ_LAG_MS,
	SETTLE_MS,
	updateAccount,
	type AccountUpdate,
	type ProtocolClock,
} from '../../../nodes/shared/execution/accountUpdate';
import { StaleReadError, type GraphClient, type GraphRequest } from '../../../nodes/shared/transport/graph';

/*
 * The account-update protocol's timing rules on a fake clock: time moves only when the protocol sleeps or
 * the fake account says a read or write took long, so every rule is checked exactly and in milliseconds.
 */

const node: INode = { id: 'n', name: 'N', type: 'test.node', typeVersion: 1, position: [0, 0], parameters: {} };

class FakeClock implements ProtocolClock {
	time = 1_000_000;
	readonly sleeps: number[] = [];
	now(): number {
		return this.time;
	}
	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		this.time += ms;
	}
	random(): number {
		return 0.5;
	}
}

/** One account holding a set of tags; each item's change is one tag to add. */
class FakeAccount {
	tags = new Set<string>();
	readonly reads: number[] = [];
	readonly writes: Array<{ at: number; tags: string[] }> = [];
	/** how long each next read takes (ms), consumed in order */
	readDurations: number[] = [];
	/** runs after every write lands: a concurrent writer */
	afterWrite?: () => void;

	constructor(readonly clock: FakeClock) {}

	/** The transport's freshness rule as the protocol relies on it: a write never leaves after its sendBy. */
	client(): GraphClient {
		const request = async (req: GraphRequest): Promise<IDataObject> => {
			if (req.sendBy !== undefined && this.clock.now() > req.sendBy) throw new StaleReadError();
			const tags = (req.body?.tags as string[]) ?? [];
			this.tags = new Set(tags);
			this.writes.push({ at: this.clock.now(), tags });
			this.afterWrite?.();
			return { success: true };
		};
		return { apiRoot: 'fake', request } as unknown as GraphClient;
	}

	update(tag: string, decisions: { count: number }): AccountUpdate<string[], string, { change: string; seen: number }> {
		return {
			key: 'fake|1',
			read: async () => {
				this.reads.push(this.clock.now());
				this.clock.time += this.readDurations.shift() ?? 0;
				return [...this.tags];
			},
			decide: (current) => {
				decisions.count++;
				return { change: tag, seen: current.length };
			},
			write: async (graph, current, change) =>
				current.includes(change) ? undefined : await graph.request({ method: 'POST', path: '/1', body: { tags: [...current, change] } }),
			holds: (current, change) => current.includes(change),
		};
	}
}

function setUp() {
	const clock = new FakeClock();
	const account = new FakeAccount(clock);
	const writers = new AccountWriters(clock);
	const decisions = { count: 0 };
	const run = async (tag: string, options = { verify: true, dryRun: false }) =>
		await updateAccount(account.client(), account.update(tag, decisions), options, node, writers);
	return { clock, account, writers, decisions, run };
}

describe('account update protocol (fake clock)', () => {
	it('returns the decision made on the first read with the outcome, and verifies one SETTLE_MS later', async () => {
		const { clock, account, run } = setUp();
		account.tags.add('other');
		const start = clock.now();
		const pending = await run('mine');
		expect(pending.decision).toEqual({ change: 'mine', seen: 1 });
		expect(pending.before).toEqual(['other']);
		const result = await pending.settled;
		expect(result).toMatchObject({ writes: 1, verified: true, decision: { change: 'mine', seen: 1 }, answer: { success: true } });
		expect(account.reads).toEqual([start, start + SETTLE_MS]);
		expect([...account.tags].sort()).toEqual(['mine', 'other']);
	});

	it('reads again when the read is too old to write from, deciding only once', async () => {
		const { account, decisions, run } = setUp();
		account.readDurations = [FRESH_READ_MS + 1, 0];
		const result = await (await run('mine')).settled;
		expect(account.reads).toHaveLength(3); // stale read, fresh read, check read
		expect(decisions.count).toBe(1);
		expect(result.writes).toBe(1);
	});

	it('gives up after MAX_STALE_READS reads in a row too old to write from, having written nothing', async () => {
		const { account, run } = setUp();
		account.readDurations = Array.from({ length: 20 }, () => FRESH_READ_MS + 1);
		await expect(run('mine')).rejects.toThrow('Meta was too slow to answer');
		expect(account.reads).toHaveLength(MAX_STALE_READS);
		expect(account.writes).toHaveLength(0);
	});

	it('writes only its own change again onto what a concurrent writer left, keeping their change', async () => {
		const { account, run } = setUp();
		account.afterWrite = () => {
			account.afterWrite = undefined;
			account.tags = new Set(['theirs']); // a stale writer's full state, without ours
		};
		const result = await (await run('mine')).settled;
		expect(result).toMatchObject({ writes: 2, verified: true });
		expect([...account.tags].sort()).toEqual(['mine', 'theirs']);
	});

	it('stops after MAX_WRITES writes when every one is dropped, waiting longer (with jitter) in later rounds', async () => {
		const { clock, account, run } = setUp();
		account.afterWrite = () => void (account.tags = new Set(['theirs']));
		const pending = await run('mine');
		await expect(pending.settled).rejects.toThrow(`Another writer replaced this change ${MAX_WRITES} times in a row`);
		expect(account.writes).toHaveLength(MAX_WRITES);
		const settleWaits = clock.sleeps.filter((ms) => ms >= SETTLE_MS);
		expect(settleWaits[0]).toBe(SETTLE_MS);
		expect(settleWaits[2]).toBe(SETTLE_MS * 1.25);
	});

	it('writes nothing and checks nothing when the account already holds the change', async () => {
		const { account, run } = setUp();
		account.tags.add('mine');
		const result = await (await run('mine')).settled;
		expect(result).toMatchObject({ writes: 0, verified: false });
		expect(account.reads).toHaveLength(1);
	});

	it('does not read again when the check is off', async () => {
		const { account, run } = setUp();
		const result = await (await run('mine', { verify: false, dryRun: false })).settled;
		expect(result).toMatchObject({ writes: 1, verified: false });
		expect(account.reads).toHaveLength(1);
	});

	it("waits READ_LAG_MS after this process's own write before the account's next read", async () => {
		const { clock, account, run } = setUp();
		await run('first', { verify: false, dryRun: false });
		const wroteAt = account.writes[0].at;
		await run('second', { verify: false, dryRun: false });
		expect(account.reads[1]).toBe(wroteAt + READ_LAG_MS);
		expect(clock.sleeps).toEqual([READ_LAG_MS]);
	});

	it('forgets accounts whose last write is visible once it remembers more than 1,000', async () => {
		const { clock, writers } = setUp();
		for (let i = 0; i < 1000; i++) writers.wrote(`old|${i}`);
		expect(writers.remembered).toBe(1000);
		clock.time += READ_LAG_MS;
		writers.wrote('new|1');
		expect(writers.remembered).toBe(1);
	});
});
