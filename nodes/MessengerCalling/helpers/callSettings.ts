import type { CallHours, MessengerCallHoursWire } from '../../shared/hours/types';
import { weeklyHoursFromWire } from '../../shared/hours/wire';
import { InputError, isRecord } from '../../shared/validation';

/**
 * A Page's messenger_call_settings as this node keeps them: Meta's own field names (so a user sees what
 * Meta's docs show) but read defensively and normalized, so two readings of the same settings compare equal.
 */

export const CALL_SETTINGS_FIELDS = ['call_hours', 'call_routing', 'icon_enabled', 'audio_enabled', 'video_enabled'] as const;

export type CallSettingsField = (typeof CALL_SETTINGS_FIELDS)[number];

export const RING_TARGETS = ['META', 'PARTNERS'] as const;

export type RingTarget = (typeof RING_TARGETS)[number];

export interface MessengerCallSettings {
	/** null = the Page has no call hours (Meta cannot go back to that once hours are set) */
	call_hours?: MessengerCallHoursWire | null;
	call_routing?: { ring_target: string };
	icon_enabled?: boolean;
	audio_enabled?: boolean;
	video_enabled?: boolean;
}

export interface CallSettingsReading {
	settings: MessengerCallSettings;
	/** weekly entries in Meta's answer that could not be read; a snapshot must not silently drop them */
	unreadableHourEntries: number;
}

/** Meta documents the GET answer flat, but its reference also shows {"data": [{...}]}: read both. */
export function unwrapSettingsAnswer(answer: unknown): Record<string, unknown> {
	if (!isRecord(answer)) return {};
	if (Array.isArray(answer.data)) {
		const first = answer.data.find(isRecord);
		return first ?? {};
	}
	return answer;
}

function readBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 1) return true;
	if (value === 'false' || value === 0) return false;
	return undefined;
}

/** {"ring_target": "META"}, or the bare "META" that the settings webhook shows; enums uppercased. */
function readRouting(value: unknown): { ring_target: string } | undefined {
	const target = isRecord(value) ? value.ring_target : value;
	if (typeof target !== 'string' || target.trim() === '') return undefined;
	return { ring_target: target.trim().toUpperCase() };
}

/** A call_hours object without a timezone is no usable hours: the same as none. */
function readCallHours(value: unknown): { hours: MessengerCallHoursWire | null; unreadable: number } {
	if (!isRecord(value) || typeof value.timezone_id !== 'string' || value.timezone_id.trim() === '') {
		return { hours: null, unreadable: 0 };
	}
	const raw = Array.isArray(value.weekly_operating_hours) ? value.weekly_operating_hours : [];
	const entries = weeklyHoursFromWire(raw);
	return {
		hours: {
			timezone_id: value.timezone_id.trim(),
			weekly_operating_hours: entries.map((entry) => ({
				day_of_week: entry.dayOfWeek,
				open_time: entry.openTime,
				close_time: entry.closeTime,
			})),
		},
		unreadable: raw.length - entries.length,
	};
}

/**
 * Reads a GET answer into settings holding exactly the requested fields. A requested call_hours that Meta
 * leaves out means "no hours"; a requested flag that Meta leaves out stays unknown (left out).
 */
export function readCallSettingsAnswer(
	answer: unknown,
	fields: readonly CallSettingsField[] = CALL_SETTINGS_FIELDS,
): CallSettingsReading {
	const flat = unwrapSettingsAnswer(answer);
	const settings: MessengerCallSettings = {};
	let unreadableHourEntries = 0;
	if (fields.includes('call_hours')) {
		const { hours, unreadable } = readCallHours(flat.call_hours);
		settings.call_hours = hours;
		unreadableHourEntries = unreadable;
	}
	if (fields.includes('call_routing')) {
		const routing = readRouting(flat.call_routing);
		if (routing) settings.call_routing = routing;
	}
	for (const flag of ['icon_enabled', 'audio_enabled', 'video_enabled'] as const) {
		if (!fields.includes(flag)) continue;
		const value = readBoolean(flat[flag]);
		if (value !== undefined) settings[flag] = value;
	}
	return { settings, unreadableHourEntries };
}

/** The `fields` parameter: any subset of the five, in Meta's order; nothing chosen means all. */
export function callSettingsFieldsFromParameter(value: unknown, field = 'fields'): CallSettingsField[] {
	const chosen = Array.isArray(value) ? value : typeof value === 'string' && value.trim() ? value.split(',') : [];
	const names = chosen.map((name) => String(name).trim());
	for (const name of names) {
		if (!(CALL_SETTINGS_FIELDS as readonly string[]).includes(name)) {
			throw new InputError(field, `must be any of ${CALL_SETTINGS_FIELDS.join(', ')} (got "${name}")`);
		}
	}
	if (names.length === 0) return [...CALL_SETTINGS_FIELDS];
	return CALL_SETTINGS_FIELDS.filter((name) => names.includes(name));
}

/** The shared hours model of a Page's hours (Messenger has no status and no holidays); undefined = none. */
export function callHoursOf(settings: MessengerCallSettings): CallHours | undefined {
	const hours = settings.call_hours;
	if (!hours) return undefined;
	return {
		status: 'ENABLED',
		timezoneId: hours.timezone_id,
		weeklyHours: weeklyHoursFromWire(hours.weekly_operating_hours),
		holidays: [],
	};
}

/**
 * A full reading with Meta's defaults filled in: the icon shows unless hidden ("By default, the call icon
 * visibility is set to true for all Pages"), and a missing call_hours means none. Two readings of the same
 * Page then compare equal whether or not Meta spelled the default out.
 */
export function withMetaDefaults(settings: MessengerCallSettings): MessengerCallSettings {
	return { ...settings, call_hours: settings.call_hours ?? null, icon_enabled: settings.icon_enabled ?? true };
}
