import { DateTime } from 'luxon';

import { HHMM_RULE, isIsoDate, normalizeHhmm } from '../hours/time';
import { InputError, isBlank, isRecord, tryParseJson } from '../validation';
import { MAX_OCCURRENCES } from './closures';
import { isoDateWall } from './days';
import type { CalendarEvent, CalendarTime } from './types';
import { DAY_MS, pacer } from './wall';

/*
 * Closures handed over by an earlier node: the holidaysJson shape ("YYYY-MM-DD" or {date, startTime?,
 * endTime?}) plus {date, endDate?, startTime?, endTime?} for spans of days (endDate is the last closed day;
 * startTime applies to the first day, endTime to the last, inclusive to the minute as for holidays).
 * Events as n8n's Google Calendar node outputs them ({summary, start: {date | dateTime}, end: {…}}, the
 * end exclusive as in every calendar) are read too, so that node can feed a sync directly.
 */

const RULE = 'must be a JSON array of "YYYY-MM-DD" strings or {date, endDate?, startTime?, endTime?} objects';

const floating = (wall: number): CalendarTime => ({ wall, dateOnly: false, zone: 'floating' });
const wholeDay = (date: string, plusDays = 0): CalendarTime => ({ wall: isoDateWall(date) + plusDays * DAY_MS, dateOnly: true, zone: 'floating' });
const asEvent = (summary: string, start: CalendarTime, end: CalendarTime): CalendarEvent => ({ uid: '', summary, start, end, exdates: [], cancelled: false });

function minutesOf(hhmm: string): number {
	return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2));
}

function readSpan(raw: Record<string, unknown>, path: string): CalendarEvent {
	const date = typeof raw.date === 'string' ? raw.date.trim() : raw.date;
	const endDate = raw.endDate === undefined || raw.endDate === null || raw.endDate === '' ? date : String(raw.endDate).trim();
	if (!isIsoDate(date)) throw new InputError(`${path}.date`, 'must be a date as YYYY-MM-DD that exists');
	if (!isIsoDate(endDate)) throw new InputError(`${path}.endDate`, 'must be a date as YYYY-MM-DD that exists');
	if (endDate < date) throw new InputError(`${path}.endDate`, `must not be before date (${date})`);
	const summary = typeof raw.summary === 'string' ? raw.summary : typeof raw.name === 'string' ? raw.name : '';
	const time = (value: unknown, name: string) => {
		if (isBlank(value)) return undefined;
		const hhmm = normalizeHhmm(value);
		if (hhmm === undefined) throw new InputError(`${path}.${name}`, HHMM_RULE);
		return hhmm;
	};
	const startTime = time(raw.startTime ?? raw.start_time, 'startTime');
	const endTime = time(raw.endTime ?? raw.end_time, 'endTime');
	const start = startTime ? floating(isoDateWall(date) + minutesOf(startTime) * 60_000) : wholeDay(date);
	// The end minute is inclusive, so the closure ends at the start of the next minute.
	const end = endTime && endTime !== '2359' ? floating(isoDateWall(endDate) + (minutesOf(endTime) + 1) * 60_000) : wholeDay(endDate, 1);
	if (end.wall <= start.wall) throw new InputError(`${path}.endTime`, 'must be later than startTime');
	return asEvent(summary, start, end);
}

/** A Google Calendar event: all-day ({date}, end exclusive) or timed ({dateTime} with an offset, or in its timeZone). */
function readGoogleEvent(raw: Record<string, unknown>, path: string): CalendarEvent {
	const summary = typeof raw.summary === 'string' ? raw.summary : '';
	const edge = (value: unknown, name: 'start' | 'end'): CalendarTime => {
		const record = isRecord(value) ? value : {};
		if (typeof record.date === 'string' && isIsoDate(record.date)) return wholeDay(record.date);
		const zone = typeof record.timeZone === 'string' ? record.timeZone : undefined;
		const time = typeof record.dateTime === 'string' ? DateTime.fromISO(record.dateTime, zone ? { zone } : { setZone: true }) : undefined;
		if (!time?.isValid) throw new InputError(`${path}.${name}`, 'must be {date: "YYYY-MM-DD"} or {dateTime: "YYYY-MM-DDThh:mm:ss+01:00"}');
		// Without an offset or a timeZone, a dateTime is read in the business timezone.
		if (!zone && !/(Z|[+-]\d\d:?\d\d)$/i.test(record.dateTime as string)) return floating(Date.parse(`${time.toISO({ includeOffset: false })}Z`));
		return { wall: time.toMillis(), dateOnly: false, zone: 'utc' };
	};
	const start = edge(raw.start, 'start');
	// An all-day event without an end is its one day.
	const end = raw.end === undefined && start.dateOnly ? { ...start, wall: start.wall + DAY_MS } : edge(raw.end ?? raw.start, 'end');
	if (start.zone === end.zone && start.dateOnly === end.dateOnly && end.wall <= start.wall) throw new InputError(`${path}.end`, 'must be later than start');
	return asEvent(summary, start, end);
}

/** The entries of a JSON source, checked for shape and number only (cheap: it runs in every item's validate). */
export function jsonEntries(value: unknown, field = 'calendarJson'): unknown[] {
	if (isBlank(value)) return [];
	let parsed = value;
	if (typeof value === 'string') {
		const json = isIsoDate(value.trim()) ? { value: value.trim() } : tryParseJson(value);
		if (!json) throw new InputError(field, `${RULE} (the text is not valid JSON)`);
		parsed = json.value;
	}
	if (typeof parsed === 'string' || isRecord(parsed)) parsed = [parsed];
	if (!Array.isArray(parsed)) throw new InputError(field, RULE);
	if (parsed.length > MAX_OCCURRENCES) throw new InputError(field, `has ${parsed.length} entries; at most ${MAX_OCCURRENCES} are read (pass only the coming year's)`);
	return parsed;
}

/** The entries of a JSON source as events (no timezone needed yet: dates and plain times are read in the business one). */
export async function eventsFromJson(value: unknown, field = 'calendarJson'): Promise<CalendarEvent[]> {
	const events: CalendarEvent[] = [];
	const step = pacer();
	for (const [index, raw] of jsonEntries(value, field).entries()) {
		const path = `${field}[${index}]`;
		if (isRecord(raw) && isRecord(raw.start)) events.push(readGoogleEvent(raw, path));
		else if (isRecord(raw)) events.push(readSpan(raw, path));
		else if (typeof raw === 'string') events.push(readSpan({ date: raw }, path));
		else throw new InputError(path, RULE);
		await step();
	}
	return events;
}
