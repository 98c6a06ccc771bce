import { isRecord } from '../validation';
import { isRateLimitCode } from './rateLimit';
import type { MetaErrorEnvelope } from './types';

/*
 * The hint table: for the errors users meet most, a plain-language next step added to Meta's message
 * (metaError.ts builds the error around it).
 */

/** Errors that say one thing whatever the request was. */
const HINT_BY_CODE: Record<number, string> = {
	190: 'The access token is invalid or has expired (or the user changed their password or logged out). Generate a new token — a Page token for Messenger, a system user token for WhatsApp — and update the Meta Calling API credential.',
	138000: 'Calling is not enabled on this phone number. Enable it first (Calling status: Enabled) and try again.',
	// A settings write refused because of a calling restriction (or code 100 with Meta's wording, below).
	138014: 'The number is under a calling restriction (Meta pauses calling for 7 days after low call quality), and while it lasts its calling settings cannot be changed. Calling Setting → Get lists it in "restrictions" with "expiresAt": run this change again after that moment.',
	138015: 'Calling cannot be enabled yet: the business phone number needs a messaging limit of at least 2,000 business-initiated conversations per 24 hours.',
	// Meta's calling pages: enabling calling needs SIP, or an app subscribed to the WABA's `calls` webhook field.
	138018: 'Calling needs a way to receive calls: either SIP (Calling Setting → Update with SIP Status Enabled and a SIP server), or an app subscribed to the WhatsApp Business Account’s "calls" webhook field. To subscribe: in the App Dashboard → WhatsApp → Configuration subscribe the webhook field "calls", and subscribe the app to the account (POST /<WABA_ID>/subscribed_apps with a token of that account). Then enable calling again. Also check in WhatsApp Manager that the business is verified and the number fully registered.',
	131055: 'SIP calling is switched on for this number; while it is on, Meta refuses the calling Graph endpoints. Set SIP status to Disabled to manage calling through the Graph API.',
	// WhatsApp sends (call button, call permission request).
	131047: 'Outside the 24-hour customer service window only templates can be sent: one whose buttons component has a VOICE_CALL button (WhatsApp Manager → Message templates), e.g. with n8n’s WhatsApp Business Cloud node.',
	131026: 'The person’s WhatsApp app is too old for this message, or the number is not on WhatsApp.',
	551: 'This person is not available right now (they may have blocked the Page, deactivated their account or cannot receive messages).',
};

const OUTSIDE_WINDOW_HINT =
	'Messenger only lets a Page message a person within 24 hours of that person’s last message to the Page. Send the call prompt after the person writes to the Page again.';

const PERMISSION_HINT =
	'The access token lacks a permission this call needs, or the Page / phone number is not assigned to it. Messenger calls need a Page token with pages_messaging and pages_manage_metadata; WhatsApp calls need a system user token with whatsapp_business_management, with the WhatsApp Business Account assigned to that system user.';

const PARTNERS_ROUTING_HINT =
	'Routing calls to PARTNERS needs the app subscribed to the Page’s "calls" webhook field first: subscribe the field "calls" for the Page object in the App Dashboard (Messenger → Webhooks), and subscribe the app to the Page (POST /<PAGE_ID>/subscribed_apps?subscribed_fields=calls with the Page token). Until then, keep the ring target META.';

const RATE_LIMIT_SCOPE: Record<number, string> = {
	4: 'the app',
	17: 'the user or ad account',
	32: 'the Page',
	613: 'a custom limit of this call',
	80007: 'the WhatsApp Business Account',
	130429: 'the phone number’s throughput',
};

/** A plain-language next step for the codes users meet most; undefined when there is nothing to add. */
export function hintFor(envelope: MetaErrorEnvelope): string | undefined {
	if (envelope.error_subcode === 2018278 || /outside (of )?(the )?allowed window/i.test(envelope.message ?? '')) {
		return OUTSIDE_WINDOW_HINT;
	}
	const code = envelope.code;
	if (code === undefined) return undefined;
	if (code === 10 || (code >= 200 && code <= 299)) return PERMISSION_HINT;
	if (code === 100) return invalidParameterHint(envelope);
	if (isRateLimitCode(code)) {
		return `Meta’s rate limit for ${RATE_LIMIT_SCOPE[code] ?? 'this call'} was still in force after waiting as long as the Max Wait option allows. Lower Concurrency, spread the items over time, or raise Max Wait.`;
	}
	return HINT_BY_CODE[code];
}

/** Code 100 covers many refusals; Meta's wording tells them apart. */
function invalidParameterHint(envelope: MetaErrorEnvelope): string {
	const text = textOf(envelope);
	// The Page refused ring_target PARTNERS: Meta's "Page not yet eligible" for partner routing.
	if (/not (yet )?eligible/i.test(text) || /PARTNERS/.test(text)) return PARTNERS_ROUTING_HINT;
	if (/under (a|the) (calling )?restriction|restricted/i.test(text)) return HINT_BY_CODE[138014];
	const details = errorDetails(envelope);
	const base = 'Meta rejected a parameter of the request: check the IDs and the values of the fields.';
	return details ? `${base} Meta says: ${details}` : base;
}

function textOf(envelope: MetaErrorEnvelope): string {
	return [envelope.message, envelope.error_user_msg, errorDetails(envelope)].filter(Boolean).join(' ');
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
	return isRecord(data) && data.details !== undefined ? String(data.details) : undefined;
}

/** The Graph edge a request went to -> the field on screen its object ID came from. */
const ID_FIELD_BY_EDGE: Record<string, string> = {
	settings: 'Phone Number ID',
	phone_numbers: 'WhatsApp Business Account ID',
	'': 'WhatsApp Business Account ID',
	messenger_call_settings: 'Page ID',
	call_permissions: 'Phone Number ID',
	subscriptions: 'App ID',
};

/** '/123/settings' -> Phone Number ID 123; subscribed_apps belongs to a WABA or a Page, as the node says. */
export function idFieldOf(path: string, nodeType: string): { field: string; id: string } | undefined {
	const [id, edge = ''] = path.split('/').filter(Boolean);
	const messenger = /messenger/i.test(nodeType);
	const byNode: Record<string, string> = {
		subscribed_apps: messenger ? 'Page ID' : 'WhatsApp Business Account ID',
		messages: messenger ? 'Page ID' : 'Phone Number ID',
	};
	const field = byNode[edge] ?? ID_FIELD_BY_EDGE[edge];
	return id && id !== 'me' && field ? { field, id } : undefined;
}

/**
 * An ID Meta does not know (or the token cannot reach: subcode 33, or "Invalid page-id"): the field on
 * screen it came from, and what to check. Undefined for any other error, or when the path names no field.
 */
export function unknownObjectOf(envelope: MetaErrorEnvelope, path: string | undefined, nodeType: string) {
	const unknown = envelope.code === 100 && (envelope.error_subcode === 33 || /does not exist|invalid page-?id/i.test(textOf(envelope)));
	const named = unknown && path ? idFieldOf(path, nodeType) : undefined;
	return named && {
		field: named.field,
		hint: `${named.field} ${named.id}: Meta has no such object that this token can reach. Check the ${named.field}, and that the credential's token was granted it.`,
	};
}
