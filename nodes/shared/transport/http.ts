import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { GraphContext } from './graph';

/** One attempt's outcome, reduced to what the retry logic needs. Never holds the request options. */
export type RawAnswer =
	| { received: true; statusCode: number; headers: IDataObject; body: unknown }
	| { received: false; networkCode: string; detail: string };

const NETWORK_CODE = /^(E[A-Z_]+|ERR_[A-Z_]+|UND_ERR_[A-Z_]+)$/;

/** n8n wraps the HTTP library's error; the network code sits on it or on one of its causes. */
function networkCodeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && NETWORK_CODE.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function noAnswer(error: unknown): RawAnswer {
	// Only the code and the message leave this function: the error itself carries the request options.
	const detail = error instanceof Error ? error.message : String(error);
	return { received: false, networkCode: networkCodeOf(error) ?? 'UNKNOWN', detail };
}

function toAnswer(response: IN8nHttpFullResponse): RawAnswer {
	return {
		received: true,
		statusCode: response.statusCode,
		headers: { ...(response.headers ?? {}) },
		body: response.body,
	};
}

/** Status errors are answers too: we read Meta's envelope ourselves instead of n8n's generic text. */
function fullResponseOptions(options: IHttpRequestOptions): IHttpRequestOptions {
	return { ...options, json: true, returnFullResponse: true, ignoreHttpStatusErrors: true };
}

/**
 * With the credential's authentication, from the credential data the client read once (`authenticate`).
 * Not `httpRequestWithAuthentication`: n8n answers that by loading the credential from its database and
 * decrypting it on every call, which with many items cost more CPU than the request itself (in n8n
 * 2.40: about 1.5 ms per request, 40 % more CPU per item than the HTTP Request node; docs/benchmarks.md).
 */
export async function sendWithToken(
	ctx: GraphContext,
	options: IHttpRequestOptions,
	authenticate: (options: IHttpRequestOptions) => Promise<IHttpRequestOptions>,
): Promise<RawAnswer> {
	try {
		const response = (await ctx.helpers.httpRequest(
			fullResponseOptions(await authenticate(options)),
		)) as IN8nHttpFullResponse;
		return toAnswer(response);
	} catch (error) {
		return noAnswer(error);
	}
}

/** With the app token as `access_token` query parameter (Meta's way for app-level endpoints). */
export async function sendWithAppToken(
	ctx: GraphContext,
	options: IHttpRequestOptions,
	appToken: string,
): Promise<RawAnswer> {
	try {
		const response = (await ctx.helpers.httpRequest(
			fullResponseOptions({ ...options, qs: { ...options.qs, access_token: appToken } }),
		)) as IN8nHttpFullResponse;
		return toAnswer(response);
	} catch (error) {
		return noAnswer(error);
	}
}
