/**
 * Issue 18's inputs: each finishes with the right result or the right error (results asserted, not times),
 * and the RFC 5545 rules that change a closure.
 */
import { DateTime } from 'luxon';
import { RRule } from 'rrule';

import { expandEvents, MAX_OCCURRENCES, occurrenceClosures } from '../../../nodes/shared/calendar/closures';
import { parseCalendar } from '../../../nodes/shared/calendar/ical';
import { jsonEntries } from '../../../nodes/shared/calendar/jsonSource';
import { expandRule } from '../../../nodes/shared/calendar/rrule';
import { parseRule } from '../../../nodes/shared/calendar/ical';
import { InputError } from '../../../nodes/shared/validation';
import { closuresFromJson, daysOf } from './closuresOf';

const DAY = 24 * 60 * 60 * 1000;
const BERLIN = 'Europe/Berlin';
const FROM = DateTime.fromISO('2026-12-01', { zone: BERLIN });
const WINDOW = { from: FROM.toMillis(), to: FROM.plus({ days: 365 }).toMillis() };

const feed = (...events: string[][]) =>
	['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flatMap((lines, i) => ['BEGIN:VEVENT', `UID:e${i}`, ...lines, 'END:VEVENT']), 'END:VCALENDAR'].join('\r\n');

async function closuresOf(text: string, window = WINDOW, zone = BERLIN) {
	const events = await parseCalendar(text);
	return occurrenceClosures(await expandEvents(events, window), events, window, zone);
}

const iso = (ms: number, zone = BERLIN) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });

describe('inputs of issue 18 finish with the right result', () => {
	it.each(['19000101', '10000101'])('DTSTART:%s with FREQ=DAILY yields the window\'s days only', async (start) => {
		const { closures } = await closuresOf(feed(['SUMMARY:Old', `DTSTART;VALUE=DATE:${start}`, 'RRULE:FREQ=DAILY']));
		expect(daysOf(closures, BERLIN, WINDOW)).toHaveLength(365);
		expect(iso(closures[0].start)).toBe('2026-12-01T00:00:00+01:00');
	});

	it('ten such events in one feed', async () => {
		const events = Array.from({ length: 10 }, (_, i) => [`SUMMARY:E${i}`, `DTSTART:${1000 + i * 100}0101T090000`, 'DURATION:PT1H', 'RRULE:FREQ=DAILY']);
		const { closures } = await closuresOf(feed(...events));
		expect(closures.length).toBe(10 * 365);
	});

	it('COUNT is counted, not stepped: a daily series from 1900 with COUNT=50000 ends on day 50,000', async () => {
		const { closures } = await closuresOf(feed(['SUMMARY:Long', 'DTSTART;VALUE=DATE:19000101', 'RRULE:FREQ=DAILY;COUNT=50000']), { from: Date.UTC(2036, 0, 1), to: Date.UTC(2037, 0, 1) });
		expect(iso(closures[closures.length - 1].start, BERLIN)?.slice(0, 10)).toBe(new Date(Date.UTC(1900, 0, 1) + 49_999 * DAY).toISOString().slice(0, 10));
	});

	it.each([
		['FREQ=MONTHLY;BYDAY=-1FR;COUNT=1000', Date.UTC(1950, 0, 27, 9)],
		['FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH;COUNT=3000', Date.UTC(1990, 0, 1, 9)],
		['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=20', Date.UTC(1960, 1, 29, 9)],
		['FREQ=DAILY;INTERVAL=7;BYMONTH=1,7;COUNT=900', Date.UTC(1980, 0, 3, 9)],
	])('COUNT from decades back agrees with rrule.js in a later window: %s', (text, dtstart) => {
		const from = Date.UTC(2026, 0, 1);
		const limit = Date.UTC(2040, 0, 1);
		const rule = parseRule(text, { wall: dtstart, dateOnly: false, zone: 'floating' }, (p) => new InputError('rrule', p));
		const stamp = (ms: number) => new Date(ms).toISOString();
		const theirs = RRule.fromString(`DTSTART:${stamp(dtstart).replace(/[-:]/g, '').slice(0, 15)}Z\nRRULE:${text}`).between(new Date(from), new Date(limit), true);
		expect(expandRule(rule, dtstart, limit, from).map(stamp)).toEqual(theirs.map((d) => stamp(d.getTime())));
	});

	it.each(['30261231', '99991231'])('an all-day event with DTEND %s closes the window\'s days', async (end) => {
		const { closures } = await closuresOf(feed(['SUMMARY:Forever', 'DTSTART;VALUE=DATE:20261201', `DTEND;VALUE=DATE:${end}`]));
		const days = daysOf(closures, BERLIN, WINDOW);
		expect(days).toHaveLength(365);
		expect(days[364]).toEqual({ date: '2027-11-30', startTime: '0000', endTime: '2359' });
	});

	it('JSON endDate 2127 closes the window\'s days', async () => {
		const closures = await closuresFromJson([{ date: '2026-12-10', endDate: '2127-12-31' }], BERLIN, WINDOW);
		expect(daysOf(closures, BERLIN, WINDOW)).toHaveLength(356);
	});

	it('JSON with 100,000 dates is refused before any entry is read', () => {
		const dates = Array.from({ length: 100_000 }, (_, i) => new Date(Date.UTC(1800, 0, 1) + i * DAY).toISOString().slice(0, 10));
		expect(() => jsonEntries(dates)).toThrow("calendarJson: has 100000 entries; at most 25000 are read (pass only the coming year's)");
	});

	it('a huge INTERVAL is an error naming the event', async () => {
		await expect(parseCalendar(feed(['SUMMARY:Huge', 'DTSTART:20260101T090000', 'RRULE:FREQ=MONTHLY;INTERVAL=1000000000000000']))).rejects.toThrow(
			'calendarUrl: event "Huge" (UID e0, line 3): RRULE INTERVAL=1000000000000000 puts every repeat after the year 9999',
		);
	});

	it('20,000 events with TZID=Europe/Berlin are read, each in its zone', async () => {
		const events = Array.from({ length: 20_000 }, (_, i) => [`SUMMARY:E${i}`, `DTSTART;TZID=Europe/Berlin:2027${String((i % 11) + 1).padStart(2, '0')}10T${String(i % 24).padStart(2, '0')}0000`, 'DURATION:PT30M']);
		const { closures } = await closuresOf(feed(...events));
		expect(closures).toHaveLength(20_000);
	});

	it(`more than ${MAX_OCCURRENCES} occurrences in the window is an error, and nothing is returned`, async () => {
		const events = Array.from({ length: 70 }, (_, i) => [`SUMMARY:E${i}`, 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=DAILY']);
		await expect(closuresOf(feed(...events))).rejects.toThrow(/^calendarUrl: has more than 25,000 occurrences in the sync window \(the last counted: event "E\d+" \(UID e\d+, line \d+\)\); nothing was written$/);
	});

	it.each([
		[feed(['SUMMARY:Outer', 'DTSTART;VALUE=DATE:20270101', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270102', 'END:VEVENT']), 'calendarUrl: event "Outer" (UID e0, line 3): line 7: another VEVENT begins inside this event'],
		[`${feed(['SUMMARY:In', 'DTSTART;VALUE=DATE:20270101'])}\r\nBEGIN:VEVENT\r\nSUMMARY:Stray\r\nEND:VEVENT`, 'calendarUrl: line 9: BEGIN:VEVENT is outside BEGIN:VCALENDAR … END:VCALENDAR'],
		[feed(['SUMMARY:Long', 'DTSTART:20270101T090000', 'DURATION:P99999999D']), 'calendarUrl: event "Long" (UID e0, line 3): DURATION "P99999999D" ends after the year 9999'],
		[feed(['SUMMARY:Zero', 'DTSTART;VALUE=DATE:00000101']), 'calendarUrl: event "Zero" (UID e0, line 3): DTSTART "00000101" is not a date'],
	])('refuses what it cannot place, naming the event and line (%#)', async (text, message) => {
		await expect(parseCalendar(text)).rejects.toThrow(message);
	});
});

describe('RFC 5545 rules that change a closure', () => {
	it('a repeated local time (clocks going back) is its first occurrence', async () => {
		const { closures } = await closuresOf(feed(['SUMMARY:Back', 'DTSTART;TZID=Europe/Berlin:20271031T023000', 'DURATION:PT1H']));
		expect(new Date(closures[0].start).toISOString()).toBe('2027-10-31T00:30:00.000Z');
	});

	it('a skipped local time moves forward by the gap and is reported', async () => {
		const { closures, notices } = await closuresOf(feed(['SUMMARY:Gap', 'DTSTART;TZID=Europe/Berlin:20270328T023000', 'DURATION:PT1H']));
		expect(iso(closures[0].start)).toBe('2027-03-28T03:30:00+02:00');
		expect(notices).toEqual(['event "Gap" (UID e0, line 3): 2027-03-28T02:30 is skipped by the clock change in Europe/Berlin; read as the time after it']);
	});

	it('DTEND of a timed series is an exact length across DST (weekly 02:30-04:00 stays 90 minutes)', async () => {
		const text = feed(['SUMMARY:Night', 'DTSTART;TZID=Europe/Berlin:20270321T023000', 'DTEND;TZID=Europe/Berlin:20270321T040000', 'RRULE:FREQ=WEEKLY;COUNT=3']);
		const { closures } = await closuresOf(text);
		expect(closures.map((c) => (c.end - c.start) / 60_000)).toEqual([90, 90, 90]);
	});

	it('EXDATE as a date removes that day of a timed series; a timed EXDATE removes its day of an all-day series', async () => {
		const timed = feed(['SUMMARY:Standup', 'DTSTART;TZID=Europe/Berlin:20270104T090000', 'DURATION:PT30M', 'RRULE:FREQ=DAILY;COUNT=3', 'EXDATE;VALUE=DATE:20270105']);
		expect(daysOf((await closuresOf(timed)).closures, BERLIN).map((d) => d.date)).toEqual(['2027-01-04', '2027-01-06']);
		const allDay = feed(['SUMMARY:Days', 'DTSTART;VALUE=DATE:20270104', 'RRULE:FREQ=DAILY;COUNT=3', 'EXDATE;TZID=Europe/Berlin:20270105T000000']);
		expect(daysOf((await closuresOf(allDay)).closures, BERLIN).map((d) => d.date)).toEqual(['2027-01-04', '2027-01-06']);
	});

	it('years 0001-0099 are read as written', async () => {
		const [event] = await parseCalendar(feed(['SUMMARY:Old', 'DTSTART;VALUE=DATE:00500301']));
		expect(new Date(event.start.wall).toISOString()).toBe('0050-03-01T00:00:00.000Z');
		const { closures } = await closuresOf(feed(['SUMMARY:Yearly', 'DTSTART;VALUE=DATE:00500301', 'RRULE:FREQ=YEARLY']));
		expect(daysOf(closures, BERLIN).map((d) => d.date)).toEqual(['2027-03-01']);
	});
});
