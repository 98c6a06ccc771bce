import { createHmac } from 'crypto';

/** Meta's signature headers over the exact bytes sent: X-Hub-Signature-256 (and the legacy SHA-1 one). */
export function signatureHeaders(appSecret: string, rawBody: string): Record<string, string> {
	return {
		'X-Hub-Signature-256': `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`,
		'X-Hub-Signature': `sha1=${createHmac('sha1', appSecret).update(rawBody).digest('hex')}`,
	};
}

/** The X-Hub-Signature-256 value Meta would send for these bytes (tests sign their own deliveries with it). */
export function signBody(rawBody: Buffer | string, appSecret: string): string {
	return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
