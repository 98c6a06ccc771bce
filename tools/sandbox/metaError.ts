import { randomBytes } from 'crypto';

/** What the sandbox needs to answer an error the way Graph API does. */
export interface MetaErrorFields {
	message: string;
	type: string;
	code: number;
	error_subcode?: number;
	error_user_title?: string;
	error_user_msg?: string;
	/** Goes to error_data.details (WhatsApp puts the specific rule there). */
	details?: string;
	is_transient?: boolean;
	/** HTTP status of the answer; Graph answers most errors with 400. */
	httpStatus?: number;
}

export interface MetaErrorEnvelope {
	error: {
		message: string;
		type: string;
		code: number;
		error_subcode?: number;
		error_user_title?: string;
		error_user_msg?: string;
		error_data?: { details: string };
		is_transient: boolean;
		fbtrace_id: string;
	};
}

/** Thrown by handlers and rules; the server turns it into Meta's envelope. */
export class MetaError extends Error {
	constructor(readonly fields: MetaErrorFields) {
		super(fields.message);
	}

	get httpStatus(): number {
		return this.fields.httpStatus ?? 400;
	}
}

/** Meta's trace ids look like `AbC1dEf2GhI3`; a fresh one per error lets tests check it is passed through. */
export function newFbtraceId(): string {
	return randomBytes(9).toString('base64url');
}

export function toEnvelope(fields: MetaErrorFields): MetaErrorEnvelope {
	// Built key by key so the JSON reads in Meta's order and leaves out what Meta leaves out.
	const error: Record<string, unknown> = { message: fields.message, type: fields.type, code: fields.code };
	if (fields.error_subcode !== undefined) error.error_subcode = fields.error_subcode;
	if (fields.error_user_title !== undefined) error.error_user_title = fields.error_user_title;
	if (fields.error_user_msg !== undefined) error.error_user_msg = fields.error_user_msg;
	if (fields.details !== undefined) error.error_data = { details: fields.details };
	error.is_transient = fields.is_transient ?? false;
	error.fbtrace_id = newFbtraceId();
	return { error: error as MetaErrorEnvelope['error'] };
}

/**
 * Error 100 for a broken rule. Like the WhatsApp Cloud API, the message is generic and the rule's text is
 * in error_data.details (and error_user_msg, so a client that shows only that still names the rule).
 */
export function invalidParameter(details: string): MetaError {
	return new MetaError({
		message: '(#100) Invalid parameter',
		type: 'OAuthException',
		code: 100,
		error_user_title: 'Invalid parameter',
		error_user_msg: details,
		details,
	});
}

export function invalidToken(): MetaError {
	return new MetaError({
		message: 'Invalid OAuth access token - Cannot parse access token',
		type: 'OAuthException',
		code: 190,
	});
}

export function appTokenRequired(): MetaError {
	return new MetaError({
		message: '(#15) This method must be called with an app access_token.',
		type: 'OAuthException',
		code: 15,
	});
}

export function unsupportedRequest(method: string, objectId: string): MetaError {
	return new MetaError({
		message:
			`Unsupported ${method.toLowerCase()} request. Object with ID '${objectId}' does not exist, cannot be loaded ` +
			'due to missing permissions, or does not support this operation. Please read the Graph API documentation ' +
			'at https://developers.facebook.com/docs/graph-api',
		type: 'GraphMethodException',
		code: 100,
		error_subcode: 33,
	});
}

export function unknownPath(path: string): MetaError {
	return new MetaError({
		message: `Unknown path components: ${path}`,
		type: 'OAuthException',
		code: 2500,
	});
}

export function missingParameter(name: string): MetaError {
	return new MetaError({
		message: `(#100) The parameter ${name} is required`,
		type: 'OAuthException',
		code: 100,
	});
}

/** The calling error codes of Meta's Calling API troubleshooting page. */
export function callingError(code: 138000 | 138014 | 138015 | 138018 | 131055, details: string): MetaError {
	const titles: Record<typeof code, string> = {
		138000: 'Calling not enabled',
		138014: 'Calling restricted',
		138015: 'Calling cannot be enabled',
		138018: 'Calling prerequisites not met',
		131055: 'Method not allowed',
	};
	return new MetaError({
		message: `(#${code}) ${titles[code]}`,
		type: 'OAuthException',
		code,
		error_user_title: titles[code],
		error_user_msg: details,
		details,
	});
}

/** Default messages of the codes tests inject most (rate limits and transient errors). */
const KNOWN_MESSAGES: Record<number, string> = {
	1: 'An unknown error occurred',
	2: 'An unexpected error has occurred. Please retry your request later.',
	4: '(#4) Application request limit reached',
	17: '(#17) User request limit reached',
	32: '(#32) Page request limit reached',
	190: 'Invalid OAuth access token - Cannot parse access token',
	613: '(#613) Calls to this api have exceeded the rate limit.',
	80007: '(#80007) Rate limit issues',
	130429: '(#130429) Rate limit hit',
};

const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 613, 80007, 130429]);

/** Builds an error for any code, filling Meta's usual message and transience when the test does not say. */
export function errorForCode(
	code: number,
	overrides: Partial<MetaErrorFields> = {},
): MetaError {
	return new MetaError({
		message: KNOWN_MESSAGES[code] ?? `(#${code}) Sandbox injected error`,
		type: 'OAuthException',
		code,
		is_transient: TRANSIENT_CODES.has(code),
		...overrides,
	});
}
