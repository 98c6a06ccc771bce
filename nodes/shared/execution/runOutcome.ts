/**
 * What became of each item of a run that stopped on a failure, in words a user can scope a re-run with.
 * Pure: runItems records the states, this only describes them.
 */

export type ItemState =
	/** the item's requests were answered with success (or, with dry run, described) */
	| 'applied'
	/** Meta refused the item, or a rule broke before its write */
	| 'failed'
	/** a request that must not be repeated lost its answer: Meta may or may not have acted on it */
	| 'unknown'
	/** the run stopped before the item was started */
	| 'notStarted';

const NOT_APPLIED_REASON = { failed: 'failed', notStarted: 'not started' } as const;

/** Consecutive indexes as ranges: [0, 1, 2, 5] -> "0-2, 5". */
function ranges(indexes: readonly number[]): string[] {
	const parts: string[] = [];
	let start = 0;
	for (let i = 1; i <= indexes.length; i++) {
		if (i < indexes.length && indexes[i] === indexes[i - 1] + 1) continue;
		const first = indexes[start];
		const last = indexes[i - 1];
		parts.push(first === last ? String(first) : `${first}-${last}`);
		start = i;
	}
	return parts;
}

function itemList(indexes: readonly number[]): string {
	return `${indexes.length === 1 ? 'item' : 'items'} ${ranges(indexes).join(', ')}`;
}

function indexesIn(states: readonly ItemState[], wanted: ItemState): number[] {
	return states.flatMap((state, index) => (state === wanted ? [index] : []));
}

/**
 * "Applied: items 0, 2. Not applied: items 1 (failed), 3-9 (not started)." Items not applied are grouped
 * into runs of the same state, in input order; items whose outcome is unknown get a sentence of their own.
 */
export function describeRunOutcome(states: readonly ItemState[]): string {
	const applied = indexesIn(states, 'applied');
	const unknown = indexesIn(states, 'unknown');
	const groups: Array<{ state: keyof typeof NOT_APPLIED_REASON; indexes: number[] }> = [];
	states.forEach((state, index) => {
		if (state !== 'failed' && state !== 'notStarted') return;
		const last = groups[groups.length - 1];
		if (last && last.state === state && last.indexes[last.indexes.length - 1] === index - 1) last.indexes.push(index);
		else groups.push({ state, indexes: [index] });
	});
	const notAppliedCount = groups.reduce((sum, group) => sum + group.indexes.length, 0);
	const notApplied = groups.map((group) => `${ranges(group.indexes).join(', ')} (${NOT_APPLIED_REASON[group.state]})`);

	const sentences = [
		applied.length > 0 ? `Applied: ${itemList(applied)}.` : 'Applied: none.',
		notAppliedCount > 0 ? `Not applied: ${notAppliedCount === 1 ? 'item' : 'items'} ${notApplied.join(', ')}.` : 'Not applied: none.',
	];
	if (unknown.length > 0) {
		sentences.push(`Unknown: ${itemList(unknown)} (the answer was lost; check at Meta before running it again).`);
	}
	return sentences.join(' ');
}
