import { plainRequest } from './httpClient';
import { signatureHeaders } from './sign';

export interface WebhookDelivery {
	id: number;
	object: string;
	/** The change field (account_settings_update, call_settings_update), absent for emitted bodies. */
	field?: string;
	callbackUrl: string;
	body: unknown;
	attempts: number;
	/** HTTP status of each attempt; null when the connection failed. */
	statusCodes: Array<number | null>;
	/** Status of the last attempt (null: no answer). */
	status: number | null;
	ok: boolean;
	/** False while attempts are still under way. */
	done: boolean;
	error?: string;
}

export interface DelivererOptions {
	appSecret: () => string;
	/** Waits before each retry; its length bounds the retries (Meta retries for hours, tests cannot). */
	retryDelaysMs: number[];
	timeoutMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Signs and POSTs webhook bodies, retrying a bounded number of times, and records every delivery. */
export class WebhookDeliverer {
	readonly deliveries: WebhookDelivery[] = [];
	private readonly inFlight = new Set<Promise<void>>();
	private nextId = 1;

	constructor(private readonly options: DelivererOptions) {}

	deliver(callbackUrl: string, object: string, body: unknown, field?: string): Promise<WebhookDelivery> {
		const delivery: WebhookDelivery = {
			id: this.nextId++,
			object,
			callbackUrl,
			body,
			attempts: 0,
			statusCodes: [],
			status: null,
			ok: false,
			done: false,
		};
		if (field) delivery.field = field;
		this.deliveries.push(delivery);
		const run = this.attemptAll(delivery);
		this.inFlight.add(run);
		void run.finally(() => this.inFlight.delete(run));
		return run.then(() => delivery);
	}

	/** Resolves when no delivery is under way. */
	async idle(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
	}

	clear(): void {
		this.deliveries.length = 0;
	}

	private async attemptAll(delivery: WebhookDelivery): Promise<void> {
		const raw = JSON.stringify(delivery.body);
		const headers = {
			'Content-Type': 'application/json',
			'User-Agent': 'facebookexternalua',
			...signatureHeaders(this.options.appSecret(), raw),
		};
		const delays = [0, ...this.options.retryDelaysMs];
		for (const delay of delays) {
			if (delay > 0) await sleep(delay);
			delivery.attempts++;
			try {
				const answer = await plainRequest(delivery.callbackUrl, {
					method: 'POST',
					headers,
					body: raw,
					timeoutMs: this.options.timeoutMs,
				});
				delivery.status = answer.status;
				delivery.statusCodes.push(answer.status);
				delivery.error = undefined;
				if (answer.status >= 200 && answer.status < 300) {
					delivery.ok = true;
					break;
				}
			} catch (error) {
				delivery.status = null;
				delivery.statusCodes.push(null);
				delivery.error = (error as Error).message;
			}
		}
		delivery.done = true;
	}
}
