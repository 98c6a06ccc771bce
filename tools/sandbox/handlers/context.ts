import type { AnswerStyle, SandboxState } from '../types';

/** One Graph request as the handlers see it: version stripped, query and body merged into params. */
export interface GraphRequest {
	method: string;
	/** Path without the version prefix, e.g. /3000000000000001/settings. */
	path: string;
	/** The version the caller asked for (v26.0), if any. */
	version?: string;
	query: Record<string, unknown>;
	body: unknown;
	/** Query and body parameters together, without access_token and appsecret_proof (as Graph reads them). */
	params: Record<string, unknown>;
}

/** A settings change Meta would tell subscribers about; the sandbox decides at dispatch who is subscribed. */
export interface WebhookEvent {
	object: 'page' | 'whatsapp_business_account';
	field: string;
	/** The Page or WABA the change belongs to. */
	accountId: string;
	body: unknown;
}

export interface GraphAnswer {
	status?: number;
	body: unknown;
	/** Delivered after the answer has been written, like Meta. */
	webhooks?: WebhookEvent[];
}

export interface SentMessage {
	/** Messenger: the Page that sent it. */
	pageId?: string;
	/** WhatsApp: the business phone number that sent it. */
	phoneNumberId?: string;
	/** Messenger: the PSID; WhatsApp: `to` (digits) or the business-scoped `recipient`. */
	recipientId: string;
	messageId: string;
	/** Messenger: the `message` parameter as sent; WhatsApp: `interactive` (other types: the whole request). */
	message: unknown;
	/** Set for call_prompt templates (7 when the request left it out). */
	callPromptTtlDays?: number;
	at: string;
}

export interface HandlerContext {
	state: SandboxState;
	req: GraphRequest;
	now: Date;
	styleOf(objectId: string): AnswerStyle;
	recordMessage(message: SentMessage): void;
	/** Meta's GET hub.challenge check of a callback URL; throws MetaError 2200 when it fails (or is a no-op). */
	verifyCallback(callbackUrl: string, verifyToken: string): Promise<void>;
}

export type Handler = (ctx: HandlerContext, objectId: string) => GraphAnswer | Promise<GraphAnswer>;

export function nowSeconds(now: Date): number {
	return Math.floor(now.getTime() / 1000);
}
