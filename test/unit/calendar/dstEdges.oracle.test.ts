/**
 * DST edges against ical.js: daily series in Europe/Berlin, America/New_York and Australia/Lord_Howe (a
 * 30-minute shift) at every quarter hour around both changes of 2027. Starts agree with ical.js to the
 * millisecond, except where ical.js departs from RFC 5545 3.3.5: it reads a time in the spring gap with the
 * offset after the change (moving it back) and a repeated time as its second occurrence. There the expected
 * start is ical.js's moved by the size of the change (the gap moves forward; the first occurrence).
 */
import ICAL from 'ical.js';

import { parseCalendar } from '../../../nodes/shared/calendar/ical';
import { eventClosures } from './closuresOf';


const VTIMEZONES: Record<string, { std: [string, string, string, string]; dst: [string, string, string, string] }> = {
	'Europe/Berlin': { dst: ['19700329T020000', 'BYMONTH=3;BYDAY=-1SU', '+0100', '+0200'], std: ['19701025T030000', 'BYMONTH=10;BYDAY=-1SU', '+0200', '+0100'] },
	'America/New_York': { dst: ['19700308T020000', 'BYMONTH=3;BYDAY=2SU', '-0500', '-0400'], std: ['19701101T020000', 'BYMONTH=11;BYDAY=1SU', '-0400', '-0500'] },
	'Australia/Lord_Howe': { dst: ['19701004T020000', 'BYMONTH=10;BYDAY=1SU', '+1030', '+1100'], std: ['19700405T020000', 'BYMONTH=4;BYDAY=1SU', '+1100', '+1030'] },
};

function vtimezone(zone: string): string[] {
	const part = (kind: string, [start, rule, from, to]: [string, string, string, string]) => [`BEGIN:${kind}`, `DTSTART:${start}`, `RRULE:FREQ=YEARLY;${rule}`, `TZOFFSETFROM:${from}`, `TZOFFSETTO:${to}`, `END:${kind}`];
	const { std, dst } = VTIMEZONES[zone];
	return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...part('DAYLIGHT', dst), ...part('STANDARD', std), 'END:VTIMEZONE'];
}

/** Daily series starting two days before each change, one per quarter hour from 00:00 to 04:45. */
function feedFor(zone: string, changeDays: string[]): string {
	const events = changeDays.flatMap((day, d) =>
		Array.from({ length: 20 }, (_, q) => {
			const time = `${String(Math.floor(q / 4)).padStart(2, '0')}${String((q % 4) * 15).padStart(2, '0')}00`;
			const start = `${day}T${time}`;
			return ['BEGIN:VEVENT', `UID:${d}-${q}`, `SUMMARY:${start}`, `DTSTART;TZID=${zone}:${start}`, `DTEND;TZID=${zone}:${day}T050000`, 'RRULE:FREQ=DAILY;COUNT=5', 'END:VEVENT'];
		}),
	);
	return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...vtimezone(zone), ...events.flat(), 'END:VCALENDAR'].join('\r\n');
}

/** Per change day (YYYYMMDD): the local minutes [from, to) that the change skips or repeats, and its size. */
const EDGES: Record<string, [number, number, number]> = {
	'20270328': [120, 180, 3600_000], '20271031': [120, 180, -3600_000],
	'20270314': [120, 180, 3600_000], '20271107': [60, 120, -3600_000],
	'20271003': [120, 150, 1800_000], '20270404': [90, 120, -1800_000],
};

/** ical.js's starts, those at a skipped or repeated local time moved as RFC 5545 says. */
function icalStarts(text: string): number[] {
	const root = new ICAL.Component(ICAL.parse(text));
	for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	const starts: number[] = [];
	for (const component of root.getAllSubcomponents('vevent')) {
		const iterator = new ICAL.Event(component).iterator();
		for (let next = iterator.next(); next; next = iterator.next()) {
			const day = `${next.year}${String(next.month).padStart(2, '0')}${String(next.day).padStart(2, '0')}`;
			const minute = next.hour * 60 + next.minute;
			const edge = EDGES[day];
			const moved = edge && minute >= edge[0] && minute < edge[1] ? edge[2] : 0;
			starts.push(next.toUnixTime() * 1000 + moved);
		}
	}
	return starts.sort((a, b) => a - b);
}

const CHANGES: Record<string, string[]> = {
	'Europe/Berlin': ['20270326', '20271029'],
	'America/New_York': ['20270312', '20271105'],
	'Australia/Lord_Howe': ['20270402', '20271001'],
};

describe('DST edges agree with ical.js', () => {
	it.each(Object.keys(CHANGES))('%s: starts of daily series across both changes, gap and repeated hour included', async (zone) => {
		const text = feedFor(zone, CHANGES[zone]);
		const window = { from: Date.UTC(2027, 0, 1), to: Date.UTC(2028, 0, 1) };
		const ours = (await eventClosures(await parseCalendar(text), window, 'UTC')).map((c) => c.start).sort((a, b) => a - b);
		const iso = (list: number[]) => list.map((ms) => new Date(ms).toISOString());
		expect(iso(ours)).toEqual(iso(icalStarts(text)));
	});
});
