import { IANAZone } from 'luxon';

import { InputError } from '../validation';
import { repeatsInRange } from './rrule';
import type { ByDay, CalendarEvent, CalendarTime, Frequency, RecurrenceRule } from './types';
import { DAY_MS, LAST_WALL, pacer, toInstant, toWall, wallOf } from './wall';

/*
 * An iCalendar (RFC 5545) reader for what closes a business: VEVENTs with their dates, times, zones and
 * recurrence. Anything it cannot read exactly is an error naming the event, never a silent skip: a holiday
 * read wrongly is a day of missed calls.
 */

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQUENCIES: readonly Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

// Outlook and Exchange write Windows zone names in TZID; the common ones, mapped as CLDR maps them.
const WINDOWS_ZONES: Record<string, string> = {
	'W. Europe Standard Time': 'Europe/Berlin',
	'Romance Standard Time': 'Europe/Paris',
	'Central Europe Standard Time': 'Europe/Budapest',
	'Central European Standard Time': 'Europe/Warsaw',
	'GMT Standard Time': 'Europe/London',
	'Greenwich Standard Time': 'Atlantic/Reykjavik',
	'E. Europe Standard Time': 'Europe/Chisinau',
	'FLE Standard Time': 'Europe/Kiev',
	'GTB Standard Time': 'Europe/Bucharest',
	'Russian Standard Time': 'Europe/Moscow',
	'Turkey Standard Time': 'Europe/Istanbul',
	'Israel Standard Time': 'Asia/Jerusalem',
	'South Africa Standard Time': 'Africa/Johannesburg',
	'Arabian Standard Time': 'Asia/Dubai',
	'India Standard Time': 'Asia/Kolkata',
	'China Standard Time': 'Asia/Shanghai',
	'Singapore Standard Time': 'Asia/Singapore',
	'Tokyo Standard Time': 'Asia/Tokyo',
	'AUS Eastern Standard Time': 'Australia/Sydney',
	'New Zealand Standard Time': 'Pacific/Auckland',
	'Eastern Standard Time': 'America/New_York',
	'Central Standard Time': 'America/Chicago',
	'Mountain Standard Time': 'America/Denver',
	'Pacific Standard Time': 'America/Los_Angeles',
	'E. South America Standard Time': 'America/Sao_Paulo',
	'Mexico Standard Time': 'America/Mexico_City',
	'Central Standard Time (Mexico)': 'America/Mexico_City',
	UTC: 'UTC',
};

interface ContentLine {
	/** the line number in the feed (of its first physical line) */
	line: number;
	name: string;
	params: Record<string, string>;
	value: string;
}

/** How messages name an event, so the user can find it in the calendar: summary, UID and line. */
export function eventName(event: { summary?: string; uid?: string; line?: number }): string {
	const name = event.summary ? `"${event.summary}"` : 'without a summary';
	const where = [event.uid ? `UID ${event.uid}` : '', event.line ? `line ${event.line}` : ''].filter(Boolean).join(', ');
	return `event ${name}${where ? ` (${where})` : ''}`;
}

function eventError(field: string, event: { summary?: string; uid?: string; line?: number }, problem: string): InputError {
	return new InputError(field, `${eventName(event)}: ${problem}`);
}

/** NAME;P1=a;P2="b:c":VALUE — parameters may be quoted and hold ':' or ';'. */
function parseLine(line: string, number: number): ContentLine | undefined {
	let index = 0;
	const nameMatch = /^[A-Za-z0-9-]+/.exec(line);
	if (!nameMatch) return undefined;
	index = nameMatch[0].length;
	const params: Record<string, string> = {};
	while (line[index] === ';') {
		const eq = line.indexOf('=', index);
		if (eq < 0) return undefined;
		const key = line.slice(index + 1, eq).toUpperCase();
		index = eq + 1;
		let value = '';
		if (line[index] === '"') {
			const close = line.indexOf('"', index + 1);
			if (close < 0) return undefined;
			value = line.slice(index + 1, close);
			index = close + 1;
		} else {
			const match = /^[^;:]*/.exec(line.slice(index)) as RegExpExecArray;
			value = match[0];
			index += value.length;
		}
		params[key] = value;
	}
	if (line[index] !== ':') return undefined;
	return { line: number, name: nameMatch[0].toUpperCase(), params, value: line.slice(index + 1) };
}

function unescapeText(value: string): string {
	return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

// Checking a zone name costs ~0.4 ms (luxon builds a formatter): once per TZID, not once per event.
const knownZones = new Map<string, string | null>();

/** The IANA zone of a TZID: an IANA name (some writers prefix "/"), or a common Windows name. */
function zoneOf(tzid: string): string | undefined {
	let zone = knownZones.get(tzid);
	if (zone === undefined) {
		const name = tzid.replace(/^\//, '').trim();
		const mapped = WINDOWS_ZONES[name] ?? name;
		zone = IANAZone.isValidZone(mapped) ? mapped : null;
		if (knownZones.size > 1000) knownZones.clear();
		knownZones.set(tzid, zone);
	}
	return zone ?? undefined;
}

/** One DATE or DATE-TIME value; `zone` is the TZID's zone or undefined. */
function parseTime(text: string, zone: string | undefined, valueType: string | undefined): CalendarTime | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(text.trim());
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const hasTime = match[4] !== undefined;
	if (valueType === 'DATE' && hasTime) return undefined;
	const [hour, minute, second] = hasTime ? [Number(match[4]), Number(match[5]), Number(match[6])] : [0, 0, 0];
	const wall = wallOf(year, month, day, hour, minute, second);
	const back = new Date(wall);
	// 20270230 or 25:00 is not a time (the Date would quietly roll it over); year 0000 is before the range.
	if (year < 1 || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60) return undefined;
	if (!hasTime) return { wall, dateOnly: true, zone: 'floating' };
	if (match[7]) return { wall, dateOnly: false, zone: 'utc' };
	return { wall, dateOnly: false, zone: zone ?? 'floating' };
}

interface EventDraft {
	/** the line of its BEGIN:VEVENT */
	line: number;
	uid?: string;
	summary?: string;
	lines: ContentLine[];
}

function readTimeProperty(line: ContentLine, draft: EventDraft, field: string): CalendarTime {
	let zone: string | undefined;
	if (line.params.TZID !== undefined) {
		zone = zoneOf(line.params.TZID);
		if (!zone) throw eventError(field, draft, `${line.name} has the timezone "${line.params.TZID}", which is not a known IANA or Windows timezone name`);
	}
	const time = parseTime(line.value, zone, line.params.VALUE?.toUpperCase());
	if (!time) throw eventError(field, draft, `${line.name} "${line.value}" is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)`);
	return time;
}

function readTimeList(line: ContentLine, draft: EventDraft, field: string): CalendarTime[] {
	return line.value.split(',').map((part) => readTimeProperty({ ...line, value: part }, draft, field));
}

/** DURATION: [+]P[nW] or P[nD][T[nH][nM][nS]]; days stay nominal (a day is a calendar day across DST). */
function parseDuration(text: string): { days: number; millis: number } | undefined {
	const match = /^\+?P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/.exec(text.trim());
	if (!match || text.trim() === 'P' || /T$/.test(text.trim())) return undefined;
	const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
	return { days: weeks * 7 + days, millis: ((hours * 60 + minutes) * 60 + seconds) * 1000 };
}

const RULE_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTH', 'BYMONTHDAY', 'WKST']);

function positiveInteger(text: string): number | undefined {
	return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

/** RRULE within the subset: FREQ DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTH, BYMONTHDAY, WKST. */
export function parseRule(text: string, start: CalendarTime, fail: (problem: string) => InputError): RecurrenceRule {
	const parts = new Map<string, string>();
	for (const part of text.split(';').filter((p) => p !== '')) {
		const [key, value] = part.split('=');
		const name = key.toUpperCase();
		if (!RULE_PARTS.has(name)) throw fail(`RRULE part ${name} is not supported (supported: ${[...RULE_PARTS].join(', ')})`);
		if (value === undefined || value === '') throw fail(`RRULE part ${name} has no value`);
		parts.set(name, value.toUpperCase());
	}
	const freq = parts.get('FREQ') as Frequency | undefined;
	if (!freq || !FREQUENCIES.includes(freq)) {
		throw fail(`RRULE FREQ=${parts.get('FREQ') ?? ''} is not supported (supported: ${FREQUENCIES.join(', ')})`);
	}
	const rule: RecurrenceRule = { freq, interval: 1, byDay: [], byMonth: [], byMonthDay: [], weekStart: 0 };
	if (parts.has('INTERVAL')) {
		const interval = positiveInteger(parts.get('INTERVAL') as string);
		if (interval === undefined) throw fail('RRULE INTERVAL must be a whole number of at least 1');
		rule.interval = interval;
	}
	if (parts.has('COUNT') && parts.has('UNTIL')) throw fail('RRULE must not have both COUNT and UNTIL');
	if (parts.has('COUNT')) {
		const count = positiveInteger(parts.get('COUNT') as string);
		if (count === undefined) throw fail('RRULE COUNT must be a whole number of at least 1');
		rule.count = count;
	}
	if (parts.has('UNTIL')) {
		const until = parseTime(parts.get('UNTIL') as string, undefined, undefined);
		if (!until) throw fail(`RRULE UNTIL "${parts.get('UNTIL')}" is not a date or date-time`);
		// A UTC UNTIL bounds instants; expansion runs in the event's own wall clock, so convert it there.
		const eventZone = start.dateOnly || start.zone === 'floating' ? 'utc' : start.zone;
		rule.until = until.zone === 'utc' ? toWall(until.wall, eventZone) : until.wall;
		// UNTIL as a date with a timed DTSTART includes that whole day.
		if (until.dateOnly && !start.dateOnly) rule.until = until.wall + DAY_MS - 1;
	}
	if (parts.has('WKST')) {
		const weekStart = WEEKDAYS.indexOf(parts.get('WKST') as string);
		if (weekStart < 0) throw fail(`RRULE WKST=${parts.get('WKST')} is not a weekday (MO..SU)`);
		rule.weekStart = weekStart;
	}
	if (parts.has('BYDAY')) rule.byDay = (parts.get('BYDAY') as string).split(',').map((day) => parseByDay(day, freq, fail));
	if (parts.has('BYMONTH')) {
		rule.byMonth = (parts.get('BYMONTH') as string).split(',').map((month) => {
			const value = positiveInteger(month);
			if (value === undefined || value > 12) throw fail(`RRULE BYMONTH value "${month}" must be 1-12`);
			return value;
		});
	}
	if (parts.has('BYMONTHDAY')) {
		if (freq === 'WEEKLY') throw fail('RRULE BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)');
		rule.byMonthDay = (parts.get('BYMONTHDAY') as string).split(',').map((day) => {
			const value = /^[+-]?\d{1,2}$/.test(day) ? Number(day) : NaN;
			if (!Number.isInteger(value) || value === 0 || Math.abs(value) > 31) throw fail(`RRULE BYMONTHDAY value "${day}" must be 1-31 or -31..-1`);
			return value;
		});
	}
	if (!repeatsInRange(rule, start.wall)) throw fail(`RRULE INTERVAL=${rule.interval} puts every repeat after the year 9999`);
	return rule;
}

function parseByDay(text: string, freq: Frequency, fail: (problem: string) => InputError): ByDay {
	const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(text.trim());
	if (!match) throw fail(`RRULE BYDAY value "${text}" must be a weekday (MO..SU), optionally with an ordinal like 4TH or -1FR`);
	const ordinal = match[1] === undefined ? 0 : Number(match[1]);
	if (ordinal !== 0 && (freq === 'DAILY' || freq === 'WEEKLY')) {
		throw fail(`RRULE BYDAY ordinal "${text}" is only allowed with FREQ=MONTHLY or YEARLY (RFC 5545)`);
	}
	if (ordinal === 0 && match[1] !== undefined) throw fail(`RRULE BYDAY ordinal in "${text}" must not be 0`);
	if (Math.abs(ordinal) > 53) throw fail(`RRULE BYDAY ordinal in "${text}" must be within -53..53`);
	return { weekday: WEEKDAYS.indexOf(match[2]), ordinal };
}

const UNSUPPORTED_PROPERTIES: Record<string, string> = {
	RDATE: 'RDATE (extra dates) is not supported; add them as events of their own',
	EXRULE: 'EXRULE is not supported (it was removed from iCalendar in RFC 5545)',
};

function buildEvent(draft: EventDraft, field: string): CalendarEvent {
	const get = (name: string) => draft.lines.find((line) => line.name === name);
	const fail = (problem: string) => eventError(field, draft, problem);
	const startLine = get('DTSTART');
	if (!startLine) throw fail('has no DTSTART');
	const start = readTimeProperty(startLine, draft, field);
	const event: CalendarEvent = {
		uid: draft.uid ?? '',
		line: draft.line,
		summary: draft.summary ?? '',
		start,
		exdates: [],
		cancelled: (get('STATUS')?.value ?? '').trim().toUpperCase() === 'CANCELLED',
	};
	const endLine = get('DTEND');
	const durationLine = get('DURATION');
	if (endLine && durationLine) throw fail('has both DTEND and DURATION');
	if (endLine) {
		event.end = readTimeProperty(endLine, draft, field);
		if (event.end.dateOnly !== start.dateOnly) throw fail('DTSTART and DTEND must both be dates or both be date-times');
		if (toInstant(event.end.wall, event.end.zone === 'floating' ? 'utc' : event.end.zone) < toInstant(start.wall, start.zone === 'floating' ? 'utc' : start.zone)) {
			throw fail('DTEND is before DTSTART');
		}
	}
	if (durationLine) {
		const duration = parseDuration(durationLine.value);
		if (!duration) throw fail(`DURATION "${durationLine.value}" is not a duration like P1D or PT2H30M`);
		if (!(start.wall + duration.days * DAY_MS + duration.millis <= LAST_WALL)) throw fail(`DURATION "${durationLine.value}" ends after the year 9999`);
		event.duration = duration;
	}
	for (const line of draft.lines) {
		if (UNSUPPORTED_PROPERTIES[line.name]) throw fail(UNSUPPORTED_PROPERTIES[line.name]);
		if (line.name === 'EXDATE') event.exdates.push(...readTimeList(line, draft, field));
	}
	const rules = draft.lines.filter((line) => line.name === 'RRULE');
	if (rules.length > 1) throw fail('has more than one RRULE');
	if (rules.length === 1) event.rule = parseRule(rules[0].value, start, fail);
	const recurrenceId = get('RECURRENCE-ID');
	if (recurrenceId) {
		if (recurrenceId.params.RANGE) throw fail('RECURRENCE-ID with RANGE (this and future occurrences) is not supported');
		event.recurrenceId = readTimeProperty(recurrenceId, draft, field);
	}
	return event;
}

/** Where each line goes: the open components, and the event being read. */
interface ReaderState {
	stack: string[];
	draft?: EventDraft;
	events: CalendarEvent[];
}

function readLine(state: ReaderState, line: ContentLine, field: string): void {
	const { stack } = state;
	const component = line.value.trim().toUpperCase();
	if (line.name === 'BEGIN') {
		if (stack.length === 0 && component !== 'VCALENDAR') {
			throw new InputError(field, `line ${line.line}: BEGIN:${component} is outside BEGIN:VCALENDAR … END:VCALENDAR`);
		}
		if (component === 'VEVENT' && stack.length !== 1) {
			if (state.draft) throw eventError(field, state.draft, `line ${line.line}: another VEVENT begins inside this event`);
			throw new InputError(field, `line ${line.line}: a VEVENT inside ${stack[stack.length - 1]} is not a calendar event`);
		}
		stack.push(component);
		if (component === 'VEVENT') state.draft = { line: line.line, lines: [] };
		return;
	}
	if (line.name === 'END') {
		if (stack.pop() !== component) throw new InputError(field, `line ${line.line}: END:${component} does not close the open component`);
		if (component === 'VEVENT' && state.draft) {
			state.events.push(buildEvent(state.draft, field));
			state.draft = undefined;
		}
		return;
	}
	if (stack.length === 0) throw new InputError(field, `line ${line.line}: ${line.name} is outside BEGIN:VCALENDAR … END:VCALENDAR`);
	// Only the event's own properties: alarms inside it have DTSTART-like lines of their own.
	const draft = state.draft;
	if (!draft || stack.length !== 2) return;
	if (line.name === 'UID') draft.uid = line.value.trim();
	if (line.name === 'SUMMARY') draft.summary = unescapeText(line.value).trim();
	draft.lines.push(line);
}

/**
 * The VEVENTs of an iCalendar text. Garbage (not a VCALENDAR, unbalanced BEGIN/END, unreadable lines, an
 * event where none can be) is an InputError on `field` saying what is wrong and on which line; so is any
 * event outside the supported subset. Yields to the event loop as it goes (a feed may be 2 MB).
 */
export async function parseCalendar(text: string, field = 'calendarUrl'): Promise<CalendarEvent[]> {
	const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const state: ReaderState = { stack: [], events: [] };
	const step = pacer();
	let started = false;
	for (let index = 0; index < physical.length; ) {
		const number = index + 1;
		let logical = physical[index];
		// RFC 5545 3.1: a line break followed by a space or tab continues the line.
		while (++index < physical.length && (physical[index][0] === ' ' || physical[index][0] === '\t')) logical += physical[index].slice(1);
		if (logical.trim() === '') continue;
		const line = parseLine(logical, number);
		if (!started && (line?.name !== 'BEGIN' || line.value.trim().toUpperCase() !== 'VCALENDAR')) break;
		started = true;
		if (!line) throw new InputError(field, `line ${number} is not an iCalendar content line: "${logical.slice(0, 60)}"`);
		readLine(state, line, field);
		await step();
	}
	if (!started) throw new InputError(field, 'is not an iCalendar feed: it does not start with BEGIN:VCALENDAR');
	if (state.stack.length !== 0) throw new InputError(field, `is cut off: ${state.stack.join(' > ')} is never closed (END:${state.stack[state.stack.length - 1]})`);
	return state.events;
}
