import { InputError, isBlank, isRecord, tryParseJson } from '../validation';
import { HHMM_RULE, minuteOfDay, normalizeHhmm, toEndMinute } from './time';
import { DAYS_OF_WEEK, type DayOfWeek, type WeeklyHoursEntry } from './types';

export interface WeeklyHoursRules {
	/** WhatsApp allows 2 entries per day, Messenger 1 (Meta answers "Duplicate day in request"). */
	maxPerDay: 1 | 2;
	/** Messenger accepts [] (every day closed); WhatsApp does not. */
	allowEmpty: boolean;
	field?: string;
}

const DAY_RULE = `must be one of ${DAYS_OF_WEEK.join(', ')}`;
const LIST_RULE = 'must be a list of {dayOfWeek, openTime, closeTime} entries';
const ENTRY_RULE = 'must be an object {dayOfWeek, openTime, closeTime}';

export function isDayOfWeek(value: unknown): value is DayOfWeek {
	return typeof value === 'string' && (DAYS_OF_WEEK as readonly string[]).includes(value);
}

/** One entry in our spelling or Meta's (so a GET answer can be fed back in); times normalized to "hhmm". */
function readEntry(raw: unknown, path: string): WeeklyHoursEntry {
	if (!isRecord(raw)) throw new InputError(path, ENTRY_RULE);
	const day = raw.dayOfWeek ?? raw.day_of_week;
	const dayOfWeek = typeof day === 'string' ? day.trim().toUpperCase() : day;
	if (!isDayOfWeek(dayOfWeek)) throw new InputError(`${path}.dayOfWeek`, DAY_RULE);
	const openTime = normalizeHhmm(raw.openTime ?? raw.open_time);
	if (openTime === undefined) throw new InputError(`${path}.openTime`, HHMM_RULE);
	const closeTime = normalizeHhmm(raw.closeTime ?? raw.close_time);
	if (closeTime === undefined) throw new InputError(`${path}.closeTime`, HHMM_RULE);
	return { dayOfWeek, openTime, closeTime };
}

function readList(value: unknown, field: string): unknown[] {
	if (Array.isArray(value)) return value;
	throw new InputError(field, LIST_RULE);
}

/**
 * Reads the n8n fixedCollection value `{"hours": [{dayOfWeek, openTime, closeTime}]}`; also a plain array or
 * a JSON string of either (from an expression). An empty collection gives []; the rules are checked by
 * validateWeeklyHours.
 */
export function weeklyHoursFromParameter(value: unknown, field = 'weeklyHours'): WeeklyHoursEntry[] {
	if (isBlank(value)) return [];
	let parsed = value;
	if (typeof value === 'string') {
		const json = tryParseJson(value);
		if (!json) throw new InputError(field, `${LIST_RULE} (the text is not valid JSON)`);
		parsed = json.value;
	}
	if (isRecord(parsed)) {
		if (parsed.hours === undefined) return [];
		parsed = parsed.hours;
	}
	return readList(parsed, field).map((raw, index) => readEntry(raw, `${field}[${index}]`));
}

/** Half-open [open, close) in minutes of the day; "2359" closes at midnight. */
function span(entry: WeeklyHoursEntry): [number, number] {
	return [minuteOfDay(entry.openTime), toEndMinute(entry.closeTime)];
}

function checkPerDay(entries: WeeklyHoursEntry[], maxPerDay: 1 | 2, field: string): void {
	entries.forEach((entry, index) => {
		const sameDay = entries.slice(0, index + 1).filter((other) => other.dayOfWeek === entry.dayOfWeek);
		if (sameDay.length <= maxPerDay) return;
		const first = entries.findIndex((other) => other.dayOfWeek === entry.dayOfWeek);
		const rule =
			maxPerDay === 1
				? `one entry per day (Meta answers "Duplicate day in request"); ${entry.dayOfWeek} is also in ${field}[${first}]`
				: `at most ${maxPerDay} entries per day; ${entry.dayOfWeek} has more`;
		throw new InputError(`${field}[${index}].dayOfWeek`, rule);
	});
}

function checkOverlaps(entries: WeeklyHoursEntry[], field: string): void {
	entries.forEach((entry, index) => {
		const [open, close] = span(entry);
		entries.slice(0, index).forEach((other, otherIndex) => {
			if (other.dayOfWeek !== entry.dayOfWeek) return;
			const [otherOpen, otherClose] = span(other);
			// Touching windows (0900-1200 and 1200-1700) do not overlap: the first is closed from 12:00.
			if (open < otherClose && otherOpen < close) {
				throw new InputError(
					`${field}[${index}]`,
					`must not overlap ${field}[${otherIndex}] (${entry.dayOfWeek} ${other.openTime}-${other.closeTime} and ${entry.openTime}-${entry.closeTime})`,
				);
			}
		});
	});
}

/**
 * Checks every rule Meta enforces on weekly hours, so a bad schedule fails here with the field named
 * instead of at Meta: hhmm times, open before close, at most maxPerDay entries per day, no overlaps,
 * not empty unless allowed. Returns the entries in the given order, times normalized.
 */
export function validateWeeklyHours(
	entries: readonly WeeklyHoursEntry[],
	rules: WeeklyHoursRules,
): WeeklyHoursEntry[] {
	const field = rules.field ?? 'weeklyHours';
	const checked = readList(entries, field).map((raw, index) => readEntry(raw, `${field}[${index}]`));
	if (checked.length === 0 && !rules.allowEmpty) {
		throw new InputError(field, 'must not be empty: add at least one opening window');
	}
	checked.forEach((entry, index) => {
		if (minuteOfDay(entry.openTime) >= minuteOfDay(entry.closeTime)) {
			throw new InputError(
				`${field}[${index}].closeTime`,
				`must be later than the open time (${entry.openTime}-${entry.closeTime})`,
			);
		}
	});
	checkPerDay(checked, rules.maxPerDay, field);
	checkOverlaps(checked, field);
	return checked;
}

/** The weekdays without any entry: Meta treats them as closed, so the nodes show them to the user. */
export function closedDays(weeklyHours: readonly WeeklyHoursEntry[]): DayOfWeek[] {
	return DAYS_OF_WEEK.filter((day) => !weeklyHours.some((entry) => entry.dayOfWeek === day));
}
