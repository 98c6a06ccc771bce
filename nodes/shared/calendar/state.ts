import type { Closure } from './types';

/*
 * "Is a closure in force at this moment, and when does that next change?" for a schedule that runs every
 * few minutes (Messenger's Sync Closure From Calendar, the availability check).
 */

/** Overlapping or touching closures joined, so one long closure made of several events reads as one. */
function joinClosures(closures: readonly Closure[]): Closure[] {
	const joined: Closure[] = [];
	for (const closure of [...closures].sort((a, b) => a.start - b.start)) {
		const last = joined[joined.length - 1];
		if (last && closure.start <= last.end) {
			if (closure.end > last.end) last.end = closure.end;
			if (closure.summary && !last.summary.split(' + ').includes(closure.summary)) {
				last.summary = last.summary ? `${last.summary} + ${closure.summary}` : closure.summary;
			}
		} else {
			joined.push({ ...closure });
		}
	}
	return joined;
}

export interface ClosureState {
	/** the (joined) closure in force at the moment, if any */
	active: Closure | undefined;
	/** when the state flips next: the end of the active closure, or the start of the next one (undefined: none known) */
	nextChangeAt: number | undefined;
}

export function closureStateAt(closures: readonly Closure[], at: number): ClosureState {
	const joined = joinClosures(closures);
	const active = joined.find((closure) => closure.start <= at && at < closure.end);
	if (active) return { active, nextChangeAt: active.end };
	const next = joined.find((closure) => closure.start > at);
	return { active: undefined, nextChangeAt: next?.start };
}
