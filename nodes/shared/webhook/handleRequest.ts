import type { IDataObject } from 'n8n-workflow';

import { parseJsonBody, splitDelivery, type DeliveryChange, type WebhookObject } from './delivery';
import { changePassesFilter, type ChangeFilter } from './filters';
import { readPageChange, readWhatsAppChange, type ReadableChange } from './readable';
import { signatureIsValid } from './signature';
import { answerVerification } from './verification';

/** What the trigger knows about one HTTP request Meta (or anyone) sent to its URL. */
export interface IncomingWebhook {
	method: string;
	query: unknown;
	/** The `X-Hub-Signature-256` header as received (may be missing or repeated). */
	signatureHeader: unknown;
	/** The raw bytes when the server kept them; otherwise only the body it already parsed. */
	body: { raw: Buffer } | { parsed: unknown };
}

/** The node's settings that decide the answer. */
export interface TriggerRules {
	object: WebhookObject;
	verifyToken: string;
	/** Empty = signatures cannot be checked; deliveries are accepted with signatureVerified false. */
	appSecret: string;
	filter: ChangeFilter;
}

/** Either an answer and no execution, or the items of one execution (n8n then answers 200). */
export type WebhookOutcome =
	| { startExecution: false; status: number; contentType: string; body: string }
	| { startExecution: true; items: IDataObject[] };

/** The status of a refused signature, and of nothing else. */
export const SIGNATURE_REFUSED = 401;

function reply(status: number, body: string): WebhookOutcome {
	return { startExecution: false, status, contentType: 'text/plain; charset=utf-8', body };
}

/**
 * The whole decision for one request, with no I/O: GET is Meta's verification, POST a delivery.
 * Order matters: the signature is checked on the raw bytes before anything is parsed, so an unsigned
 * sender learns nothing about how its body would have been read.
 */
export function handleWebhookRequest(request: IncomingWebhook, rules: TriggerRules): WebhookOutcome {
	if (request.method === 'GET') {
		const answer = answerVerification(request.query, rules.verifyToken);
		return answer.accepted ? reply(200, answer.challenge) : reply(403, 'Verification failed');
	}
	if (request.method !== 'POST') return reply(405, 'Method not allowed');

	const signatureVerified = rules.appSecret !== '';
	let body: unknown;
	if ('raw' in request.body) {
		if (signatureVerified && !signatureIsValid(request.body.raw, request.signatureHeader, rules.appSecret)) {
			return reply(SIGNATURE_REFUSED, 'Invalid signature');
		}
		const parsed = parseJsonBody(request.body.raw);
		if (!parsed.ok) return reply(400, parsed.reason);
		body = parsed.body;
	} else {
		// Without the raw bytes a signature cannot be checked; with a secret set, refuse rather than trust.
		if (signatureVerified) return reply(SIGNATURE_REFUSED, 'Invalid signature: raw body unavailable');
		body = request.body.parsed;
	}

	const split = splitDelivery(body, rules.object);
	if (!split.ok) return reply(400, split.reason);

	const items = changesToItems(split.changes, rules, signatureVerified);
	return items.length > 0 ? { startExecution: true, items } : reply(200, 'OK');
}

/** One item per change that passes the filters, in delivery order. */
export function changesToItems(changes: DeliveryChange[], rules: TriggerRules, signatureVerified: boolean): IDataObject[] {
	const read = rules.object === 'page' ? readPageChange : readWhatsAppChange;
	const items: IDataObject[] = [];
	for (const change of changes) {
		const readable: ReadableChange = read(change);
		if (!changePassesFilter(readable, rules.filter)) continue;
		items.push({
			field: change.field,
			object: change.object,
			entryId: change.entryId,
			time: change.time,
			...readable,
			signatureVerified,
			raw: change.raw,
		} as IDataObject);
	}
	return items;
}
