import type { IDataObject } from 'n8n-workflow';

import { callHoursFromWire, type CallHours } from '../../shared/hours';
import { isRecord } from '../../shared/validation';

/**
 * Meta's GET /<PHONE_NUMBER_ID>/settings answer, read defensively. Meta's own pages, its OpenAPI file and
 * live answers spell the same values differently (lowercase enums, "visible"/"hidden", "DTLS-SRTP", three
 * names for the restrictions list); everything is mapped to the uppercase values of the settings page,
 * which are also the values this node sends.
 */

/** One calling restriction Meta imposed on the number (e.g. after low call quality). */
export interface CallingRestriction extends IDataObject {
	type: string;
	reason: string | null;
	/** Unix seconds, as Meta sends it */
	expiration: number | null;
	/** the same moment as ISO 8601 UTC, for people and date nodes */
	expiresAt: string | null;
}

export interface CallingSettings {
	/** Meta's `calling` object with its own field names, enum values normalized */
	calling: IDataObject;
	restrictions: CallingRestriction[];
}

/** Spellings seen for the same value, mapped to the one the settings page documents. */
const VALUE_ALIASES: Record<string, string> = {
	VISIBLE: 'DEFAULT',
	HIDDEN: 'DISABLE_ALL',
	'DTLS-SRTP': 'DTLS',
	DTLS_SRTP: 'DTLS',
	'SDES-SRTP': 'SDES',
	SDES_SRTP: 'SDES',
};

export function normalizeEnum(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const upper = value.trim().toUpperCase();
	return VALUE_ALIASES[upper] ?? upper;
}

const ENUM_FIELDS = ['status', 'call_icon_visibility', 'callback_permission_status', 'srtp_key_exchange_protocol'];

function normalizeCallHours(callHours: Record<string, unknown>): IDataObject {
	const out: IDataObject = { ...(callHours as IDataObject) };
	if ('status' in out) out.status = normalizeEnum(out.status) as string;
	if (Array.isArray(out.weekly_operating_hours)) {
		out.weekly_operating_hours = out.weekly_operating_hours.map((entry) =>
			isRecord(entry) ? { ...entry, day_of_week: normalizeEnum(entry.day_of_week) } : entry,
		) as IDataObject[];
	}
	return out;
}

/** The `calling` object with every known enum in its documented spelling; unknown fields pass through. */
export function normalizeCalling(calling: unknown): IDataObject {
	if (!isRecord(calling)) return {};
	const out: IDataObject = { ...(calling as IDataObject) };
	for (const field of ENUM_FIELDS) {
		if (field in out) out[field] = normalizeEnum(out[field]) as string;
	}
	if (isRecord(out.sip) && 'status' in out.sip) {
		out.sip = { ...out.sip, status: normalizeEnum(out.sip.status) } as IDataObject;
	}
	if (isRecord(out.call_hours)) out.call_hours = normalizeCallHours(out.call_hours);
	// restrictions are reported once, at the top level of the output
	delete out.restrictions;
	return out;
}

function restrictionEntries(container: unknown): unknown[] {
	if (Array.isArray(container)) return container;
	if (!isRecord(container)) return [];
	for (const key of ['restriction_list', 'restrictions_list', 'restrictions']) {
		if (Array.isArray(container[key])) return container[key] as unknown[];
	}
	return [];
}

function toRestriction(entry: unknown): CallingRestriction | undefined {
	if (!isRecord(entry)) return undefined;
	const type = entry.type ?? entry.restriction_type;
	if (typeof type !== 'string' || type.trim() === '') return undefined;
	const seconds = Number(entry.expiration);
	const expiration = entry.expiration !== undefined && entry.expiration !== null && Number.isFinite(seconds) ? seconds : null;
	return {
		type: type.trim().toUpperCase(),
		reason: typeof entry.reason === 'string' ? entry.reason : null,
		expiration,
		expiresAt: expiration === null ? null : new Date(expiration * 1000).toISOString(),
	};
}

/** Every restriction, whichever of Meta's spellings and places (top level or inside `calling`) held it. */
export function normalizeRestrictions(answer: unknown): CallingRestriction[] {
	if (!isRecord(answer)) return [];
	const calling = isRecord(answer.calling) ? answer.calling : {};
	const entries = [...restrictionEntries(answer.restrictions), ...restrictionEntries(calling.restrictions)];
	return entries.map(toRestriction).filter((r): r is CallingRestriction => r !== undefined);
}

export function readCallingSettings(answer: unknown): CallingSettings {
	const calling = isRecord(answer) ? answer.calling : undefined;
	return { calling: normalizeCalling(calling), restrictions: normalizeRestrictions(answer) };
}

/** Calling counts as on only when Meta says ENABLED; NOT_SET and a missing status mean it was never switched on. */
export function isCallingEnabled(calling: IDataObject): boolean {
	return normalizeEnum(calling.status) === 'ENABLED';
}

/** The stored call hours, or undefined when none are stored. */
export function storedCallHours(calling: IDataObject): CallHours | undefined {
	return callHoursFromWire(calling.call_hours);
}
