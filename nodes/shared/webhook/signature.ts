import { createHmac, timingSafeEqual } from 'crypto';

const SIGNATURE_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
 * Works on the raw bytes as received: re-serialising parsed JSON would not give Meta's bytes back
 * (Meta escapes non-ASCII and slashes). A missing, repeated or malformed header is simply invalid.
 * The comparison is constant-time over two 32-byte digests.
 */
export function signatureIsValid(rawBody: Buffer, header: unknown, appSecret: string): boolean {
	const hex = signatureHexOf(header);
	if (hex === undefined || appSecret === '') return false;
	const received = Buffer.from(hex, 'hex');
	const expected = createHmac('sha256', appSecret).update(rawBody).digest();
	return timingSafeEqual(received, expected);
}

/** The hex digest of a well-formed header; undefined for anything that can never be valid (no secret needed to tell). */
export function signatureHexOf(header: unknown): string | undefined {
	return typeof header === 'string' ? SIGNATURE_PATTERN.exec(header.trim())?.[1] : undefined;
}
