import { DateTime } from 'luxon';

import { parseCalendar } from '../../../nodes/shared/calendar/ical';
import { closureStateAt } from '../../../nodes/shared/calendar/state';
import { closuresFromJson, daysOf as closureDays, eventClosures } from './closuresOf';
import { planHolidaySync } from '../../../nodes/WhatsAppCalling/helpers/holidaySync';

const DAY = 24 * 60 * 60 * 1000;
const BERLIN = 'Europe/Berlin';

function feed(...events: string[][]): string {
	return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flatMap((lines, i) => ['BEGIN:VEVENT', `UID:e${i}`, ...lines, 'END:VEVENT']), 'END:VCALENDAR'].join('\r\n');
}

async function closuresOf(text: string, from: string, days: number, zone = BERLIN) {
	const start = DateTime.fromISO(from, { zone }).toMillis();
	return await eventClosures(await parseCalendar(text), { from: start, to: start + days * DAY }, zone);
}

const iso = (ms: number, zone = BERLIN) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });

describe('closures: DST', () => {
	it('a weekly 09:00-17:00 stays 09:00-17:00 local across the spring change (the UTC time moves)', async () => {
		const text = feed(['SUMMARY:Shift', 'DTSTART;TZID=Europe/Berlin:20270322T090000', 'DTEND;TZID=Europe/Berlin:20270322T170000', 'RRULE:FREQ=WEEKLY;COUNT=2']);
		const closures = await closuresOf(text, '2027-03-20', 20);
		expect(closures.map((c) => [iso(c.start), iso(c.end)])).toEqual([
			['2027-03-22T09:00:00+01:00', '2027-03-22T17:00:00+01:00'],
			['2027-03-29T09:00:00+02:00', '2027-03-29T17:00:00+02:00'],
		]);
		expect(closureDays(closures, BERLIN).map((d) => `${d.startTime}-${d.endTime}`)).toEqual(['0900-1659', '0900-1659']);
	});

	it('02:30 on the spring-forward night does not exist: it is read as 03:30 CEST (RFC 5545 3.3.5)', async () => {
		const [closure] = await closuresOf(feed(['SUMMARY:Gap', 'DTSTART;TZID=Europe/Berlin:20270328T023000', 'DTEND;TZID=Europe/Berlin:20270328T040000']), '2027-03-27', 3);
		expect(new Date(closure.start).toISOString()).toBe('2027-03-28T01:30:00.000Z');
	});

	it('an all-day event on the 25-hour autumn day closes all of it, and the day is one whole holiday', async () => {
		const closures = await closuresOf(feed(['SUMMARY:Long day', 'DTSTART;VALUE=DATE:20271031', 'DTEND;VALUE=DATE:20271101']), '2027-10-29', 5);
		expect(closures[0].end - closures[0].start).toBe(25 * 60 * 60 * 1000);
		expect(closureDays(closures, BERLIN)).toEqual([{ date: '2027-10-31', startTime: '0000', endTime: '2359' }]);
	});
});

describe('closures: all-day end dates, leap days, EXDATE, zones', () => {
	it('DTEND of an all-day event is exclusive; without DTEND it is one day', async () => {
		const text = feed(['SUMMARY:Christmas', 'DTSTART;VALUE=DATE:20271224', 'DTEND;VALUE=DATE:20271227'], ['SUMMARY:Eve', 'DTSTART;VALUE=DATE:20271231']);
		expect(closureDays(await closuresOf(text, '2027-12-01', 60), BERLIN).map((d) => d.date)).toEqual(['2027-12-24', '2027-12-25', '2027-12-26', '2027-12-31']);
	});

	it('a yearly 29 February closes only in leap years', async () => {
		const text = feed(['SUMMARY:Leap', 'DTSTART;VALUE=DATE:20240229', 'RRULE:FREQ=YEARLY']);
		expect(closureDays(await closuresOf(text, '2027-01-01', 5 * 365), BERLIN).map((d) => d.date)).toEqual(['2028-02-29']);
	});

	it('EXDATE removes an occurrence, written as a date or as the same instant in UTC', async () => {
		const allDay = feed(['SUMMARY:Fridays', 'DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE;VALUE=DATE:20270108']);
		expect(closureDays(await closuresOf(allDay, '2026-12-31', 30), BERLIN).map((d) => d.date)).toEqual(['2027-01-01', '2027-01-15']);
		const timed = feed(['SUMMARY:Standup', 'DTSTART;TZID=Europe/Berlin:20270104T090000', 'DURATION:PT30M', 'RRULE:FREQ=DAILY;COUNT=3', 'EXDATE:20270105T080000Z']);
		expect(closureDays(await closuresOf(timed, '2027-01-01', 10), BERLIN).map((d) => d.date)).toEqual(['2027-01-04', '2027-01-06']);
	});

	it('times in UTC or another zone land on the business date; a closure until midnight ends at 2359', async () => {
		const text = feed(['SUMMARY:Late', 'DTSTART:20270105T130000Z', 'DTEND:20270105T150000Z'], ['SUMMARY:Evening', 'DTSTART;TZID=W. Europe Standard Time:20270110T220000', 'DTEND;TZID=W. Europe Standard Time:20270111T000000']);
		// 13:00-15:00 UTC is 22:00-24:00 in Tokyo; 22:00-24:00 Berlin (a Windows zone name) is 06:00-08:00 there the next day.
		expect(closureDays(await closuresOf(text, '2027-01-01', 20, 'Asia/Tokyo'), 'Asia/Tokyo')).toEqual([
			{ date: '2027-01-05', startTime: '2200', endTime: '2359' },
			{ date: '2027-01-11', startTime: '0600', endTime: '0759' },
		]);
		expect(closureDays(await closuresOf(text, '2027-01-01', 20), BERLIN)).toEqual([
			{ date: '2027-01-05', startTime: '1400', endTime: '1559' },
			{ date: '2027-01-10', startTime: '2200', endTime: '2359' },
		]);
	});

	it('a UTC UNTIL bounds a series in another zone by the instant; quoted TZID parameters are read', async () => {
		// 08:30 Berlin is 07:30 UTC in winter: UNTIL 07:30Z on the 6th keeps the 6th, UNTIL 07:29Z would not.
		const series = (until: string) =>
			feed(['SUMMARY:Daily', 'DTSTART;TZID="Europe/Berlin":20270104T083000', 'DURATION:PT1H', `RRULE:FREQ=DAILY;UNTIL=${until}`]);
		expect(closureDays(await closuresOf(series('20270106T073000Z'), '2027-01-01', 10), BERLIN).map((d) => d.date)).toEqual(['2027-01-04', '2027-01-05', '2027-01-06']);
		expect(closureDays(await closuresOf(series('20270106T072900Z'), '2027-01-01', 10), BERLIN).map((d) => d.date)).toEqual(['2027-01-04', '2027-01-05']);
	});

	it('two closures on one date become one entry from the first start to the last end', async () => {
		const text = feed(['SUMMARY:A', 'DTSTART:20270105T090000', 'DTEND:20270105T100000'], ['SUMMARY:B', 'DTSTART:20270105T140000', 'DTEND:20270105T150000']);
		expect(closureDays(await closuresOf(text, '2027-01-01', 10), BERLIN)).toEqual([{ date: '2027-01-05', startTime: '0900', endTime: '1459' }]);
	});
});

describe('parseCalendar refuses what it cannot read exactly, naming the event', () => {
	it.each([
		[feed(['SUMMARY:Zoned', 'DTSTART;TZID=Mars/Olympus:20270105T090000']), 'calendarUrl: event "Zoned" (UID e0, line 3): DTSTART has the timezone "Mars/Olympus", which is not a known IANA or Windows timezone name'],
		[feed(['SUMMARY:No start']), 'calendarUrl: event "No start" (UID e0, line 3): has no DTSTART'],
		[feed(['SUMMARY:Extra', 'DTSTART;VALUE=DATE:20270105', 'RDATE;VALUE=DATE:20270106']), 'calendarUrl: event "Extra" (UID e0, line 3): RDATE (extra dates) is not supported; add them as events of their own'],
		[feed(['SUMMARY:Bad date', 'DTSTART;VALUE=DATE:20270230']), 'calendarUrl: event "Bad date" (UID e0, line 3): DTSTART "20270230" is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)'],
		['BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270101T000000Z', 'calendarUrl: is cut off: VCALENDAR > VEVENT is never closed (END:VEVENT)'],
		['{"holidays": []}', 'calendarUrl: is not an iCalendar feed: it does not start with BEGIN:VCALENDAR'],
	])('%#', async (text, message) => {
		await expect(parseCalendar(text)).rejects.toThrow(message);
	});

	it('reads folded lines, escaped text, and ignores alarms inside events', async () => {
		const text = feed(['SUMMARY:Closed\\, sorry', 'DTSTART;VALUE=DATE:2027', ' 0105', 'BEGIN:VALARM', 'TRIGGER:-PT15M', 'DTSTART:19700101T000000', 'END:VALARM']);
		const [event] = await parseCalendar(text);
		expect(event.summary).toBe('Closed, sorry');
		expect(new Date(event.start.wall).toISOString()).toBe('2027-01-05T00:00:00.000Z');
	});
});

describe('closureStateAt', () => {
	const closures = [
		{ start: 100, end: 200, summary: 'A' },
		{ start: 200, end: 300, summary: 'B' },
		{ start: 500, end: 600, summary: 'C' },
	];
	it('joins touching closures and says when the state flips next', async () => {
		expect(closureStateAt(closures, 150)).toEqual({ active: { start: 100, end: 300, summary: 'A + B' }, nextChangeAt: 300 });
		expect(closureStateAt(closures, 300)).toEqual({ active: undefined, nextChangeAt: 500 });
		expect(closureStateAt(closures, 700)).toEqual({ active: undefined, nextChangeAt: undefined });
	});
});

describe('planHolidaySync', () => {
	const clock = { timezoneId: BERLIN, now: new Date('2027-01-01T10:00:00Z') };
	const day = (date: string, startTime = '0000', endTime = '2359') => ({ date, startTime, endTime });
	const days = Array.from({ length: 25 }, (_, i) => day(`2027-02-${String(i + 1).padStart(2, '0')}`));

	it('mirror writes the soonest 20 and defers the rest; stored dates not in the calendar are removed; past ones dropped', async () => {
		const plan = planHolidaySync([day('2026-12-25'), day('2027-01-10'), day('2027-02-01', '1200')], days, 'mirror', clock, false);
		expect(plan.holidays).toEqual(days.slice(0, 20));
		expect(plan.deferred).toEqual(days.slice(20).map((d) => d.date));
		expect(plan).toMatchObject({ removed: ['2027-01-10'], kept: ['2027-02-01'], droppedPast: [day('2026-12-25')] });
		expect(plan.added).toHaveLength(19);
	});

	it('merge keeps every stored holiday, fills the free places soonest first', async () => {
		const plan = planHolidaySync([day('2027-03-30'), day('2027-02-03', '0800', '0900')], days, 'merge', clock, false);
		expect(plan.holidays).toHaveLength(20);
		expect(plan.holidays.map((h) => h.date)).toContain('2027-03-30');
		expect(plan.holidays.find((h) => h.date === '2027-02-03')).toEqual(day('2027-02-03'));
		expect(plan.removed).toEqual([]);
		expect(plan.deferred).toEqual(days.filter((d) => d.date !== '2027-02-03').slice(18).map((d) => d.date));
	});

	it('mirror refuses an empty calendar unless allowed', async () => {
		expect(() => planHolidaySync([day('2027-01-10')], [], 'mirror', clock, false)).toThrow(/^calendarSource: yields no upcoming day/);
		expect(planHolidaySync([day('2027-01-10')], [], 'mirror', clock, true)).toMatchObject({ holidays: [], removed: ['2027-01-10'] });
		expect(planHolidaySync([day('2027-01-10')], [], 'merge', clock, false)).toMatchObject({ holidays: [day('2027-01-10')] });
	});
});

describe('closuresFromJson', () => {
	const days = async (value: unknown, zone = BERLIN) => closureDays(await closuresFromJson(value, zone), zone);

	it('reads dates, spans of days with times, and Google Calendar events (all-day end exclusive, timed in any offset)', async () => {
		expect(await days(['2027-01-05', { date: '2027-01-07', endDate: '2027-01-08', startTime: '1200', endTime: '0959' }])).toEqual([
			{ date: '2027-01-05', startTime: '0000', endTime: '2359' },
			{ date: '2027-01-07', startTime: '1200', endTime: '2359' },
			{ date: '2027-01-08', startTime: '0000', endTime: '0959' },
		]);
		const google = [
			{ summary: 'Christmas', start: { date: '2027-12-24' }, end: { date: '2027-12-27' } },
			{ summary: 'Call', start: { dateTime: '2027-01-10T08:00:00-05:00' }, end: { dateTime: '2027-01-10T09:30:00-05:00' } },
			{ summary: 'Zoned', start: { dateTime: '2027-01-11T09:00:00', timeZone: 'Asia/Tokyo' }, end: { dateTime: '2027-01-11T10:00:00', timeZone: 'Asia/Tokyo' } },
		];
		expect(await days(google)).toEqual([
			{ date: '2027-01-10', startTime: '1400', endTime: '1529' },
			{ date: '2027-01-11', startTime: '0100', endTime: '0159' },
			{ date: '2027-12-24', startTime: '0000', endTime: '2359' },
			{ date: '2027-12-25', startTime: '0000', endTime: '2359' },
			{ date: '2027-12-26', startTime: '0000', endTime: '2359' },
		]);
	});

	it.each([
		[[{ date: '2027-01-05', endDate: '2027-01-04' }], 'calendarJson[0].endDate: must not be before date (2027-01-05)'],
		[[{ date: '2027-01-05', startTime: '25:00' }], 'calendarJson[0].startTime: must be a time as hhmm, hours 00–23 and minutes 00–59, e.g. 0930'],
		[[{ start: { dateTime: 'soon' } }], 'calendarJson[0].start: must be {date: "YYYY-MM-DD"} or {dateTime: "YYYY-MM-DDThh:mm:ss+01:00"}'],
		['{not json', 'calendarJson: must be a JSON array of "YYYY-MM-DD" strings or {date, endDate?, startTime?, endTime?} objects (the text is not valid JSON)'],
		[[42], 'calendarJson[0]: must be a JSON array of "YYYY-MM-DD" strings or {date, endDate?, startTime?, endTime?} objects'],
	])('refuses %j', async (value, message) => {
		await expect(closuresFromJson(value, BERLIN)).rejects.toThrow(message);
	});
});
