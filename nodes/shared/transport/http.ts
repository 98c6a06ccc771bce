import type { ICredentialsDecrypted, IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './connection';
import type { GraphContext } from './types';

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
 * Through n8n's `httpRequestWithAuthentication`: n8n applies the credential's own `authenticate` (Bearer
 * token and appsecret_proof, or the app token for app-level calls). The credential comes ready-decrypted
 * (`credentialsDecrypted`, read once per client): without it n8n would load the credential from its
 * database and decrypt it again for every single request, which with many items cost more CPU than the
 * request itself (docs/benchmarks.md).
 */
export async function sendAuthenticated(
	ctx: GraphContext,
	options: IHttpRequestOptions,
	credential: ICredentialsDecrypted,
): Promise<RawAnswer> {
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, fullResponseOptions(options), {
			credentialsDecrypted: credential,
		})) as IN8nHttpFullResponse;
		return toAnswer(response);
	} catch (error) {
		return noAnswer(error);
	}
}
