import type { IDataObject } from 'n8n-workflow';

import { eventIdOf, parseJsonBody, splitDelivery, type DeliveryChange, type WebhookObject } from './delivery';
import { changePassesFilter, type ChangeFilter } from './filters';
import { readPageChange, readWhatsAppChange, type ReadableChange } from './readable';
import { signatureHexOf, signatureIsValid } from './signature';
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
	/** Empty = no signature can be checked, so every delivery is refused (activation refuses it first). */
	appSecret: string;
	filter: ChangeFilter;
}

/** Either an answer and no execution, or the items of one execution (n8n then answers 200). */
export type WebhookOutcome =
	| { startExecution: false; status: number; contentType: string; body: string }
	| { startExecution: true; items: IDataObject[] };

/** The status of a refused signature, and of nothing else. */
const SIGNATURE_REFUSED = 401;

/** Why a trigger refuses to be activated (or to listen for a test event) without an App Secret. */
export const APP_SECRET_REQUIRED =
	"App Secret is required to verify Meta's signature on each delivery: set it in the Meta Calling API credential (App Dashboard → App settings → Basic)";

function reply(status: number, body: string): WebhookOutcome {
	return { startExecution: false, status, contentType: 'text/plain; charset=utf-8', body };
}

/**
 * What can be refused without the App Secret (so without reading the credential): any method but GET and
 * POST, and a POST whose signature could never be valid (no raw bytes, no well-formed header).
 */
export function refusalWithoutSecret(request: IncomingWebhook): WebhookOutcome | undefined {
	if (request.method === 'GET') return undefined;
	if (request.method !== 'POST') return reply(405, 'Method not allowed');
	// Anyone who learns the URL can POST to it: only a delivery signed with the app secret is Meta's.
	if (!('raw' in request.body)) return reply(SIGNATURE_REFUSED, 'Invalid signature: raw body unavailable');
	return signatureHexOf(request.signatureHeader) === undefined ? reply(SIGNATURE_REFUSED, 'Invalid signature') : undefined;
}

/**
 * The whole decision for one request, with no I/O: GET is Meta's verification, POST a delivery.
 * Order matters: the signature is checked on the raw bytes before anything is parsed, so an unsigned
 * sender learns nothing about how its body would have been read.
 */
export function handleWebhookRequest(request: IncomingWebhook, rules: TriggerRules): WebhookOutcome {
	const refused = refusalWithoutSecret(request);
	if (refused) return refused;
	if (request.method === 'GET') {
		const answer = answerVerification(request.query, rules.verifyToken);
		return answer.accepted ? reply(200, answer.challenge) : reply(403, 'Verification failed');
	}
	// A POST without raw bytes was refused above.
	const raw = (request.body as { raw: Buffer }).raw;
	// Without a secret nothing can be verified, so nothing is accepted (the sender is not told why).
	if (!signatureIsValid(raw, request.signatureHeader, rules.appSecret)) return reply(SIGNATURE_REFUSED, 'Invalid signature');
	const parsed = parseJsonBody(raw);
	if (!parsed.ok) return reply(400, parsed.reason);

	const split = splitDelivery(parsed.body, rules.object);
	if (!split.ok) return reply(400, split.reason);

	const items = changesToItems(split.changes, rules);
	return items.length > 0 ? { startExecution: true, items } : reply(200, 'OK');
}

/** One item per change that passes the filters, in delivery order. */
function changesToItems(changes: DeliveryChange[], rules: TriggerRules): IDataObject[] {
	const read = rules.object === 'page' ? readPageChange : readWhatsAppChange;
	const items: IDataObject[] = [];
	for (const change of changes) {
		const readable: ReadableChange = read(change);
		if (!changePassesFilter(readable, rules.filter)) continue;
		items.push({
			field: change.field,
			object: change.object,
			entryId: change.entryId,
			eventId: eventIdOf(change),
			// A delivery without entry.time gets no `time` key rather than `time: null`.
			...(change.time === null ? {} : { time: change.time }),
			...readable,
			// Always true now (unsigned deliveries never start a run); kept so workflows that check it go on working.
			signatureVerified: true,
			raw: change.raw,
		} as IDataObject);
	}
	return items;
}
