import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { BackoffSettings } from './rateLimit';

/*
 * The transport's shared types, in a file that imports no other transport module: connection.ts, http.ts
 * and graph.ts all use them, and none of the three has to import another for a type.
 */

/** Where a client may be made: n8n's execute, hook, load-options and webhook contexts. */
export type GraphContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions;

/** One call to Meta's Graph API, as a node describes it (no URL, no version, no token). */
export interface GraphRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** Without the version: '/123/settings'. The client adds baseUrl and graphApiVersion. */
	path: string;
	qs?: IDataObject;
	/** Sent as JSON. */
	body?: IDataObject;
	/** Default true. false = must not be sent twice (sending a message). */
	repeatable?: boolean;
	/** 'app' = the APP_ID|APP_SECRET app token (webhook subscriptions). Default 'token'. */
	auth?: 'token' | 'app';
	/** Takes the next free window slot before requests that are not urgent (a write whose read goes stale). */
	urgent?: boolean;
	/**
	 * Called right before each attempt leaves (a window slot granted, every wait over). It stops the request
	 * by throwing the caller's own error: nothing is sent, and the client passes that error on untouched.
	 * Callers set it through `guarded` (graph.ts), which composes guards.
	 */
	beforeSend?: () => void;
}

/** What a dry run shows: the request as it would leave, without any secret. */
export interface GraphRequestPreview {
	method: string;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface GraphClient {
	/** Base URL and version, e.g. 'https://graph.facebook.com/v26.0': with an account ID, it names the account. */
	readonly apiRoot: string;
	/** Sends the request (retrying what is safe to retry); throws NodeApiError on Meta errors. */
	request<T = IDataObject>(req: GraphRequest): Promise<T>;
	/**
	 * GET /debug_token about the credential's own token: what it is and which accounts it was granted
	 * (granular_scopes[].target_ids). The token leaves only here, as input_token, and errors redact it.
	 */
	inspectToken(): Promise<IDataObject>;
	/** The credential's optional WhatsApp Business Account ID ('' when not set): the WABA lists fall back on it. */
	readonly businessAccountId: string;
	describe(req: GraphRequest): GraphRequestPreview;
	/** Requests the adaptive window allows in flight now. */
	windowLimit?(): number;
}

export interface GraphClientOptions {
	/** 'auto' (default) adapts to Meta's answers; a number 1–50 fixes the requests in flight. */
	concurrency?: 'auto' | number;
	/** Upper bound of the time one request may spend waiting for backoffs. Default 60 000 ms. */
	maxTotalWaitMs?: number;
	/** Backoff base and cap; tests shrink them. Default 50 ms doubling up to 30 s. */
	backoff?: BackoffSettings;
	/** Per-attempt timeout. Default 60 000 ms. */
	requestTimeoutMs?: number;
	/** Source of jitter in [0, 1); tests pin it to make waits predictable. Default Math.random. */
	random?: () => number;
}

/** Meta's error envelope: `{"error": {...}}`. Every field is optional in practice. */
export interface MetaErrorEnvelope {
	message?: string;
	type?: string;
	code?: number;
	error_subcode?: number;
	error_user_title?: string;
	error_user_msg?: string;
	error_data?: Record<string, unknown> | string;
	is_transient?: boolean;
	fbtrace_id?: string;
}
