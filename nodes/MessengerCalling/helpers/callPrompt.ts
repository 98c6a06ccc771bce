import type { GraphRequest } from '../../shared/transport/graph';
import { InputError } from '../../shared/validation';

/** The call_prompt template: a message with a button that lets the person call the Page for ttl_days. */

export const DEFAULT_TTL_DAYS = 7;

export function validateRecipientId(value: unknown, field = 'recipientId'): string {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof text !== 'string' || !/^\d+$/.test(text.trim())) {
		throw new InputError(field, 'must be the person’s page-scoped ID (PSID), a number such as 5000000000000001');
	}
	return text.trim();
}

export function validateTtlDays(value: unknown, field = 'ttlDays'): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
		throw new InputError(field, `must be a whole number of days, 1 or more (got ${JSON.stringify(value)})`);
	}
	return number;
}

export function callPromptRequest(pageId: string, recipientId: string, ttlDays: number): GraphRequest {
	return {
		method: 'POST',
		path: `/${pageId}/messages`,
		body: {
			recipient: { id: recipientId },
			message: {
				attachment: { type: 'template', payload: { template_type: 'call_prompt', ttl_days: ttlDays } },
			},
		},
		// A message must not arrive twice: never retried unless Meta's answer proves it was not processed.
		repeatable: false,
	};
}

/**
 * The shared transport's hint for code 138000 speaks of a WhatsApp phone number; for a Page the same code
 * means the Page itself cannot take calls. (Outside-window and permission hints come from the transport.)
 */
export const PAGE_CALLING_NOT_ENABLED_HINT =
	'Calling is not turned on for this Page, so Meta refuses the call prompt. Turn on Messenger calling for the Page (Meta Business Suite, the Page’s calling settings) and send the prompt again.';

export function isCallingNotEnabled(code: unknown, message: unknown): boolean {
	return Number(code) === 138000 || (typeof message === 'string' && /does not have calling enabled/i.test(message));
}
