/*
 * The app secret a trigger checks signatures with, kept for a short while per trigger node.
 *
 * Why: reading it means `getCredentials`, and n8n answers that by loading the credential from its database,
 * decrypting it and (n8n 2.x) building an expression isolate for it: the largest part of a trigger's own
 * cost per delivery (docs/benchmarks.md, scenario 5). Meta sends deliveries in bursts, so reading once per
 * burst is enough.
 *
 * Safe because a kept secret can only make the trigger read the credential again, never accept more:
 * a signature that does not match the kept secret is checked once more against a fresh read (the secret
 * was changed in n8n), and an entry expires after `ttlMs`, so a replaced secret stops being accepted
 * within that time. No secret (every delivery refused) is never kept: adding one takes effect at once.
 */

export const SECRET_TTL_MS = 60_000;
const MAX_ENTRIES = 500;

interface Entry {
	secret: string;
	expiresAt: number;
}

export class SecretCache {
	private readonly entries = new Map<string, Entry>();

	constructor(
		private readonly ttlMs = SECRET_TTL_MS,
		private readonly now: () => number = Date.now,
	) {}

	/** The kept secret, or undefined when there is none or it has expired. */
	get(key: string): string | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= this.now()) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.secret;
	}

	/** Keeps a non-empty secret (an empty one is forgotten instead); the oldest entry goes when full. */
	set(key: string, secret: string): void {
		this.entries.delete(key);
		if (secret === '') return;
		if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
		this.entries.set(key, { secret, expiresAt: this.now() + this.ttlMs });
	}

	get size(): number {
		return this.entries.size;
	}
}
