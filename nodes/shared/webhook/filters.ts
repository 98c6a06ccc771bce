import type { ChangeEvent, ReadableChange } from './readable';

/** The WhatsApp trigger's `events` choices and the readable events each one lets through. */
const WHATSAPP_EVENT_CHOICES = {
	accountSettingsUpdate: ['accountSettingsUpdate'],
	callingRestriction: ['callingQualityWarning', 'callingRestriction'],
	accountUpdate: ['callingQualityWarning', 'callingRestriction', 'accountUpdate'],
} as const satisfies Record<string, readonly ChangeEvent[]>;

export type WhatsAppEventChoice = keyof typeof WHATSAPP_EVENT_CHOICES;

/** The Meta webhook field each choice needs the app to be subscribed to. */
const WHATSAPP_EVENT_FIELDS: Record<WhatsAppEventChoice, string> = {
	accountSettingsUpdate: 'account_settings_update',
	callingRestriction: 'account_update',
	accountUpdate: 'account_update',
};

function isWhatsAppEventChoice(value: unknown): value is WhatsAppEventChoice {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WHATSAPP_EVENT_CHOICES, value);
}

/** Readable events a set of choices lets through (unknown choices are ignored). */
export function eventsForChoices(choices: readonly unknown[]): Set<ChangeEvent> {
	const events = new Set<ChangeEvent>();
	for (const choice of choices) {
		if (isWhatsAppEventChoice(choice)) WHATSAPP_EVENT_CHOICES[choice].forEach((event) => events.add(event));
	}
	return events;
}

/** Webhook fields a set of choices needs, without duplicates, in a stable order. */
export function fieldsForChoices(choices: readonly unknown[]): string[] {
	const fields = new Set<string>();
	for (const choice of choices) if (isWhatsAppEventChoice(choice)) fields.add(WHATSAPP_EVENT_FIELDS[choice]);
	return [...fields].sort();
}

export interface ChangeFilter {
	/** Events to keep. */
	events: ReadonlySet<ChangeEvent>;
	/** Phone number ids (or display numbers) or Page ids to keep; empty = all. */
	ids: readonly string[];
}

/** Digits only, so "+1 650-555-1234" and "16505551234" are the same display number. */
function digitsOf(value: string): string {
	return value.replace(/\D/g, '');
}

/**
 * True when the change is one of the wanted events and, if ids are given, about one of them.
 * account_update names only the display number, so ids also match a phone number by its digits.
 */
export function changePassesFilter(change: ReadableChange, filter: ChangeFilter): boolean {
	if (!filter.events.has(change.event)) return false;
	if (filter.ids.length === 0) return true;
	const candidates = [change.phoneNumberId, change.pageId].filter((id): id is string => typeof id === 'string');
	if (candidates.some((id) => filter.ids.includes(id))) return true;
	const number = typeof change.phoneNumber === 'string' ? digitsOf(change.phoneNumber) : '';
	return number !== '' && filter.ids.some((id) => digitsOf(id) === number);
}
