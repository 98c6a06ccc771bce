import {
	blindSendDelayMs,
	FREE_RAMP_WINDOW,
	initialCongestion,
	isSlowStart,
	onCleanAnswer,
	onCongestion,
	onHighUsage,
	slowStartFactor,
	windowLimit,
	type CongestionState,
	type ConcurrencySetting,
} from './congestion';

/**
 * What an answer tells the congestion window: 'clean' grows it, 'limited' (a rate-limit refusal) halves it,
 * 'highUsage' (accepted, but usage headers above 80 %) halves it in slow start and grows it otherwise,
 * 'neutral' (any other failure) leaves it.
 */
export type CongestionSignal = 'clean' | 'limited' | 'highUsage' | 'neutral';

/** Held while a request is in flight; remembers the window epoch and the pause it was sent after. */
export interface Ticket {
	epoch: number;
	pauseGeneration: number;
}

/**
 * The gate every request of one client passes: a semaphore sized by the congestion window, plus one
 * shared pause that a rate-limit answer opens for every request of the client (in flight and queued).
 */
export class RequestThrottle {
	private state: CongestionState;

	private inFlight = 0;

	private readonly queue: Array<(ticket: Ticket) => void> = [];

	/**
	 * Requests that must leave soon (a write whose read goes stale, `urgent`) take the next free slot before
	 * the queue: with up to 200 items in flight, a write queued behind their reads would wait past its
	 * deadline under a rate limit and be read again.
	 */
	private readonly urgent: Array<(ticket: Ticket) => void> = [];

	private pauseUntil = 0;

	/** Rate-limit pauses opened since the last accepted answer; drives the exponential part of the backoff. */
	private pauseStreak = 0;

	/** Number of pauses opened so far. */
	private pauseGeneration = 0;

	/** Smoothed round trip of answered requests (TCP's estimator); undefined until the first answer. */
	private smoothedRoundTripMs: number | undefined;

	/** When the next paced send may leave. */
	private nextSendAt = 0;

	/** Sends before the first answer, and when the first of them left (the blind start, see paceMs). */
	private blindSends = 0;

	private firstSendAt: number | undefined;

	/** Whether Meta has answered any request yet (accepted, refused or with high usage). */
	private answered = false;

	constructor(
		setting: ConcurrencySetting,
		private readonly now: () => number = Date.now,
	) {
		this.state = initialCongestion(setting);
	}

	/** Requests allowed in flight now (the window; before the first answer, the blind start's). */
	get limit(): number {
		const window = windowLimit(this.state);
		return this.isBlind() ? Math.max(window, FREE_RAMP_WINDOW) : window;
	}

	/** Adaptive and no answer yet: the round trip is unknown, so sends follow blindSendDelayMs. */
	private isBlind(): boolean {
		return this.state.adaptive && !this.answered;
	}

	get active(): number {
		return this.inFlight;
	}

	get consecutivePauses(): number {
		return this.pauseStreak;
	}

	/** A slot now if the window has room and nobody is queued before us; undefined otherwise. */
	tryAcquire(urgent = false): Ticket | undefined {
		const ahead = this.urgent.length + (urgent ? 0 : this.queue.length);
		if (this.inFlight >= this.limit || ahead > 0) return undefined;
		this.inFlight++;
		return this.ticket();
	}

	async acquire(urgent = false): Promise<Ticket> {
		const line = urgent ? this.urgent : this.queue;
		return this.tryAcquire(urgent) ?? (await new Promise<Ticket>((resolve) => line.push(resolve)));
	}

	/** `usagePercent`: the highest figure of the answer's usage headers, when it had any. */
	release(ticket: Ticket, signal: CongestionSignal, usagePercent?: number): void {
		this.inFlight--;
		// Any accepted request ends a streak of refusals, even at high usage: otherwise pauses would keep
		// doubling while Meta is in fact letting requests through.
		if (signal === 'clean' || signal === 'highUsage') this.pauseStreak = 0;
		if (signal !== 'neutral') this.answered = true;
		if (signal === 'clean') this.state = onCleanAnswer(this.state, usagePercent, this.smoothedRoundTripMs);
		else if (signal === 'limited') this.state = onCongestion(this.state, ticket.epoch);
		else if (signal === 'highUsage') this.state = onHighUsage(this.state, ticket.epoch);
		this.admitWaiting();
	}

	/** Feeds the round-trip estimate with one answered request's time from send to answer. */
	recordRoundTrip(milliseconds: number): void {
		const previous = this.smoothedRoundTripMs;
		this.smoothedRoundTripMs = previous === undefined ? milliseconds : 0.875 * previous + 0.125 * milliseconds;
		this.answered = true;
	}

	/**
	 * Pacing, as TCP does it: how long the holder of a fresh slot waits so that the window's sends are
	 * spread over one round trip (one every round trip / window) instead of leaving in one burst. Without it
	 * a full window leaves at once, comes back at once, and is worked off at once, and the next window waits
	 * for all of that: the node then moves in lock-step, one round trip plus a window's CPU per window
	 * (docs/benchmarks.md, scenario 1). Spacing never lowers the throughput the window allows.
	 */
	paceMs(): number {
		const now = this.now();
		if (this.isBlind()) {
			this.firstSendAt ??= now;
			return Math.max(0, this.firstSendAt + blindSendDelayMs(this.blindSends++) - now);
		}
		if (this.smoothedRoundTripMs === undefined) return 0;
		const sendAt = Math.max(now, this.nextSendAt);
		// In slow start the window grows by `ramp` within this round trip: pace at the size it is growing to
		// (as Linux paces slow start at twice the window), or pacing would hold it back to doubling.
		const ramp = isSlowStart(this.state) ? slowStartFactor(this.smoothedRoundTripMs) : 1;
		this.nextSendAt = sendAt + this.smoothedRoundTripMs / (this.limit * ramp);
		return sendAt - now;
	}

	/** Milliseconds left of the shared pause (0 when none is open). */
	pauseRemainingMs(): number {
		return Math.max(0, this.pauseUntil - this.now());
	}

	/**
	 * Opens the shared pause for `waitMs` after a refusal of the request holding `ticket`. Many requests
	 * refused for the same congestion make one pause, not a pile of ever longer ones: while a pause is open
	 * the caller joins it, and a request sent before the last pause began reports the congestion that pause
	 * already answered, so it opens none (it is simply sent again).
	 */
	openPause(ticket: Ticket, waitMs: number): void {
		if (this.pauseRemainingMs() > 0 || ticket.pauseGeneration < this.pauseGeneration) return;
		this.pauseUntil = this.now() + waitMs;
		this.pauseGeneration++;
		this.pauseStreak++;
	}

	private ticket(): Ticket {
		return { epoch: this.state.epoch, pauseGeneration: this.pauseGeneration };
	}

	private admitWaiting(): void {
		while (this.urgent.length + this.queue.length > 0 && this.inFlight < this.limit) {
			const next = (this.urgent.shift() ?? this.queue.shift()) as (ticket: Ticket) => void;
			this.inFlight++;
			next(this.ticket());
		}
	}
}
