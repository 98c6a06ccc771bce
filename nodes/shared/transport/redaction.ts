import { isRecord } from '../validation';

/*
 * Redaction: no token or secret of the credential ever shows in an error, an error item or a log, whatever
 * Meta or the network layer quoted back.
 */

const REDACTED = '[redacted]';

/** Query parameters and headers that always carry a secret, whatever its value. */
const SECRET_PATTERNS: RegExp[] = [
	/(Bearer\s+)[^\s"',]+/gi,
	/((?:access_token|appsecret_proof|client_secret)=)[^&\s"',]+/gi,
	/("(?:access_token|appsecret_proof|accessToken|appSecret|authorization)"\s*:\s*")[^"]*/gi,
	// the user info of any URL quoted ("https://user:pass@host/..."), e.g. a proxy's login in the Base URL
	/(:\/\/)[^\s/?#@"']+(?=@)/g,
];

/** Secrets shorter than this are not searched for: replacing every "a" would only garble the text. */
const MIN_SECRET_LENGTH = 6;

export function redactText(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= MIN_SECRET_LENGTH) result = result.split(secret).join(REDACTED);
	}
	for (const pattern of SECRET_PATTERNS) result = result.replace(pattern, `$1${REDACTED}`);
	return result;
}

/** A deep copy with every string redacted (keys included, in case a secret ended up as a key). */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v, secrets)) as T;
	if (isRecord(value)) {
		const copy: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) copy[redactText(k, secrets)] = redactValue(v, secrets);
		return copy as T;
	}
	return value;
}
