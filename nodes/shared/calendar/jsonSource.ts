import { DateTime } from 'luxon';

import { HHMM_RULE, isIsoDate, normalizeHhmm } from '../hours';
import { InputError, isBlank, isRecord, tryParseJson } from '../validation';
import { wholeDays } from './days';
import type { Closure } from './types';

/*
 * Closures handed over by an earlier node: the holidaysJson shape ("YYYY-MM-DD" or {date, startTime?,
 * endTime?}) plus {date, endDate?, startTime?, endTime?} for spans of days (endDate is the last closed day;
 * startTime applies to the first day, endTime to the last, inclusive to the minute as for holidays).
 * Events as n8n's Google Calendar node outputs them ({summary, start: {date | dateTime}, end: {…}}, the
 * end exclusive as in every calendar) are read too, so that node can feed a sync directly.
 */

const RULE = 'must be a JSON array of "YYYY-MM-DD" strings or {date, endDate?, startTime?, endTime?} objects';

function atMinute(date: string, hhmm: string, zone: string, endInclusive: boolean): number {
	const minutes = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2)) + (endInclusive ? 1 : 0);
	return DateTime.fromISO(date, { zone }).startOf('day').plus({ minutes }).toMillis();
}

function readSpan(raw: Record<string, unknown>, path: string, zone: string): Closure {
	const date = typeof raw.date === 'string' ? raw.date.trim() : raw.date;
	const endDate = raw.endDate === undefined || raw.endDate === null || raw.endDate === '' ? date : String(raw.endDate).trim();
	if (!isIsoDate(date)) throw new InputError(`${path}.date`, 'must be a date as YYYY-MM-DD that exists');
	if (!isIsoDate(endDate)) throw new InputError(`${path}.endDate`, 'must be a date as YYYY-MM-DD that exists');
	if (endDate < date) throw new InputError(`${path}.endDate`, `must not be before date (${date})`);
	const summary = typeof raw.summary === 'string' ? raw.summary : typeof raw.name === 'string' ? raw.name : '';
	const whole = wholeDays(date, endDate, zone, summary);
	const time = (value: unknown, name: string) => {
		if (isBlank(value)) return undefined;
		const hhmm = normalizeHhmm(value);
		if (hhmm === undefined) throw new InputError(`${path}.${name}`, HHMM_RULE);
		return hhmm;
	};
	const startTime = time(raw.startTime ?? raw.start_time, 'startTime');
	const endTime = time(raw.endTime ?? raw.end_time, 'endTime');
	const start = startTime ? atMinute(date, startTime, zone, false) : whole.start;
	const end = endTime && endTime !== '2359' ? atMinute(endDate, endTime, zone, true) : whole.end;
	if (end <= start) throw new InputError(`${path}.endTime`, 'must be later than startTime');
	return { start, end, summary };
}

/** A Google Calendar event: all-day ({date}, end exclusive) or timed ({dateTime} with an offset, or in its timeZone). */
function readGoogleEvent(raw: Record<string, unknown>, path: string, zone: string): Closure {
	const summary = typeof raw.summary === 'string' ? raw.summary : '';
	const edge = (value: unknown, name: 'start' | 'end'): DateTime => {
		const record = isRecord(value) ? value : {};
		if (typeof record.date === 'string' && isIsoDate(record.date)) return DateTime.fromISO(record.date, { zone }).startOf('day');
		const eventZone = typeof record.timeZone === 'string' ? record.timeZone : zone;
		const time = typeof record.dateTime === 'string' ? DateTime.fromISO(record.dateTime, { zone: eventZone }) : undefined;
		if (!time?.isValid) throw new InputError(`${path}.${name}`, 'must be {date: "YYYY-MM-DD"} or {dateTime: "YYYY-MM-DDThh:mm:ss+01:00"}');
		return time;
	};
	const start = edge(raw.start, 'start');
	const end = edge(raw.end ?? raw.start, 'end');
	// An all-day event without an end is its one day.
	const endMillis = raw.end === undefined && isRecord(raw.start) && raw.start.date !== undefined ? start.plus({ days: 1 }).toMillis() : end.toMillis();
	if (endMillis <= start.toMillis()) throw new InputError(`${path}.end`, 'must be later than start');
	return { start: start.toMillis(), end: endMillis, summary };
}

/** The closures of a JSON source in the business timezone `zone`. */
export function closuresFromJson(value: unknown, zone: string, field = 'calendarJson'): Closure[] {
	if (isBlank(value)) return [];
	let parsed = value;
	if (typeof value === 'string') {
		const json = isIsoDate(value.trim()) ? { value: value.trim() } : tryParseJson(value);
		if (!json) throw new InputError(field, `${RULE} (the text is not valid JSON)`);
		parsed = json.value;
	}
	if (typeof parsed === 'string' || isRecord(parsed)) parsed = [parsed];
	if (!Array.isArray(parsed)) throw new InputError(field, RULE);
	return parsed.map((raw, index) => {
		const path = `${field}[${index}]`;
		if (isRecord(raw) && isRecord(raw.start)) return readGoogleEvent(raw, path, zone);
		if (isRecord(raw)) return readSpan(raw, path, zone);
		if (typeof raw === 'string') return readSpan({ date: raw }, path, zone);
		throw new InputError(path, RULE);
	});
}
