import { InputError, parseWholeNumber } from '../../shared/validation';

/** The call prompt's parameters and Meta's refusal for a Page without calling (actions/api.ts builds its request). */

export function validateRecipientId(value: unknown, field = 'recipientId'): string {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof text !== 'string' || !/^\d+$/.test(text.trim())) {
		throw new InputError(field, 'must be the person’s page-scoped ID (PSID), a number such as 5000000000000001');
	}
	return text.trim();
}

/**
 * Meta documents ttl_days as an int, 7 by default, without a maximum for Messenger; WhatsApp's call button
 * (ttl_minutes, 1 to 43200) lasts at most 30 days, so 30 is the longest a call button is known to last.
 */
export const MAX_TTL_DAYS = 30;

export function validateTtlDays(value: unknown, field = 'ttlDays'): number {
	return parseWholeNumber(value, field, 1, MAX_TTL_DAYS, `must be a whole number of days from 1 to ${MAX_TTL_DAYS}`);
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
