import {
	anyOverlap,
	groupBy,
	isDayOfWeek,
	isHhmm,
	isIsoDate,
	isObject,
	isValidTimezone,
	minutesOfDay,
	todayIn,
} from './time';

/**
 * The rules of POST /<PHONE_NUMBER_ID>/settings (seed page 002 + meta-api-notes.md). Each check returns the
 * text of the first rule the input breaks, or undefined. Texts quoted from the seed page are Meta's own.
 */
export const WHATSAPP_RULES = {
	invalidStatus: 'Invalid status',
	invalidSchedule: 'Invalid schedule for call_hours',
	pastHoliday: 'Holiday given in call_hours is a past date',
	invalidTimezone: 'Timezone is invalid in call_hours',
	emptyWeekly: 'weekly_operating_hours in call_hours cannot be empty',
	badHolidayDate: 'Date format in holiday_schedule for call_hours is invalid',
	tooManyPerDay: 'More than 2 entries not allowed in weekly_operating_hours schedule in call_hours',
	overlap: 'Overlapping schedule in call_hours is not allowed',
	openBeforeClose: 'Invalid schedule for call_hours: open_time must be before close_time',
	tooManyHolidays: 'Invalid schedule for call_hours: at most 20 entries allowed in holiday_schedule',
	callingNotObject: 'Param calling must be an object',
	invalidIconVisibility: 'Invalid call_icon_visibility',
	invalidCountries: 'Invalid country code in call_icons.restrict_to_user_countries',
	invalidSrtp: 'Invalid srtp_key_exchange_protocol',
	invalidCodecs: 'Invalid audio.additional_codecs',
	invalidSip: 'Invalid sip configuration',
	oneSipServer: 'Invalid sip configuration: only one server per app is allowed',
	invalidSipHostname: 'Invalid sip configuration: hostname is required',
	invalidSipPort: 'Invalid sip configuration: port must be an integer from 1 to 65535',
	invalidSipParams: 'Invalid sip configuration: request_uri_user_params must map names to strings',
	maxHolidays: 20,
} as const;

type Violation = string | undefined;

const R = WHATSAPP_RULES;
const CALLING_FIELDS = [
	'status',
	'call_icon_visibility',
	'call_icons',
	'call_hours',
	'callback_permission_status',
	'sip',
	'srtp_key_exchange_protocol',
	'audio',
];

function isOnOff(value: unknown): boolean {
	return value === 'ENABLED' || value === 'DISABLED';
}

/** Optional ENABLED/DISABLED field (status, callback_permission_status, sip.status). */
export function checkOptionalStatus(value: unknown): Violation {
	return value === undefined || isOnOff(value) ? undefined : R.invalidStatus;
}

export function checkIconVisibility(value: unknown): Violation {
	return value === undefined || value === 'DEFAULT' || value === 'DISABLE_ALL' ? undefined : R.invalidIconVisibility;
}

export function checkCallIcons(value: unknown): Violation {
	if (value === undefined) return undefined;
	if (!isObject(value) || !Array.isArray(value.restrict_to_user_countries)) return R.invalidCountries;
	const allCodes = value.restrict_to_user_countries.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c));
	return allCodes ? undefined : R.invalidCountries;
}

export function checkSrtp(value: unknown): Violation {
	return value === undefined || value === 'DTLS' || value === 'SDES' ? undefined : R.invalidSrtp;
}

export function checkAudio(value: unknown): Violation {
	if (value === undefined) return undefined;
	if (!isObject(value) || !Array.isArray(value.additional_codecs)) return R.invalidCodecs;
	const allNames = value.additional_codecs.every((c) => typeof c === 'string' && /^[A-Z0-9]+$/.test(c));
	return allNames ? undefined : R.invalidCodecs;
}

function checkSipServer(server: unknown): Violation {
	if (!isObject(server)) return R.invalidSip;
	if (typeof server.hostname !== 'string' || server.hostname.trim() === '' || server.hostname.includes('://')) {
		return R.invalidSipHostname;
	}
	const port = server.port;
	if (port !== undefined && !(Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535)) {
		return R.invalidSipPort;
	}
	const params = server.request_uri_user_params;
	if (params !== undefined && !(isObject(params) && Object.values(params).every((v) => typeof v === 'string'))) {
		return R.invalidSipParams;
	}
	return undefined;
}

export function checkSip(value: unknown): Violation {
	if (value === undefined) return undefined;
	if (!isObject(value)) return R.invalidSip;
	if (value.status !== undefined && !isOnOff(value.status)) return R.invalidStatus;
	if (value.servers === undefined) return undefined;
	if (!Array.isArray(value.servers)) return R.invalidSip;
	if (value.servers.length > 1) return R.oneSipServer;
	return value.servers.map(checkSipServer).find(Boolean);
}

/** One weekly entry or holiday: both times hhmm, start strictly before end. */
function checkTimeRange(start: unknown, end: unknown): Violation {
	if (!isHhmm(start) || !isHhmm(end)) return R.invalidSchedule;
	return minutesOfDay(start) < minutesOfDay(end) ? undefined : R.openBeforeClose;
}

function rangeOf(start: string, end: string): [number, number] {
	return [minutesOfDay(start), minutesOfDay(end)];
}

export function checkWeeklyOperatingHours(value: unknown): Violation {
	if (!Array.isArray(value) || value.length === 0) return R.emptyWeekly;
	for (const entry of value) {
		if (!isObject(entry) || !isDayOfWeek(entry.day_of_week)) return R.invalidSchedule;
		const violation = checkTimeRange(entry.open_time, entry.close_time);
		if (violation) return violation;
	}
	const byDay = groupBy(value as Array<Record<string, string>>, (e) => e.day_of_week);
	for (const entries of byDay.values()) {
		if (entries.length > 2) return R.tooManyPerDay;
	}
	for (const entries of byDay.values()) {
		if (anyOverlap(entries.map((e) => rangeOf(e.open_time, e.close_time)))) return R.overlap;
	}
	return undefined;
}

/** Holidays are judged in the call_hours timezone: a date equal to the business's "today" is allowed. */
export function checkHolidaySchedule(value: unknown, timezone: string, now: Date): Violation {
	if (value === undefined) return undefined;
	if (!Array.isArray(value)) return R.invalidSchedule;
	if (value.length > R.maxHolidays) return R.tooManyHolidays;
	for (const entry of value) {
		if (!isObject(entry) || !isIsoDate(entry.date)) return R.badHolidayDate;
	}
	const today = todayIn(timezone, now);
	for (const entry of value as Array<Record<string, string>>) {
		if (entry.date < today) return R.pastHoliday;
	}
	for (const entry of value as Array<Record<string, unknown>>) {
		const violation = checkTimeRange(entry.start_time, entry.end_time);
		if (violation) return violation;
	}
	const byDate = groupBy(value as Array<Record<string, string>>, (e) => e.date);
	for (const entries of byDate.values()) {
		if (anyOverlap(entries.map((e) => rangeOf(e.start_time, e.end_time)))) return R.overlap;
	}
	return undefined;
}

export function checkCallHours(value: unknown, now: Date): Violation {
	if (value === undefined) return undefined;
	if (!isObject(value)) return R.invalidSchedule;
	if (!isOnOff(value.status)) return R.invalidStatus;
	if (!isValidTimezone(value.timezone_id)) return R.invalidTimezone;
	return (
		checkWeeklyOperatingHours(value.weekly_operating_hours) ??
		checkHolidaySchedule(value.holiday_schedule, value.timezone_id, now)
	);
}

/** Every rule of a `calling` update, in the order a reader of the seed page meets them. */
export function checkCallingUpdate(calling: unknown, now: Date): Violation {
	if (!isObject(calling)) return R.callingNotObject;
	const unknownField = Object.keys(calling).find((key) => !CALLING_FIELDS.includes(key));
	if (unknownField) return `Param calling[${unknownField}] is not a valid parameter`;
	return (
		checkOptionalStatus(calling.status) ??
		checkIconVisibility(calling.call_icon_visibility) ??
		checkCallIcons(calling.call_icons) ??
		checkCallHours(calling.call_hours, now) ??
		checkOptionalStatus(calling.callback_permission_status) ??
		checkSip(calling.sip) ??
		checkSrtp(calling.srtp_key_exchange_protocol) ??
		checkAudio(calling.audio)
	);
}
