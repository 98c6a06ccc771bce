import { isRecord } from '../validation';
import type { DeliveryChange } from './delivery';
import { readId, readString, unixToIso } from './values';

/**
 * What a change means, in names a workflow author can use without reading Meta's docs.
 * `event` says which kind it is; the other keys depend on it.
 */
export interface ReadableChange {
	event: ChangeEvent;
	phoneNumberId?: string | null;
	/** account_update names the display number, not its id. */
	phoneNumber?: string | null;
	pageId?: string | null;
	[key: string]: unknown;
}

export type ChangeEvent =
	| 'accountSettingsUpdate'
	| 'callingQualityWarning'
	| 'callingRestriction'
	| 'accountUpdate'
	| 'callSettingsUpdate'
	| 'other';

/**
 * Warnings and restrictions about calling. Meta adds types (RESTRICTED_USER_INITIATED_CALLING_CALL_BUTTON_HIDDEN
 * came in 2026), so any type that names calling counts, not only those listed here; the one documented type
 * that does not say CALLING is listed. Each item carries the type as Meta sent it.
 */
const CALLING_TYPES_WITHOUT_THE_WORD = new Set(['USER_INITIATED_CALLS_LOW_PICKUP_RATE']);

function isCallingType(type: string): boolean {
	return type.toUpperCase().includes('CALLING') || CALLING_TYPES_WITHOUT_THE_WORD.has(type);
}

/** Readable form of a WhatsApp change (`account_settings_update`, `account_update`, or any other field). */
export function readWhatsAppChange(change: DeliveryChange): ReadableChange {
	const value = isRecord(change.value) ? change.value : {};
	if (change.field === 'account_settings_update') return readSettingsUpdate(value);
	if (change.field === 'account_update') return readAccountUpdate(value);
	return { event: 'other', phoneNumberId: readId(value.phone_number_id), value: change.value ?? null };
}

function readSettingsUpdate(value: Record<string, unknown>): ReadableChange {
	const settings = isRecord(value.phone_number_settings) ? value.phone_number_settings : {};
	return {
		event: 'accountSettingsUpdate',
		phoneNumberId: readId(settings.phone_number_id) ?? readId(value.phone_number_id),
		settingsType: readString(value.type),
		// Same shape as GET /<PHONE_NUMBER_ID>/settings; null when the update was not about calling.
		calling: isRecord(settings.calling) ? settings.calling : null,
		updatedAt: unixToIso(value.timestamp),
	};
}

function readAccountUpdate(value: Record<string, unknown>): ReadableChange {
	const base = {
		phoneNumberId: readId(value.phone_number_id),
		phoneNumber: readId(value.phone_number),
		accountEvent: readString(value.event),
	};
	const violationType = isRecord(value.violation_info) ? readString(value.violation_info.violation_type) : null;
	if (violationType !== null && isCallingType(violationType)) {
		return { event: 'callingQualityWarning', ...base, violationType };
	}
	const restrictions = readRestrictions(value.restriction_info).filter((r) => isCallingType(r.type));
	if (restrictions.length > 0) return { event: 'callingRestriction', ...base, restrictions };
	return { event: 'accountUpdate', ...base, value };
}

interface Restriction {
	type: string;
	/** ISO date of the end of the pause, or null when Meta gave none. */
	expiresAt: string | null;
}

/** `restriction_info` is documented as a list; a single object is read as a list of one. */
function readRestrictions(info: unknown): Restriction[] {
	const list = Array.isArray(info) ? info : [info];
	const restrictions: Restriction[] = [];
	for (const item of list) {
		const type = isRecord(item) ? readString(item.restriction_type) ?? readString(item.type) : null;
		if (isRecord(item) && type !== null) restrictions.push({ type, expiresAt: unixToIso(item.expiration) });
	}
	return restrictions;
}

/** Readable form of a Page change: the settings as sent (same keys as GET messenger_call_settings). */
export function readPageChange(change: DeliveryChange): ReadableChange {
	const settings = isRecord(change.value) ? change.value : {};
	if (change.field !== 'call_settings_update') {
		return { event: 'other', pageId: change.entryId, value: change.value ?? null };
	}
	return {
		event: 'callSettingsUpdate',
		pageId: change.entryId,
		callSettings: settings,
		recipientId: readId(settings.recipient_id),
	};
}
