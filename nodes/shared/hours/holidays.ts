import { InputError, isBlank, isRecord, tryParseJson } from '../validation';
import { DATE_RULE, HHMM_RULE, isIsoDate, minuteOfDay, normalizeHhmm } from './time';
import { todayIn } from './timezone';
import type { BusinessClock, Holiday } from './types';

/** Meta keeps at most 20 holiday overrides. */
export const MAX_HOLIDAYS = 20;

const WHOLE_DAY_START = '0000';
const WHOLE_DAY_END = '2359';
const JSON_RULE = 'must be a JSON array of "YYYY-MM-DD" strings or {date, startTime?, endTime?} objects';

export interface HolidayRules extends BusinessClock {
	field?: string;
}

export interface MergeResult {
	/** the schedule to send: stored future holidays plus the added ones, one per date, sorted */
	holidays: Holiday[];
	/** stored holidays whose date has passed in the business timezone (Meta would reject them) */
	droppedPast: Holiday[];
	/** dates that were stored and were given again: the new times win */
	updated: string[];
	/** dates that were not stored before */
	added: string[];
}

export interface RemoveResult {
	holidays: Holiday[];
	/** requested dates that were stored (past ones included: they are gone too) */
	removed: string[];
	/** requested dates that were not stored */
	notFound: string[];
	droppedPast: Holiday[];
}

export interface ReplaceResult {
	holidays: Holiday[];
	/** stored future dates that are not in the new schedule */
	removed: string[];
	added: string[];
	updated: string[];
	droppedPast: Holiday[];
}

/** A time the user may leave empty: empty means the edge of the day. */
function readTime(value: unknown, fallback: string, path: string): string {
	if (isBlank(value)) return fallback;
	const time = normalizeHhmm(value);
	if (time === undefined) throw new InputError(path, HHMM_RULE);
	return time;
}

/** "2026-12-25" or {date, startTime?, endTime?} (Meta's start_time/end_time also read); no times = whole day. */
function readHoliday(raw: unknown, path: string): Holiday {
	const record = isRecord(raw) ? raw : { date: raw };
	const date = typeof record.date === 'string' ? record.date.trim() : record.date;
	if (!isIsoDate(date)) throw new InputError(`${path}.date`, DATE_RULE);
	return {
		date,
		startTime: readTime(record.startTime ?? record.start_time, WHOLE_DAY_START, `${path}.startTime`),
		endTime: readTime(record.endTime ?? record.end_time, WHOLE_DAY_END, `${path}.endTime`),
	};
}

function readHolidays(list: unknown, field: string, listRule: string): Holiday[] {
	if (!Array.isArray(list)) throw new InputError(field, listRule);
	return list.map((raw, index) => readHoliday(raw, `${field}[${index}]`));
}

/** Reads the n8n fixedCollection value `{"holiday": [{date, startTime?, endTime?}]}`; no times = the whole day. */
export function holidaysFromParameter(value: unknown, field = 'holidays'): Holiday[] {
	if (isBlank(value)) return [];
	const list = isRecord(value) ? (value.holiday ?? []) : value;
	return readHolidays(list, field, 'must be a list of {date, startTime, endTime} entries');
}

/**
 * Holidays handed over as JSON by an earlier node: an array (or a JSON string of one) of "YYYY-MM-DD"
 * strings or {date, startTime?, endTime?} objects. A single date or object is taken as a list of one.
 */
export function holidaysFromJson(value: unknown, field = 'holidaysJson'): Holiday[] {
	if (isBlank(value)) return [];
	let parsed = value;
	if (typeof value === 'string') {
		const text = value.trim();
		// A bare date typed without quotes is still a clear answer.
		const json = isIsoDate(text) ? { value: text } : tryParseJson(text);
		if (!json) throw new InputError(field, `${JSON_RULE} (the text is not valid JSON)`);
		parsed = json.value;
	}
	if (typeof parsed === 'string' || isRecord(parsed)) parsed = [parsed];
	return readHolidays(parsed, field, JSON_RULE);
}

/** Sort order of a schedule ("YYYY-MM-DD" sorts as text). */
export function byDate(a: Holiday, b: Holiday): number {
	return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Per-entry rules and one entry per date; the count is left to the caller (merge reports it its own way). */
function checkEntries(holidays: unknown, rules: HolidayRules, field: string): Holiday[] {
	const today = todayIn(rules);
	const checked = readHolidays(holidays, field, 'must be a list of {date, startTime, endTime} entries');
	checked.forEach((holiday, index) => {
		const path = `${field}[${index}]`;
		if (minuteOfDay(holiday.startTime) >= minuteOfDay(holiday.endTime)) {
			throw new InputError(
				`${path}.endTime`,
				`must be later than the start time (${holiday.startTime}-${holiday.endTime})`,
			);
		}
		if (holiday.date < today) {
			throw new InputError(
				`${path}.date`,
				`must not be in the past in ${rules.timezoneId} (today is ${today}); Meta rejects past holidays`,
			);
		}
		const first = checked.findIndex((other) => other.date === holiday.date);
		if (first !== index) {
			throw new InputError(`${path}.date`, `one entry per date; ${holiday.date} is also in ${field}[${first}]`);
		}
	});
	return checked;
}

/**
 * Checks every rule Meta enforces on a holiday schedule: dates that exist, not in the past in the business
 * timezone (today is fine), start before end, one entry per date, at most 20. Returns them sorted by date.
 */
export function validateHolidays(holidays: readonly Holiday[], rules: HolidayRules): Holiday[] {
	const field = rules.field ?? 'holidays';
	const checked = checkEntries(holidays, rules, field);
	if (checked.length > MAX_HOLIDAYS) {
		throw new InputError(field, `at most ${MAX_HOLIDAYS} holidays; there are ${checked.length}`);
	}
	return checked.sort(byDate);
}

/** Splits a stored schedule at today (business timezone); a date stored twice keeps its last entry. */
function splitAtToday(stored: readonly Holiday[], clock: BusinessClock): { future: Map<string, Holiday>; past: Holiday[] } {
	const today = todayIn(clock);
	const future = new Map<string, Holiday>();
	const past: Holiday[] = [];
	for (const holiday of stored) {
		if (holiday.date < today) past.push(holiday);
		else future.set(holiday.date, holiday);
	}
	return { future, past };
}

function sortedValues(byDateMap: Map<string, Holiday>): Holiday[] {
	return [...byDateMap.values()].sort(byDate);
}

/**
 * Stored holidays dated today or later in the business timezone, one per date, sorted: what can be sent
 * back to Meta, which rejects a schedule holding a past date.
 */
export function futureHolidays(stored: readonly Holiday[], clock: BusinessClock): Holiday[] {
	return sortedValues(splitAtToday(stored, clock).future);
}

/**
 * Adds holidays to a stored schedule without losing any stored future date: an added date replaces the
 * stored entry for that date (never doubled), past stored dates are dropped and reported. More than 20
 * afterwards is an InputError that says how many and which, so nothing is written.
 */
export function mergeHolidays(
	stored: readonly Holiday[],
	added: readonly Holiday[],
	rules: HolidayRules,
): MergeResult {
	const field = rules.field ?? 'holidays';
	const additions = checkEntries(added, rules, field);
	const { future, past } = splitAtToday(stored, rules);
	const result: MergeResult = { holidays: [], droppedPast: past, updated: [], added: [] };
	for (const holiday of additions) {
		(future.has(holiday.date) ? result.updated : result.added).push(holiday.date);
		future.set(holiday.date, holiday);
	}
	result.holidays = sortedValues(future);
	if (result.holidays.length > MAX_HOLIDAYS) {
		const dates = result.holidays.map((holiday) => holiday.date).join(', ');
		throw new InputError(
			field,
			`at most ${MAX_HOLIDAYS} holidays; after merging there would be ${result.holidays.length}: ${dates}`,
		);
	}
	return result;
}

/** Removes the given dates (checked as YYYY-MM-DD) from a stored schedule; reports which were not stored. */
export function removeHolidays(
	stored: readonly Holiday[],
	dates: readonly string[],
	rules: HolidayRules,
): RemoveResult {
	const field = rules.field ?? 'dates';
	if (!Array.isArray(dates)) throw new InputError(field, 'must be a list of YYYY-MM-DD dates');
	dates.forEach((date, index) => {
		if (!isIsoDate(date)) throw new InputError(`${field}[${index}]`, DATE_RULE);
	});
	const { future, past } = splitAtToday(stored, rules);
	const storedDates = new Set(stored.map((holiday) => holiday.date));
	const requested = [...new Set(dates)];
	requested.forEach((date) => future.delete(date));
	return {
		holidays: sortedValues(future),
		removed: requested.filter((date) => storedDates.has(date)),
		notFound: requested.filter((date) => !storedDates.has(date)),
		droppedPast: past,
	};
}

/** The whole schedule becomes `next` (checked like any new schedule); reports what changed. */
export function replaceHolidays(
	stored: readonly Holiday[],
	next: readonly Holiday[],
	rules: HolidayRules,
): ReplaceResult {
	const holidays = validateHolidays(next, rules);
	const { future, past } = splitAtToday(stored, rules);
	const nextDates = new Set(holidays.map((holiday) => holiday.date));
	return {
		holidays,
		removed: [...future.keys()].filter((date) => !nextDates.has(date)).sort(),
		added: [...nextDates].filter((date) => !future.has(date)),
		updated: [...nextDates].filter((date) => future.has(date)),
		droppedPast: past,
	};
}
