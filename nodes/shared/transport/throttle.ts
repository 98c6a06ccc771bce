import {
	initialCongestion,
	onCleanAnswer,
	onCongestion,
	onHighUsage,
	windowLimit,
	type CongestionState,
	type ConcurrencySetting,
} from './congestion';

/**
 * What an answer tells the congestion window: 'clean' grows it, 'limited' (a rate-limit refusal) halves it,
 * 'highUsage' (usage headers above 80 %) halves it in slow start and holds it otherwise, 'neutral' leaves it.
 */
export type CongestionSignal = 'clean' | 'limited' | 'highUsage' | 'neutral';

/** Held while a request is in flight; remembers the window epoch it was sent in. */
export interface Ticket {
	epoch: number;
}

/**
 * The gate every request of one client passes: a semaphore sized by the congestion window, plus one
 * shared pause that a rate-limit answer opens for every request of the client (in flight and queued).
 */
export class RequestThrottle {
	private state: CongestionState;

	private inFlight = 0;

	private readonly queue: Array<(ticket: Ticket) => void> = [];

	private pauseUntil = 0;

	/** Rate-limit pauses opened since the last clean answer; drives the exponential part of the backoff. */
	private pauseStreak = 0;

	constructor(
		setting: ConcurrencySetting,
		private readonly now: () => number = Date.now,
	) {
		this.state = initialCongestion(setting);
	}

	get limit(): number {
		return windowLimit(this.state);
	}

	get active(): number {
		return this.inFlight;
	}

	get consecutivePauses(): number {
		return this.pauseStreak;
	}

	async acquire(): Promise<Ticket> {
		if (this.inFlight < this.limit && this.queue.length === 0) {
			this.inFlight++;
			return { epoch: this.state.epoch };
		}
		return await new Promise<Ticket>((resolve) => this.queue.push(resolve));
	}

	release(ticket: Ticket, signal: CongestionSignal): void {
		this.inFlight--;
		if (signal === 'clean') {
			this.state = onCleanAnswer(this.state);
			this.pauseStreak = 0;
		} else if (signal === 'limited') {
			this.state = onCongestion(this.state, ticket.epoch);
		} else if (signal === 'highUsage') {
			this.state = onHighUsage(this.state, ticket.epoch);
		}
		this.admitWaiting();
	}

	/** Milliseconds left of the shared pause (0 when none is open). */
	pauseRemainingMs(): number {
		return Math.max(0, this.pauseUntil - this.now());
	}

	/**
	 * Opens the shared pause for `waitMs`, unless one is already open: then the caller joins it, so many
	 * requests refused at the same moment make one pause, not a pile of ever longer ones.
	 */
	openPause(waitMs: number): void {
		if (this.pauseRemainingMs() > 0) return;
		this.pauseUntil = this.now() + waitMs;
		this.pauseStreak++;
	}

	private admitWaiting(): void {
		while (this.queue.length > 0 && this.inFlight < this.limit) {
			const next = this.queue.shift() as (ticket: Ticket) => void;
			this.inFlight++;
			next({ epoch: this.state.epoch });
		}
	}
}
