import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isRateLimitCode } from './rateLimit';

/** Meta's error envelope: `{"error": {...}}`. Every field is optional in practice. */
export interface MetaErrorEnvelope {
	message?: string;
	type?: string;
	code?: number;
	error_subcode?: number;
	error_user_title?: string;
	error_user_msg?: string;
	error_data?: IDataObject | string;
	is_transient?: boolean;
	fbtrace_id?: string;
}

/** The fields copied onto the NodeApiError (and into continueOnFail items). */
export const META_ERROR_FIELDS = [
	'code',
	'error_subcode',
	'error_user_title',
	'error_user_msg',
	'fbtrace_id',
] as const;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toNumber(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

/** The envelope in an answer body, or undefined when the body is not one of Meta's errors. */
export function readMetaError(body: unknown): MetaErrorEnvelope | undefined {
	if (!isObject(body) || !isObject(body.error)) return undefined;
	const raw = body.error;
	if (raw.message === undefined && raw.code === undefined) return undefined;
	const envelope: MetaErrorEnvelope = {};
	if (raw.message !== undefined) envelope.message = String(raw.message);
	if (raw.type !== undefined) envelope.type = String(raw.type);
	envelope.code = toNumber(raw.code);
	envelope.error_subcode = toNumber(raw.error_subcode);
	if (raw.error_user_title !== undefined) envelope.error_user_title = String(raw.error_user_title);
	if (raw.error_user_msg !== undefined) envelope.error_user_msg = String(raw.error_user_msg);
	if (isObject(raw.error_data) || typeof raw.error_data === 'string') envelope.error_data = raw.error_data;
	if (raw.is_transient !== undefined) envelope.is_transient = raw.is_transient === true;
	if (raw.fbtrace_id !== undefined) envelope.fbtrace_id = String(raw.fbtrace_id);
	for (const key of Object.keys(envelope) as Array<keyof MetaErrorEnvelope>) {
		if (envelope[key] === undefined) delete envelope[key];
	}
	return envelope;
}

/** `error_data.details` (code 100 says which parameter is wrong there); Meta sometimes sends error_data as JSON text. */
export function errorDetails(envelope: MetaErrorEnvelope): string | undefined {
	let data: unknown = envelope.error_data;
	if (typeof data === 'string') {
		try {
			data = JSON.parse(data) as unknown;
		} catch {
			return data as string;
		}
	}
	return isObject(data) && data.details !== undefined ? String(data.details) : undefined;
}

const RATE_LIMIT_SCOPE: Record<number, string> = {
	4: 'the app',
	17: 'the user or ad account',
	32: 'the Page',
	613: 'a custom limit of this call',
	80007: 'the WhatsApp Business Account',
	130429: 'the phone number’s throughput',
};

const PERMISSION_HINT =
	'The access token lacks a permission this call needs, or the Page / phone number is not assigned to it. Messenger calls need a Page token with pages_messaging and pages_manage_metadata; WhatsApp calls need a system user token with whatsapp_business_management, with the WhatsApp Business Account assigned to that system user.';

function isOutsideMessagingWindow(envelope: MetaErrorEnvelope): boolean {
	return envelope.error_subcode === 2018278 || /outside (of )?(the )?allowed window/i.test(envelope.message ?? '');
}

// Meta's calling pages: enabling calling needs SIP, or an app subscribed to the WABA's `calls` webhook field.
const CALLING_PREREQUISITES_HINT =
	'Calling needs a way to receive calls: either SIP (Calling Setting → Update with SIP Status Enabled and a SIP server), or an app subscribed to the WhatsApp Business Account’s "calls" webhook field. To subscribe: in the App Dashboard → WhatsApp → Configuration subscribe the webhook field "calls", and subscribe the app to the account (POST /<WABA_ID>/subscribed_apps with a token of that account). Then enable calling again. Also check in WhatsApp Manager that the business is verified and the number fully registered.';

const RESTRICTION_LOCK_HINT =
	'The number is under a calling restriction (Meta pauses calling for 7 days after low call quality), and while it lasts its calling settings cannot be changed. Calling Setting → Get lists it in "restrictions" with "expiresAt": run this change again after that moment.';

const PARTNERS_ROUTING_HINT =
	'Routing calls to PARTNERS needs the app subscribed to the Page’s "calls" webhook field first: subscribe the field "calls" for the Page object in the App Dashboard (Messenger → Webhooks), and subscribe the app to the Page (POST /<PAGE_ID>/subscribed_apps?subscribed_fields=calls with the Page token). Until then, keep the ring target META.';

function textOf(envelope: MetaErrorEnvelope): string {
	return [envelope.message, envelope.error_user_msg, errorDetails(envelope)].filter(Boolean).join(' ');
}

/** A settings write refused because of a calling restriction (code 138014, or Meta's wording). */
function isRestrictionLock(envelope: MetaErrorEnvelope): boolean {
	if (envelope.code === 138014) return true;
	return envelope.code === 100 && /under (a|the) (calling )?restriction|restricted/i.test(textOf(envelope));
}

/** The Page refused ring_target PARTNERS: Meta's "Page not yet eligible" for partner routing. */
function isPartnersRoutingRefused(envelope: MetaErrorEnvelope): boolean {
	const text = textOf(envelope);
	return envelope.code === 100 && (/not (yet )?eligible/i.test(text) || /PARTNERS/.test(text));
}

/** A plain-language next step for the codes users meet most; undefined when there is nothing to add. */
export function hintFor(envelope: MetaErrorEnvelope): string | undefined {
	const code = envelope.code;
	if (isOutsideMessagingWindow(envelope)) {
		return 'Messenger only lets a Page message a person within 24 hours of that person’s last message to the Page. Send the call prompt after the person writes to the Page again.';
	}
	if (code === 190) {
		return 'The access token is invalid or has expired (or the user changed their password or logged out). Generate a new token — a Page token for Messenger, a system user token for WhatsApp — and update the Meta Calling API credential.';
	}
	if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) return PERMISSION_HINT;
	if (isPartnersRoutingRefused(envelope)) return PARTNERS_ROUTING_HINT;
	if (isRestrictionLock(envelope)) return RESTRICTION_LOCK_HINT;
	if (code === 100) {
		const details = errorDetails(envelope);
		const base = 'Meta rejected a parameter of the request: check the IDs and the values of the fields.';
		return details ? `${base} Meta says: ${details}` : base;
	}
	if (code === 138000) {
		return 'Calling is not enabled on this phone number. Enable it first (Calling status: Enabled) and try again.';
	}
	if (code === 138015) {
		return 'Calling cannot be enabled yet: the business phone number needs a messaging limit of at least 2,000 business-initiated conversations per 24 hours.';
	}
	if (code === 138018) return CALLING_PREREQUISITES_HINT;
	if (code === 131055) {
		return 'SIP calling is switched on for this number; while it is on, Meta refuses the calling Graph endpoints. Set SIP status to Disabled to manage calling through the Graph API.';
	}
	if (code === 551) {
		return 'This person is not available right now (they may have blocked the Page, deactivated their account or cannot receive messages).';
	}
	if (isRateLimitCode(code)) {
		const scope = code !== undefined ? RATE_LIMIT_SCOPE[code] : undefined;
		return `Meta’s rate limit for ${scope ?? 'this call'} was still in force after waiting as long as the Max Wait option allows. Lower Concurrency, spread the items over time, or raise Max Wait.`;
	}
	return undefined;
}

// ----- redaction -----

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
	if (isObject(value)) {
		const copy: IDataObject = {};
		for (const [k, v] of Object.entries(value)) copy[redactText(k, secrets)] = redactValue(v, secrets);
		return copy as T;
	}
	return value;
}

// ----- errors -----

export interface ErrorContext {
	node: INode;
	/** Every secret of the credential (token, app secret, appsecret_proof, app token). */
	secrets: readonly string[];
	/** HTTP status, when an answer arrived. */
	statusCode?: number;
	/** Appended to the description, e.g. how long the client waited before giving up. */
	note?: string;
	/** The request's path ('/<ID>/<edge>'): names the field of an ID Meta does not know. */
	path?: string;
}

function describeCodes(envelope: MetaErrorEnvelope): string {
	const parts: string[] = [];
	if (envelope.code !== undefined) parts.push(`code ${envelope.code}`);
	if (envelope.error_subcode !== undefined) parts.push(`subcode ${envelope.error_subcode}`);
	if (envelope.fbtrace_id !== undefined) parts.push(`fbtrace_id ${envelope.fbtrace_id}`);
	return parts.length ? `Meta error ${parts.join(', ')}.` : '';
}

/**
 * Builds a NodeApiError from data we chose, never from the HTTP library's error: that one holds the
 * request options, Authorization header included. Every string passes through redaction first.
 */
function buildError(
	context: ErrorContext,
	message: string,
	description: string,
	errorResponse: JsonObject,
	fields: IDataObject = {},
): NodeApiError {
	const { secrets } = context;
	const safeMessage = redactText(message, secrets);
	const safeDescription = redactText([description, context.note].filter(Boolean).join(' '), secrets);
	const error = new NodeApiError(context.node, redactValue(errorResponse, secrets), {
		message: safeMessage,
		description: safeDescription,
		httpCode: context.statusCode !== undefined ? String(context.statusCode) : undefined,
	});
	// NodeApiError may swap a message that mentions a network code (ECONNRESET...) for a generic one; keep ours.
	error.message = safeMessage;
	error.description = safeDescription;
	Object.assign(error, redactValue(fields, secrets));
	return error;
}

/** The Graph edge a request went to -> the field on screen its object ID came from. */
const ID_FIELD_BY_EDGE: Record<string, string> = {
	settings: 'Phone Number ID',
	phone_numbers: 'WhatsApp Business Account ID',
	'': 'WhatsApp Business Account ID',
	messenger_call_settings: 'Page ID',
	messages: 'Page ID',
	subscriptions: 'App ID',
};

/** '/123/settings' -> Phone Number ID 123; subscribed_apps belongs to a WABA or a Page, as the node says. */
export function idFieldOf(path: string, nodeType: string): { field: string; id: string } | undefined {
	const [id, edge = ''] = path.split('/').filter(Boolean);
	const field = edge === 'subscribed_apps' ? (/messenger/i.test(nodeType) ? 'Page ID' : 'WhatsApp Business Account ID') : ID_FIELD_BY_EDGE[edge];
	return id && id !== 'me' && field ? { field, id } : undefined;
}

/** Meta does not know the object (or the token cannot reach it): subcode 33, or "Invalid page-id". */
function isUnknownObject(envelope: MetaErrorEnvelope): boolean {
	return envelope.code === 100 && (envelope.error_subcode === 33 || /does not exist|invalid page-?id/i.test(textOf(envelope)));
}

/** Meta's envelope -> NodeApiError with Meta's message, a hint, and Meta's codes as properties. */
export function metaApiError(envelope: MetaErrorEnvelope, context: ErrorContext): NodeApiError {
	const userMessage = envelope.error_user_msg
		? `${envelope.error_user_title ? `${envelope.error_user_title}: ` : ''}${envelope.error_user_msg}`
		: '';
	const unknown = isUnknownObject(envelope) && context.path ? idFieldOf(context.path, context.node.type) : undefined;
	const hint = unknown
		? `${unknown.field} ${unknown.id}: Meta has no such object that this token can reach. Check the ${unknown.field}, and that the credential's token was granted it.`
		: hintFor(envelope);
	const description = [userMessage, hint, describeCodes(envelope)].filter(Boolean).join(' ');
	const fields: IDataObject = {};
	for (const key of META_ERROR_FIELDS) if (envelope[key] !== undefined) fields[key] = envelope[key];
	const details = errorDetails(envelope);
	if (details !== undefined) fields.error_details = details;
	if (envelope.is_transient !== undefined) fields.is_transient = envelope.is_transient;
	const message = envelope.message ?? `Meta answered with error code ${envelope.code ?? 'unknown'}`;
	return buildError(
		context,
		unknown ? `${unknown.field}: ${message}` : message,
		description,
		{ error: envelope as unknown as JsonObject },
		fields,
	);
}

/** No answer at all: refused, reset, timed out, name not resolved. */
export function networkError(
	networkCode: string,
	host: string,
	context: ErrorContext,
	detail?: string,
): NodeApiError {
	const reasons: Record<string, string> = {
		ECONNREFUSED: 'the server refused the connection',
		ECONNRESET: 'the connection was closed before the answer arrived',
		ETIMEDOUT: 'the request timed out',
		ECONNABORTED: 'the request timed out',
		ENOTFOUND: 'the host name could not be resolved',
		EAI_AGAIN: 'the host name could not be resolved right now',
	};
	const reason = reasons[networkCode] ?? 'the connection failed';
	return buildError(
		context,
		`Could not get an answer from the Graph API at ${host}: ${reason}`,
		`Network error ${networkCode}${detail ? ` (${detail})` : ''}. Check the credential's Base URL and the network.`,
		{ networkError: networkCode, host },
		{ code: networkCode },
	);
}

/** An answer that is not Meta's JSON: an HTML error page from a proxy, or a broken body. */
export function unreadableAnswerError(statusCode: number, bodyText: string, context: ErrorContext): NodeApiError {
	const looksHtml = /^\s*</.test(bodyText);
	const excerpt = bodyText.replace(/\s+/g, ' ').trim().slice(0, 200);
	const message =
		statusCode >= 400
			? `The Graph API answered HTTP ${statusCode} without Meta's error details`
			: `The Graph API answered HTTP ${statusCode} with a body that is not valid JSON`;
	const description = looksHtml
		? 'The answer is an HTML page, which usually comes from a proxy or an outage in front of the Graph API, not from the API itself.'
		: `The answer could not be read as JSON${excerpt ? `: "${excerpt}"` : ''}.`;
	return buildError({ ...context, statusCode }, message, description, { statusCode, body: excerpt });
}

/**
 * A request that must not run twice (sending a message) lost its answer in a way that does not prove
 * whether Meta acted on it. Repeating could deliver it twice, so the user decides. `retried`: a write
 * that was retried lost an answer and then failed for good; it may have been applied all the same.
 */
export function ambiguousOutcomeError(cause: NodeApiError, context: ErrorContext, retried = false): NodeApiError {
	const fields: IDataObject = {};
	for (const key of [...META_ERROR_FIELDS, 'is_transient'] as const) {
		const value = (cause as unknown as IDataObject)[key];
		if (value !== undefined) fields[key] = value;
	}
	return buildError(
		{ ...context, statusCode: context.statusCode },
		`The request may or may not have been carried out: ${cause.message}`,
		(retried
			? 'An answer to this write was lost, so Meta may have applied it. Read the settings before running it again.'
			: 'It was not repeated automatically because repeating it could send the message twice. Check whether it arrived before running it again.') +
			(cause.description ? ` ${cause.description}` : ''),
		{ ambiguous: true, cause: cause.message },
		fields,
	);
}
