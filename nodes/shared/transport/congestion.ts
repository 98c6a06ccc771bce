/*
 * Adaptive concurrency window, after TCP congestion control (pure: every function returns a new state).
 *
 * - Slow start: below the threshold each clean answer adds one slot, so the window doubles per round trip.
 * - Congestion avoidance: above it each clean answer adds 1/window, so the window grows by one per round trip.
 * - Multiplicative decrease: a rate-limit answer halves the window and sets the threshold there. Like TCP's
 *   fast recovery, one decrease per round trip: answers to requests sent before the last decrease (an older
 *   epoch) report the old congestion again and are ignored.
 * - Usage headers above 80 % halve the window too while it is still ramping up (slow start, where it doubles
 *   per round trip and overshoots fastest), which ends slow start. In additive increase they change nothing:
 *   the usage figure covers a long span (an hour at Meta, a second in the sandbox) and stays high for many
 *   round trips after a cut, so halving on it drives the window to 1, and even merely holding the window
 *   there kept throughput at 75-80 % of the limit in a simulation of a sliding-window limit (1.26x the
 *   rate-limit bound, against 1.10x when only refusals cut the window in additive increase).
 * - Slow start adds roundTrip / RAMP_STEP_MS slots per clean answer (at least one): it grows about as fast
 *   in time on a 300 ms path as on a 50 ms one, where the window a rate needs is six times smaller.
 * - Beyond FREE_RAMP_WINDOW slow start goes on only while Meta's usage headers report at most
 *   RAMP_USAGE_PERCENT (or none): an answer reporting more ends it there, so a limit near that size is met
 *   in additive increase, as under the old ceiling of 50, instead of by doubling into it.
 * A fixed concurrency turns all of this off; it may say 1-50, while auto grows to MAX_WINDOW (the cap's
 * evidence: docs/architecture.md).
 */

export const INITIAL_WINDOW = 4;
const MIN_WINDOW = 1;
export const MAX_WINDOW = 400;
export const MAX_FIXED_WINDOW = 50;
export const FREE_RAMP_WINDOW = 50;
export const RAMP_USAGE_PERCENT = 50;
export const RAMP_STEP_MS = 50;

export interface CongestionState {
	/** Fractional so additive increase can add 1/window per answer; use windowLimit() for the slot count. */
	window: number;
	/** Slow-start threshold. */
	threshold: number;
	/** Number of decreases so far; a request remembers the epoch it was sent in. */
	epoch: number;
	adaptive: boolean;
}

export type ConcurrencySetting = 'auto' | number;

function clamp(value: number, max = MAX_WINDOW): number {
	return Math.min(max, Math.max(MIN_WINDOW, value));
}

export function initialCongestion(setting: ConcurrencySetting): CongestionState {
	if (setting === 'auto') {
		return { window: INITIAL_WINDOW, threshold: MAX_WINDOW, epoch: 0, adaptive: true };
	}
	const fixed = clamp(Math.floor(setting), MAX_FIXED_WINDOW);
	return { window: fixed, threshold: fixed, epoch: 0, adaptive: false };
}

/** How many requests may be in flight now. */
export function windowLimit(state: CongestionState): number {
	return clamp(Math.floor(state.window));
}

/** An accepted answer whose usage headers report at most 80 % (`usagePercent`; 0 without headers). */
// roundTripMs: the smoothed round trip so far (0 before the first answer).
export function onCleanAnswer(state: CongestionState, usagePercent = 0, roundTripMs = 0): CongestionState {
	if (!state.adaptive) return state;
	if (isSlowStart(state) && state.window >= FREE_RAMP_WINDOW && usagePercent > RAMP_USAGE_PERCENT) {
		return { ...state, threshold: state.window };
	}
	const growth = isSlowStart(state) ? Math.max(1, roundTripMs / RAMP_STEP_MS) : 1 / state.window;
	return { ...state, window: clamp(state.window + growth) };
}

/** A rate-limit answer to a request sent in `sentEpoch`. */
export function onCongestion(state: CongestionState, sentEpoch: number): CongestionState {
	if (!state.adaptive || sentEpoch < state.epoch) return state;
	const halved = clamp(Math.floor(state.window / 2));
	return { ...state, window: halved, threshold: halved, epoch: state.epoch + 1 };
}

export function isSlowStart(state: CongestionState): boolean {
	return state.window < state.threshold;
}

/** An accepted answer whose usage headers report more than 80 %: halve in slow start, else grow as usual. */
export function onHighUsage(state: CongestionState, sentEpoch: number): CongestionState {
	return isSlowStart(state) ? onCongestion(state, sentEpoch) : onCleanAnswer(state);
}

/** Reads `auto` or a whole number 1–50 (as typed in the editor); undefined for anything else. */
export function parseConcurrency(value: unknown): ConcurrencySetting | undefined {
	if (value === undefined || value === null) return 'auto';
	const text = String(value).trim().toLowerCase();
	if (text === '' || text === 'auto') return 'auto';
	if (!/^\d+$/.test(text)) return undefined;
	const n = Number(text);
	return n >= MIN_WINDOW && n <= MAX_FIXED_WINDOW ? n : undefined;
}
