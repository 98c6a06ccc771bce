import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { StaleReadError, type GraphClient } from '../transport/graph';
import { PerKeyQueue } from './perKeyQueue';

/*
 * A read-modify-write of one account (a phone number's call_hours, a Page's call settings) that does not
 * lose another writer's change, nor lose its own to another writer, whether that writer is an item of the
 * same run, another execution in this n8n process, or a queue-mode worker on another machine.
 *
 * Within a process, writes to one account take turns (one queue per account for the whole process).
 * Between processes nothing n8n offers a community node can lock, so Meta's own state is the truth:
 *   1. read, decide this item's change, write it — the write must leave within FRESH_READ_MS of the read
 *      (the transport refuses a later send and we read again);
 *   2. wait SETTLE_MS, until every write based on a read that could not yet see ours has landed;
 *   3. read again: if our change is there, done; if another writer's stale write dropped it, write our own
 *      change again onto what is there now (never our old full state, so their change stays) — at most
 *      MAX_WRITES times in all.
 * docs/architecture.md ("Concurrent writers") proves the bound and says what it assumes.
 */

/** A write leaves at most this long after the start of the read it is based on (enforced). */
export const FRESH_READ_MS = 2000;
/** Assumed: Meta applies a write at most this long after it left. */
export const WRITE_APPLIES_MS = 500;
/** Assumed: a read sees every write Meta applied at least this long before the read started. */
export const READ_LAG_MS = 250;
/** After this, no write that was based on a read blind to ours can still land. */
export const SETTLE_MS = FRESH_READ_MS + WRITE_APPLIES_MS + 2 * READ_LAG_MS;
/** Writes of one item's change in all (the first and up to three re-applications). */
export const MAX_WRITES = 4;
/** Reads that came too late to write from, in a row, before the item gives up. */
export const MAX_STALE_READS = 8;

/** What `decide` hands back: at least the change to hold; the operation adds what it reports about it. */
export interface Decision<Change> {
	change: Change;
}

export interface AccountUpdate<State, Change, D extends Decision<Change> = Decision<Change>> {
	/** The account: its base URL and ID, so that two credentials pointing elsewhere never wait for each other. */
	key: string;
	read(graph: GraphClient): Promise<State>;
	/** This item's decision, made on the first read. Throws (and nothing is written) when a rule breaks. */
	decide(current: State): D | Promise<D>;
	/** Sends what turns `current` into a state holding `change`; undefined when it holds it already. */
	write(graph: GraphClient, current: State, change: Change, decision: D): Promise<IDataObject | undefined>;
	/** Whether `current` holds the change (this item's part only: other fields are other writers'). */
	holds(current: State, change: Change): boolean;
}

export interface AccountUpdateOptions {
	/** Check after the write that no concurrent writer dropped it (default true). */
	verify: boolean;
	/** Dry run: read, decide and preview once; nothing is sent, so nothing to check. */
	dryRun: boolean;
}

export interface AccountUpdateResult<State, D> {
	/** The state the decision was made on. */
	before: State;
	decision: D;
	/** Meta's answer to the last write, or the dry-run preview; undefined when nothing had to be written. */
	answer?: IDataObject;
	/** Writes sent: 0 (nothing to change), 1, or more when a concurrent writer had dropped the change. */
	writes: number;
	/** The change was seen in a read SETTLE_MS after the last write (false without the check). */
	verified: boolean;
}

export interface PendingUpdate<State, D> {
	/** The state the decision was made on. */
	before: State;
	decision: D;
	/** Resolves once the change is checked (at once for a dry run, without the check, or with nothing written). */
	settled: Promise<AccountUpdateResult<State, D>>;
}

/** Time as the protocol sees it; tests pass a fake one and the timing rules run in milliseconds. */
export interface ProtocolClock {
	now(): number;
	sleep(ms: number): Promise<void>;
	/** 0 ≤ x < 1, for the jitter of later check rounds */
	random(): number;
}

const systemClock: ProtocolClock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms), random: () => Math.random() };

/** Accounts remembered beyond this many are forgotten once their last write is visible anyway. */
const REMEMBERED_WRITES = 1000;

/**
 * Everything the protocol remembers in one process: the queue each account's writes take turns in, and
 * when this process last wrote each account (its next read waits until Meta shows that write).
 */
export class AccountWriters {
	private readonly queue = new PerKeyQueue();
	private readonly lastWriteAt = new Map<string, number>();

	constructor(readonly clock: ProtocolClock = systemClock) {}

	async inTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
		return await this.queue.run(key, task);
	}

	/** Waits until this process's last write to `key` is visible to a read. */
	async untilOwnWriteVisible(key: string): Promise<void> {
		const wait = (this.lastWriteAt.get(key) ?? -Infinity) + READ_LAG_MS - this.clock.now();
		if (wait > 0) await this.clock.sleep(wait);
	}

	wrote(key: string): void {
		const now = this.clock.now();
		this.lastWriteAt.set(key, now);
		if (this.lastWriteAt.size > REMEMBERED_WRITES) this.forgetVisible(now);
	}

	/** How many accounts are remembered (a test checks the pruning). */
	get remembered(): number {
		return this.lastWriteAt.size;
	}

	private forgetVisible(now: number): void {
		for (const [key, at] of this.lastWriteAt) {
			if (at + READ_LAG_MS <= now) this.lastWriteAt.delete(key);
		}
	}
}

/** The one every run and execution of this n8n process shares. */
const processWriters = new AccountWriters();

export function accountKey(graph: GraphClient, accountId: string): string {
	return `${graph.apiRoot}|${accountId}`;
}

/** Only sends that leave by `sendBy` (epoch ms): the transport refuses later ones with StaleReadError. */
function sendingBy(graph: GraphClient, sendBy: number): GraphClient {
	return { ...graph, request: async (req) => await graph.request({ ...req, sendBy }) };
}

/** One account update in progress: what it needs at every turn. */
interface Run<State, Change, D extends Decision<Change>> {
	graph: GraphClient;
	update: AccountUpdate<State, Change, D>;
	writers: AccountWriters;
	node: INode;
}

interface Round<State> {
	current: State;
	answer?: IDataObject;
	wrote: boolean;
}

type Attempt = { stale: true } | { stale: false; answer: IDataObject | undefined };

/** Writes from `current` within FRESH_READ_MS of `readStartedAt`; a send that could not leave in time is `stale`. */
async function writeWhileFresh<State, Change, D extends Decision<Change>>(
	run: Run<State, Change, D>,
	readStartedAt: number,
	current: State,
	decision: D,
): Promise<Attempt> {
	const graph = sendingBy(run.graph, readStartedAt + FRESH_READ_MS);
	// Only a stale read is caught; every other error is the item's own and passes through as it is.
	const stale = async (error: unknown): Promise<Attempt> => {
		if (error instanceof StaleReadError) return { stale: true };
		return await Promise.reject(error);
	};
	return await run.update.write(graph, current, decision.change, decision).then((answer): Attempt => ({ stale: false, answer }), stale);
}

function tooSlowError(node: INode): NodeOperationError {
	return new NodeOperationError(node, 'Meta was too slow to answer: the settings read could not be written back while still fresh', {
		description: `${MAX_STALE_READS} reads in a row were older than ${FRESH_READ_MS / 1000} s before the write could leave (rate limits or slow answers). Nothing was written; run it again later.`,
	});
}

/**
 * One turn of the account: read (after this process's last write is visible), then write what the
 * decision still misses. A read too old to write from is read again, at most MAX_STALE_READS times.
 */
async function turn<State, Change, D extends Decision<Change>>(
	run: Run<State, Change, D>,
	decisionOn: (current: State) => D | Promise<D>,
): Promise<Round<State> & { decision: D }> {
	const { update, writers } = run;
	return await writers.inTurn(update.key, async () => {
		for (let staleReads = 0; staleReads < MAX_STALE_READS; staleReads++) {
			await writers.untilOwnWriteVisible(update.key);
			const readStartedAt = writers.clock.now();
			const current = await update.read(run.graph);
			const decision = await decisionOn(current);
			const attempt = await writeWhileFresh(run, readStartedAt, current, decision);
			if (attempt.stale) continue;
			if (attempt.answer === undefined) return { current, decision, wrote: false };
			writers.wrote(update.key);
			return { current, decision, answer: attempt.answer, wrote: true };
		}
		throw tooSlowError(run.node);
	});
}

/**
 * Reads the account, lets `decide` make this item's decision and writes its change, then hands back the
 * decision with a promise that checks, SETTLE_MS later, that the change is still there, writing it again
 * when a concurrent writer dropped it (unless `verify` is off or this is a dry run). Rule errors of
 * `decide` and Meta's errors pass through. `writers` is the process's own unless a test passes a fresh one.
 */
export async function updateAccount<State, Change, D extends Decision<Change>>(
	graph: GraphClient,
	update: AccountUpdate<State, Change, D>,
	options: AccountUpdateOptions,
	node: INode,
	writers: AccountWriters = processWriters,
): Promise<PendingUpdate<State, D>> {
	const run: Run<State, Change, D> = { graph, update, writers, node };
	let decided: D | undefined;
	const first = await turn(run, async (current) => (decided ??= await update.decide(current)));
	const result: AccountUpdateResult<State, D> = {
		before: first.current,
		decision: first.decision,
		answer: first.answer,
		writes: first.wrote ? 1 : 0,
		verified: false,
	};
	const done = options.dryRun || !options.verify || !first.wrote;
	return { before: first.current, decision: first.decision, settled: done ? Promise.resolve(result) : settle(run, result) };
}

/** Waits until no stale write can still land, reads again, and writes the change again while it is missing. */
async function settle<State, Change, D extends Decision<Change>>(
	run: Run<State, Change, D>,
	result: AccountUpdateResult<State, D>,
): Promise<AccountUpdateResult<State, D>> {
	const { update, writers } = run;
	const rewrite: Run<State, Change, D> = {
		...run,
		update: {
			...update,
			write: async (g, current, change, decision) => {
				if (update.holds(current, change)) return undefined;
				if (result.writes >= MAX_WRITES) throw overwrittenError(run.node, result.writes);
				return await update.write(g, current, change, decision);
			},
		},
	};
	for (;;) {
		// Later rounds wait a little longer, at random, so that two writers who keep dropping each other's
		// change stop meeting in step.
		const jitter = result.writes > 1 ? writers.clock.random() * SETTLE_MS * 0.5 : 0;
		await writers.clock.sleep(SETTLE_MS + jitter);
		const again = await turn(rewrite, () => result.decision);
		if (!again.wrote) return { ...result, verified: true };
		result.writes++;
		result.answer = again.answer;
	}
}

/**
 * What an item says of its writes, the same in both nodes: `writes: 0` alone when nothing had to be
 * written (nothing to check); after a write also `verified` (false only when the check was turned off).
 */
export function writesReport({ writes, verified }: { writes: number; verified: boolean }): IDataObject {
	return writes === 0 ? { writes } : { writes, verified };
}

function overwrittenError(node: INode, writes: number): NodeOperationError {
	return new NodeOperationError(node, `Another writer replaced this change ${writes} times in a row`, {
		description:
			`This item's change was written ${writes} times and each time a concurrent execution (another item, workflow or n8n worker writing the same account) wrote older settings over it. Other writers' changes were kept. Run the item again, or let fewer executions change the same account at once.`,
	});
}
