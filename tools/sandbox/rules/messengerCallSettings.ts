import { isDayOfWeek, isHhmm, isObject, isValidTimezone, minutesOfDay } from './time';

/**
 * The rules of POST /<PAGE_ID>/messenger_call_settings (seed page 000). Texts quoted from the seed page are
 * Meta's own; each check returns the first broken rule's text, or undefined.
 */
export const MESSENGER_RULES = {
	invalidTime: 'Invalid time for weekly call hours',
	closeBeforeOpen: 'Close time cannot be before open time',
	duplicateDay: 'Duplicate day in request',
	invalidRouting: 'Invalid call routing value',
	invalidPageId: 'Invalid page-id',
	notEligible: 'Page not yet eligible',
	invalidTimezone: 'Invalid timezone_id in call_hours',
	invalidDay: 'Invalid day_of_week in weekly call hours',
	invalidCallHours: 'call_hours must be an object with timezone_id and weekly_operating_hours',
	nothingToUpdate:
		'At least one of icon_enabled, audio_enabled, video_enabled, call_routing, call_hours is required',
} as const;

export const MESSENGER_BOOLEAN_SETTINGS = ['icon_enabled', 'audio_enabled', 'video_enabled'] as const;
export const MESSENGER_SETTINGS = [...MESSENGER_BOOLEAN_SETTINGS, 'call_routing', 'call_hours'] as const;

type Violation = string | undefined;
const R = MESSENGER_RULES;

/** Booleans arrive as JSON booleans or, form-encoded, as "true"/"false". */
export function parseBoolean(value: unknown): boolean | undefined {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	return undefined;
}

export function checkBooleanSetting(name: string, value: unknown): Violation {
	return value === undefined || parseBoolean(value) !== undefined ? undefined : `Param ${name} must be a boolean`;
}

export function checkCallRouting(value: unknown): Violation {
	if (value === undefined) return undefined;
	const target = isObject(value) ? value.ring_target : undefined;
	return target === 'META' || target === 'PARTNERS' ? undefined : R.invalidRouting;
}

/** Unlike WhatsApp, one entry per day, and an empty list is allowed (all days closed). */
export function checkMessengerWeeklyHours(value: unknown): Violation {
	if (!Array.isArray(value)) return R.invalidCallHours;
	const seenDays = new Set<string>();
	for (const entry of value) {
		if (!isObject(entry)) return R.invalidTime;
		if (!isDayOfWeek(entry.day_of_week)) return R.invalidDay;
		if (!isHhmm(entry.open_time) || !isHhmm(entry.close_time)) return R.invalidTime;
		const open = minutesOfDay(entry.open_time);
		const close = minutesOfDay(entry.close_time);
		if (close < open) return R.closeBeforeOpen;
		if (close === open) return R.invalidTime;
		if (seenDays.has(entry.day_of_week)) return R.duplicateDay;
		seenDays.add(entry.day_of_week);
	}
	return undefined;
}

export function checkMessengerCallHours(value: unknown): Violation {
	if (value === undefined) return undefined;
	if (!isObject(value)) return R.invalidCallHours;
	if (!isValidTimezone(value.timezone_id)) return R.invalidTimezone;
	return checkMessengerWeeklyHours(value.weekly_operating_hours);
}

export function checkMessengerUpdate(params: Record<string, unknown>): Violation {
	if (!MESSENGER_SETTINGS.some((name) => params[name] !== undefined)) return R.nothingToUpdate;
	return (
		MESSENGER_BOOLEAN_SETTINGS.map((name) => checkBooleanSetting(name, params[name])).find(Boolean) ??
		checkCallRouting(params.call_routing) ??
		checkMessengerCallHours(params.call_hours)
	);
}
