import { createHmac, timingSafeEqual } from 'crypto';

const SIGNATURE_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
 * Works on the raw bytes as received: re-serialising parsed JSON would not give Meta's bytes back
 * (Meta escapes non-ASCII and slashes). A missing, repeated or malformed header is simply invalid.
 * The comparison is constant-time over two 32-byte digests.
 */
export function signatureIsValid(rawBody: Buffer, header: unknown, appSecret: string): boolean {
	if (typeof header !== 'string' || appSecret === '') return false;
	const match = SIGNATURE_PATTERN.exec(header.trim());
	if (!match) return false;
	const received = Buffer.from(match[1], 'hex');
	const expected = createHmac('sha256', appSecret).update(rawBody).digest();
	return timingSafeEqual(received, expected);
}

/** The header value Meta would send for this body; used by tests and by the sandbox's deliveries. */
export function signBody(rawBody: Buffer | string, appSecret: string): string {
	return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
