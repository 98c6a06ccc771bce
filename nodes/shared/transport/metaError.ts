import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isRecord } from '../validation';
import { errorDetails, hintFor, unknownObjectOf } from './hints';
import { redactText, redactValue } from './redaction';
import type { MetaErrorEnvelope } from './types';

/*
 * Meta's error answers, and answers that never came, as NodeApiErrors: Meta's message, code, subcode and
 * fbtrace_id, a hint (hints.ts), and nothing secret (redaction.ts). The transport's one way to make an error.
 */

/** The fields copied onto the NodeApiError (and into continueOnFail items). */
export const META_ERROR_FIELDS = [
	'code',
	'error_subcode',
	'error_user_title',
	'error_user_msg',
	'fbtrace_id',
] as const;

function toNumber(value: unknown): number | undefined {
	if (value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

/** How each field of Meta's envelope is read, in the order the envelope keeps them. */
const ENVELOPE_FIELDS: Array<[keyof MetaErrorEnvelope, (value: unknown) => unknown]> = [
	['message', String],
	['type', String],
	['code', toNumber],
	['error_subcode', toNumber],
	['error_user_title', String],
	['error_user_msg', String],
	['error_data', (value) => (isRecord(value) || typeof value === 'string' ? value : undefined)],
	['is_transient', (value) => value === true],
	['fbtrace_id', String],
];

/** The envelope in an answer body, or undefined when the body is not one of Meta's errors. */
export function readMetaError(body: unknown): MetaErrorEnvelope | undefined {
	if (!isRecord(body) || !isRecord(body.error)) return undefined;
	const raw = body.error;
	if (raw.message === undefined && raw.code === undefined) return undefined;
	const envelope: Record<string, unknown> = {};
	for (const [key, read] of ENVELOPE_FIELDS) {
		// Fields Meta left out stay out (no key with an undefined value).
		const value = raw[key] === undefined ? undefined : read(raw[key]);
		if (value !== undefined) envelope[key] = value;
	}
	return envelope as MetaErrorEnvelope;
}

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
	const parts = [
		['code', envelope.code],
		['subcode', envelope.error_subcode],
		['fbtrace_id', envelope.fbtrace_id],
	].filter(([, value]) => value !== undefined);
	return parts.length ? `Meta error ${parts.map((part) => part.join(' ')).join(', ')}.` : '';
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

/** Meta's envelope -> NodeApiError with Meta's message, a hint, and Meta's codes as properties. */
export function metaApiError(envelope: MetaErrorEnvelope, context: ErrorContext): NodeApiError {
	const userMessage = envelope.error_user_msg
		? `${envelope.error_user_title ? `${envelope.error_user_title}: ` : ''}${envelope.error_user_msg}`
		: '';
	const unknown = unknownObjectOf(envelope, context.path, context.node.type);
	const hint = unknown ? unknown.hint : hintFor(envelope);
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
		context,
		`The request may or may not have been carried out: ${cause.message}`,
		(retried
			? 'An answer to this write was lost, so Meta may have applied it. Read the settings before running it again.'
			: 'It was not repeated automatically because repeating it could send the message twice. Check whether it arrived before running it again.') +
			(cause.description ? ` ${cause.description}` : ''),
		{ ambiguous: true, cause: cause.message },
		fields,
	);
}
