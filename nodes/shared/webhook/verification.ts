import { createHash, createHmac, timingSafeEqual } from 'crypto';

import { isRecord } from '../validation';

/**
 * True when both strings are equal, in time that does not depend on where they differ.
 * Both sides are hashed first so the compared buffers always have the same length: timingSafeEqual
 * needs that, and a length check of its own would tell an attacker the token's length.
 */
export function tokensMatch(received: string, expected: string): boolean {
	const receivedDigest = createHash('sha256').update(received, 'utf8').digest();
	const expectedDigest = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(receivedDigest, expectedDigest);
}

/** Where a trigger's verify token comes from: the Verify Token field, else (automatic only) the App Secret. */
export interface VerifyTokenSource {
	/** The Verify Token field, trimmed; '' when empty. */
	configured: string;
	automatic: boolean;
	webhookId: string;
}

/**
 * The token Meta must send. A typed one as typed. With automatic subscription and an empty field, an
 * HMAC of the webhook ID under the App Secret: the webhook ID alone is in the public URL, the derived token
 * is not, and every process (queue-mode webhook processors too) computes the same one with nothing stored.
 * Manual set-up with an empty field, or no secret: '' (every verification refused; activation says why).
 */
export function verifyTokenFor(source: VerifyTokenSource, appSecret: string): string {
	if (source.configured !== '') return source.configured;
	if (!source.automatic || appSecret === '') return '';
	return createHmac('sha256', appSecret).update(`meta-calling-verify-token:${source.webhookId}`).digest('hex');
}

export type VerificationAnswer = { accepted: true; challenge: string } | { accepted: false };

/**
 * Meta's subscription check: `GET ?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C`.
 * Accepted only for mode `subscribe`, a non-empty expected token that matches, and a challenge to echo.
 * Express may parse `hub.mode` either as a flat key or as `{ hub: { mode } }`; both are read.
 */
export function answerVerification(query: unknown, expectedToken: string): VerificationAnswer {
	const mode = readHubParameter(query, 'mode');
	const token = readHubParameter(query, 'verify_token');
	const challenge = readHubParameter(query, 'challenge');
	if (mode !== 'subscribe' || token === undefined || challenge === undefined || expectedToken === '') {
		return { accepted: false };
	}
	return tokensMatch(token, expectedToken) ? { accepted: true, challenge } : { accepted: false };
}

function readHubParameter(query: unknown, name: string): string | undefined {
	if (!isRecord(query)) return undefined;
	const flat = query[`hub.${name}`];
	if (typeof flat === 'string') return flat;
	const nested = query.hub;
	if (isRecord(nested) && typeof nested[name] === 'string') return nested[name] as string;
	return undefined;
}
