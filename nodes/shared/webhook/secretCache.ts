/*
 * The app secret a trigger checks signatures with, kept for a short while per trigger node.
 *
 * Why: reading it means `getCredentials`, and n8n answers that by loading the credential from its database,
 * decrypting it and (n8n 2.x) building an expression isolate for it: the largest part of a trigger's own
 * cost per delivery (docs/benchmarks.md, scenario 5). Meta sends deliveries in bursts, so reading once per
 * burst is enough.
 *
 * Forged traffic must not be the expensive path: a signature that does not match the kept secret is
 * refused from it, and only makes the trigger read the credential again when the kept secret was read
 * `rereadMs` ago or longer (the secret may have been replaced in n8n). So whatever the number of forged
 * requests, the credential is read at most once per `rereadMs` per key, and a rotated App Secret is picked
 * up within that time. Concurrent requests share one read in flight. An entry expires after `ttlMs`, so a
 * replaced secret stops being accepted within that time. No secret (every delivery refused) is kept too,
 * for `rereadMs` only: adding one takes effect within that time.
 */

export const SECRET_TTL_MS = 60_000;
export const SECRET_REREAD_MS = 10_000;
const MAX_ENTRIES = 500;

interface Entry {
	secret: Promise<string>;
	readAt: number;
	expiresAt: number;
}

export class SecretCache {
	private readonly entries = new Map<string, Entry>();

	constructor(
		private readonly ttlMs = SECRET_TTL_MS,
		private readonly now: () => number = Date.now,
		private readonly rereadMs = SECRET_REREAD_MS,
	) {}

	/** The kept secret, or the one `read` gives when none is kept (one read at a time per key). */
	async secret(key: string, read: () => Promise<string>): Promise<string> {
		const entry = this.entries.get(key);
		if (entry && entry.expiresAt > this.now()) return await entry.secret;
		return await this.read(key, read);
	}

	/**
	 * After `tried` was refused: a secret to try again with, read anew when the kept one is `rereadMs` old
	 * or older; undefined when there is nothing new to try (the refusal stands).
	 */
	async reread(key: string, read: () => Promise<string>, tried: string): Promise<string | undefined> {
		const entry = this.entries.get(key);
		const kept = entry && this.now() - entry.readAt < this.rereadMs ? await entry.secret : await this.read(key, read);
		return kept === tried ? undefined : kept;
	}

	private async read(key: string, read: () => Promise<string>): Promise<string> {
		const now = this.now();
		const secret = read();
		this.entries.delete(key);
		if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
		const entry: Entry = { secret, readAt: now, expiresAt: now + this.ttlMs };
		this.entries.set(key, entry);
		// Settled before any caller goes on: "no secret" is kept briefly, a failed read not at all.
		secret.then(
			(value) => {
				if (value === '') entry.expiresAt = now + this.rereadMs;
			},
			() => {
				if (this.entries.get(key) === entry) this.entries.delete(key);
			},
		);
		return await secret;
	}
}
