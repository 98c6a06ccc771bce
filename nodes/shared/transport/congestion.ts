/*
 * Adaptive concurrency window, after TCP congestion control (pure: every function returns a new state).
 *
 * - Slow start: below the threshold each clean answer adds slots, so the window at least doubles per round
 *   trip (on a path longer than RAMP_STEP_MS it grows faster, see below).
 * - Congestion avoidance: above it each clean answer adds 1/window, so the window grows by one per round trip.
 * - Multiplicative decrease: a rate-limit answer halves the window and sets the threshold there. Like TCP's
 *   fast recovery, one decrease per round trip: answers to requests sent before the last decrease (an older
 *   epoch) report the old congestion again and are ignored.
 * - Usage headers above 80 % halve the window too while it is still ramping up (slow start, where it doubles
 *   per round trip or faster and overshoots fastest), which ends slow start. In additive increase they change nothing:
 *   the usage figure covers a long span (an hour at Meta, a second in the sandbox) and stays high for many
 *   round trips after a cut, so halving on it drives the window to 1, and even merely holding the window
 *   there kept throughput at 75-80 % of the limit in a simulation of a sliding-window limit (1.26x the
 *   rate-limit bound, against 1.10x when only refusals cut the window in additive increase).
 * - Slow start grows the window so that its send rate (window / round trip) doubles every RAMP_STEP_MS
 *   whatever the path: by the factor 2^(roundTrip / RAMP_STEP_MS) per round trip (at least 2, TCP's
 *   doubling), i.e. factor - 1 slots per clean answer. A 300 ms path, where a rate needs a window six times
 *   that of a 50 ms one, then reaches its window as soon in time (50 -> the ceiling in one round trip) instead
 *   of spending a second or more ramping with nothing else left to do (issue 21, scenario 1b). Adding a
 *   fixed round trip / 50 ms per answer instead grew 7-fold per 300 ms and needed six round trips.
 * - Before the first answer the round trip is unknown. Rather than idle through it on a far path with the
 *   initial window's 4 requests out, the node sends as slow start on a RAMP_STEP_MS path would: 4 at once,
 *   then doubling every RAMP_STEP_MS (blindSendDelayMs), up to FREE_RAMP_WINDOW in flight. On a path as
 *   near as that the first answers come back before the schedule runs ahead of them, so nothing changes
 *   there; on a 300 ms path 50 requests leave in the first round trip instead of 4 (issue 21, scenario 1b).
 * - Beyond FREE_RAMP_WINDOW slow start goes on only while Meta's usage headers report at most
 *   RAMP_USAGE_PERCENT (or none): an answer reporting more ends it there, so a limit near that size is met
 *   in additive increase, as under the old ceiling of 50, instead of by doubling into it.
 * A fixed concurrency turns all of this off; it may say 1-50, while auto grows to MAX_WINDOW (the cap's
 * evidence: docs/architecture.md).
 */

export const INITIAL_WINDOW = 4;
const MIN_WINDOW = 1;
export const MAX_WINDOW = 800;
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
	const growth = isSlowStart(state) ? slowStartFactor(roundTripMs) - 1 : 1 / state.window;
	return { ...state, window: clamp(state.window + growth) };
}

/**
 * Before the first answer: how long after the first send the send numbered `sendIndex` (0-based) leaves, so
 * that the sends before any answer follow slow start on a RAMP_STEP_MS path (4 at 0 ms, 8 by 50, 16 by 100…).
 */
export function blindSendDelayMs(sendIndex: number): number {
	return RAMP_STEP_MS * Math.max(0, Math.ceil(Math.log2((sendIndex + 1) / INITIAL_WINDOW)));
}

/** How much the window grows per round trip in slow start on a path of `roundTripMs` (0: not known yet). */
export function slowStartFactor(roundTripMs: number): number {
	// The exponent is capped so a round trip of minutes cannot overflow; 2^10 already exceeds MAX_WINDOW.
	return 2 ** Math.min(10, Math.max(1, roundTripMs / RAMP_STEP_MS));
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
