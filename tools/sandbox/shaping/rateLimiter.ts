import { errorForCode, type MetaError } from '../metaError';
import type { SandboxState } from '../types';

export interface RateLimitConfig {
	/** Accepted requests per sliding 1 s window. */
	requestsPerSecond: number;
	/** Meta's code for the refusal: 4 (app-level) or 80007 (WABA-level). Default 4. */
	code?: 4 | 80007;
	/** HTTP status of the refusal; Graph answers rate limits with 400, some front ends with 429. Default 400. */
	httpStatus?: 400 | 429;
	/** Put into X-Business-Use-Case-Usage when refusing. Default 0 (the window is only 1 s). */
	estimatedTimeToRegainAccessMinutes?: number;
}

const WINDOW_MS = 1000;

/**
 * Counts accepted requests over the last second. Timestamps sit in an array read from `head`, so pruning is
 * O(1) amortised even at thousands of requests per second.
 */
export class SlidingWindow {
	private stamps: number[] = [];
	private head = 0;

	constructor(readonly limit: number) {}

	private prune(now: number): void {
		while (this.head < this.stamps.length && this.stamps[this.head] <= now - WINDOW_MS) this.head++;
		if (this.head > 1024 && this.head * 2 > this.stamps.length) {
			this.stamps = this.stamps.slice(this.head);
			this.head = 0;
		}
	}

	count(now: number): number {
		this.prune(now);
		return this.stamps.length - this.head;
	}

	/** Records the request and returns true when it fits; a refused request is not counted. */
	tryAcquire(now: number): boolean {
		if (this.count(now) >= this.limit) return false;
		this.stamps.push(now);
		return true;
	}

	usagePercent(now: number): number {
		return Math.min(100, Math.round((this.count(now) * 100) / this.limit));
	}
}

/** The usage headers Meta adds to answers; the sandbox sends them on every answer while a limit is set. */
export function usageHeaders(
	percent: number,
	business: { id: string; type: string },
	regainMinutes: number,
): Record<string, string> {
	const usage = { call_count: percent, total_cputime: percent, total_time: percent };
	return {
		'X-App-Usage': JSON.stringify(usage),
		'X-Business-Use-Case-Usage': JSON.stringify({
			[business.id]: [{ type: business.type, ...usage, estimated_time_to_regain_access: regainMinutes }],
		}),
	};
}

export function rateLimitError(config: RateLimitConfig): MetaError {
	const code = config.code ?? 4;
	return errorForCode(code, { is_transient: true, httpStatus: config.httpStatus ?? 400 });
}

/** Whose use the business header reports: the WABA of a phone number, the WABA, the Page, else the app. */
export function usageBusinessFor(state: SandboxState, path: string): { id: string; type: string } {
	const id = path.split('/')[1] ?? '';
	const phone = state.phoneNumbers[id];
	if (phone) return { id: phone.wabaId, type: 'whatsapp' };
	if (state.wabas[id]) return { id, type: 'whatsapp' };
	if (state.pages[id]) return { id, type: 'pages' };
	return { id: state.app.id, type: 'whatsapp' };
}
