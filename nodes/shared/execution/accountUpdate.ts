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
const MAX_STALE_READS = 8;

export interface AccountUpdate<State, Change> {
	/** The account: its base URL and ID, so that two credentials pointing elsewhere never wait for each other. */
	key: string;
	read(graph: GraphClient): Promise<State>;
	/** This item's change, decided on the first read. Throws (and nothing is written) when a rule breaks. */
	decide(current: State): Change;
	/** Sends what turns `current` into a state holding `change`; undefined when it holds it already. */
	write(graph: GraphClient, current: State, change: Change): Promise<IDataObject | undefined>;
	/** Whether `current` holds the change (this item's part only: other fields are other writers'). */
	holds(current: State, change: Change): boolean;
}

export interface AccountUpdateOptions {
	/** Check after the write that no concurrent writer dropped it (default true). */
	verify: boolean;
	/** Dry run: read, decide and preview once; nothing is sent, so nothing to check. */
	dryRun: boolean;
}

export interface AccountUpdateResult<State, Change> {
	/** The state the change was decided on. */
	before: State;
	change: Change;
	/** Meta's answer to the last write, or the dry-run preview; undefined when nothing had to be written. */
	answer?: IDataObject;
	/** Writes sent: 0 (nothing to change), 1, or more when a concurrent writer had dropped the change. */
	writes: number;
	/** The change was seen in a read SETTLE_MS after the last write (false without the check). */
	verified: boolean;
}

/** One queue per account for the whole n8n process: every run and every execution shares it. */
const processQueue = new PerKeyQueue();
/** When this process last wrote each account: its next read waits until Meta shows that write. */
const lastWriteAt = new Map<string, number>();

export function accountKey(graph: GraphClient, accountId: string): string {
	return `${graph.apiRoot}|${accountId}`;
}

/** Only sends that leave by `sendBy` (epoch ms): the transport refuses later ones with StaleReadError. */
function sendingBy(graph: GraphClient, sendBy: number): GraphClient {
	return { ...graph, request: async (req) => await graph.request({ ...req, sendBy }) };
}

async function untilOwnWriteVisible(key: string): Promise<void> {
	const visibleAt = (lastWriteAt.get(key) ?? 0) + READ_LAG_MS;
	const wait = visibleAt - Date.now();
	if (wait > 0) await sleep(wait);
}

interface Round<State> {
	current: State;
	answer?: IDataObject;
	wrote: boolean;
}

/**
 * One turn of the account: read (after this process's last write is visible), decide the change on the
 * first turn, and write what is missing. A read too old to write from is read again.
 */
async function turn<State, Change>(
	graph: GraphClient,
	update: AccountUpdate<State, Change>,
	decided: { change?: Change },
	node: INode,
): Promise<Round<State>> {
	return await processQueue.run(update.key, async () => {
		for (let staleReads = 0; ; staleReads++) {
			await untilOwnWriteVisible(update.key);
			const readStartedAt = Date.now();
			const current = await update.read(graph);
			decided.change ??= update.decide(current);
			const answer = await update
				.write(sendingBy(graph, readStartedAt + FRESH_READ_MS), current, decided.change)
				.then(
					(value) => ({ stale: false as const, value }),
					(error: unknown) => {
						if (error instanceof StaleReadError) return { stale: true as const };
						throw error;
					},
				);
			if (!answer.stale) {
				if (answer.value === undefined) return { current, wrote: false };
				lastWriteAt.set(update.key, Date.now());
				return { current, answer: answer.value, wrote: true };
			}
			if (staleReads + 1 >= MAX_STALE_READS) {
				throw new NodeOperationError(node, 'Meta was too slow to answer: the settings read could not be written back while still fresh', {
					description: `${MAX_STALE_READS} reads in a row were older than ${FRESH_READ_MS / 1000} s before the write could leave (rate limits or slow answers). Nothing was written; run it again later.`,
				});
			}
		}
	});
}

export interface PendingUpdate<State, Change> {
	/** The state the change was decided on. */
	before: State;
	change: Change;
	/** Resolves once the change is checked (at once for a dry run, without the check, or with nothing written). */
	settled: Promise<AccountUpdateResult<State, Change>>;
}

/**
 * Reads the account, decides this item's change and writes it, then hands back a promise that checks,
 * SETTLE_MS later, that the change is still there, writing it again when a concurrent writer dropped it
 * (unless `verify` is off or this is a dry run). Rule errors of `decide` and Meta's errors pass through.
 */
export async function updateAccount<State, Change>(
	graph: GraphClient,
	update: AccountUpdate<State, Change>,
	options: AccountUpdateOptions,
	node: INode,
): Promise<PendingUpdate<State, Change>> {
	const decided: { change?: Change } = {};
	const first = await turn(graph, update, decided, node);
	const change = decided.change as Change;
	const result: AccountUpdateResult<State, Change> = {
		before: first.current,
		change,
		answer: first.answer,
		writes: first.wrote ? 1 : 0,
		verified: false,
	};
	const done = options.dryRun || !options.verify || !first.wrote;
	return { before: first.current, change, settled: done ? Promise.resolve(result) : settle(graph, update, decided, node, result) };
}

/** Waits until no stale write can still land, reads again, and writes the change again while it is missing. */
async function settle<State, Change>(
	graph: GraphClient,
	update: AccountUpdate<State, Change>,
	decided: { change?: Change },
	node: INode,
	result: AccountUpdateResult<State, Change>,
): Promise<AccountUpdateResult<State, Change>> {
	const rewrite: AccountUpdate<State, Change> = {
		...update,
		write: async (g, current, change) => {
			if (update.holds(current, change)) return undefined;
			if (result.writes >= MAX_WRITES) throw overwrittenError(node, result.writes);
			return await update.write(g, current, change);
		},
	};
	for (;;) {
		// Later rounds wait a little longer, at random, so that two writers who keep dropping each other's
		// change stop meeting in step.
		const jitter = result.writes > 1 ? Math.random() * SETTLE_MS * 0.5 : 0;
		await sleep(SETTLE_MS + jitter);
		const again = await turn(graph, rewrite, decided, node);
		if (!again.wrote) {
			result.verified = true;
			return result;
		}
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
