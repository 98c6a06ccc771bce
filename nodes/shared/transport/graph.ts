import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

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
}

/** What a dry run shows: the request as it would leave, without any secret. */
export interface GraphRequestPreview {
	method: string;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface GraphClient {
	/** Sends the request (retrying what is safe to retry); throws NodeApiError on Meta errors. */
	request<T = IDataObject>(req: GraphRequest): Promise<T>;
	describe(req: GraphRequest): GraphRequestPreview;
}

export interface GraphClientOptions {
	/** 'auto' (default) adapts to Meta's answers; a number 1–50 fixes the requests in flight. */
	concurrency?: 'auto' | number;
	/** Upper bound of the time one request may spend waiting for backoffs. Default 60 000 ms. */
	maxTotalWaitMs?: number;
}

export type GraphContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions;

export async function createGraphClient(
	ctx: GraphContext,
	options: GraphClientOptions = {},
): Promise<GraphClient> {
	void ctx;
	void options;
	throw new Error('createGraphClient: not implemented yet');
}
