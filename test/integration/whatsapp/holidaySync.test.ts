import { DateTime } from 'luxon';

import { publicHolidays } from '../../../tools/sandbox/calendar/publicHolidays';
import { DEMO, berlinDate, jsonOf, runWhatsApp, storeHolidays, useSandbox, writes } from './setup';

const sandbox = useSandbox();
const storedHolidays = () => sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours!.holiday_schedule ?? [];
const whole = (date: string) => ({ date, start_time: '0000', end_time: '2359' });
const sync = (parameters: Record<string, unknown>) => ({
	resource: 'holidaySchedule',
	operation: 'sync',
	...parameters,
	options: { verifyWrites: false, publicHolidaysBaseUrl: sandbox.current.url, ...((parameters.options as object) ?? {}) },
});
const feed = (name: string) => ({ calendarSource: 'ical', calendarUrl: `${sandbox.current.url}/calendars/${name}.ics` });

/** The sandbox's public holidays of the next 366 days (Berlin), as the sync should write them. */
function upcomingPublicHolidays(countryCode: string, subdivision = ''): string[] {
	const today = berlinDate(0);
	const last = berlinDate(365);
	const year = Number(today.slice(0, 4));
	return [year, year + 1]
		.flatMap((y) => publicHolidays(y, countryCode) ?? [])
		.filter((h) => h.types.includes('Public') && (h.global || (subdivision !== '' && (h.counties ?? []).includes(subdivision))))
		.map((h) => h.date)
		.filter((date) => date >= today && date <= last);
}

describe('holidaySchedule sync: public holidays', () => {
	it('mirror: the stored schedule becomes exactly the upcoming public holidays; weekly hours untouched', async () => {
		const expected = upcomingPublicHolidays('DE', 'DE-BY').slice(0, 20);
		const stray = berlinDate(2) === expected[0] ? berlinDate(3) : berlinDate(2);
		storeHolidays(sandbox.current, [{ date: stray }, { date: berlinDate(-3) }, { date: expected[0], start_time: '1200', end_time: '2359' }]);
		const [out] = jsonOf(await runWhatsApp(sandbox.current, sync({ countryCode: 'DE', subdivisionCode: 'de-by' })));
		expect(storedHolidays()).toEqual(expected.map(whole));
		const hours = sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours!;
		expect(hours.weekly_operating_hours.length).toBe(5);
		expect(hours.timezone_id).toBe('Europe/Berlin');
		expect(out).toMatchObject({
			phoneNumberId: DEMO.phoneNumberId,
			syncMode: 'mirror',
			added: expected.slice(1),
			removed: [stray],
			kept: [expected[0]],
			deferred: [],
			unchanged: false,
			droppedPastHolidays: [{ date: berlinDate(-3), startTime: '0000', endTime: '2359' }],
			calendar: { source: 'publicHolidays', countryCode: 'DE', subdivisionCode: 'DE-BY', closures: expected.length },
		});
		// Bavaria has holidays the nation does not: Epiphany (6 January) is one of them.
		expect(expected.some((date) => date.endsWith('-01-06'))).toBe(true);
		expect(writes(sandbox.current)).toHaveLength(1);
	});

	it('a second sync writes nothing (unchanged: true, no POST)', async () => {
		await runWhatsApp(sandbox.current, sync({ countryCode: 'DE' }));
		sandbox.current.clearRequests();
		const [out] = jsonOf(await runWhatsApp(sandbox.current, sync({ countryCode: 'DE' })));
		expect(out).toMatchObject({ unchanged: true, added: [], removed: [], deferred: [], writes: 0 });
		expect(sandbox.current.requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('nation-wide only leaves regional holidays out; holidayTypes adds more types', async () => {
		jsonOf(await runWhatsApp(sandbox.current, sync({ countryCode: 'AT' })));
		const dates = storedHolidays().map((h) => h.date);
		expect(dates).toEqual(upcomingPublicHolidays('AT'));
		// Christmas Eve is a Bank holiday in Austria, not a Public one.
		expect(dates.some((d) => d.endsWith('-12-24'))).toBe(false);
		jsonOf(await runWhatsApp(sandbox.current, sync({ countryCode: 'AT', options: { holidayTypes: ['Public', 'Bank'] } })));
		expect(storedHolidays().map((h) => h.date).some((d) => d.endsWith('-12-24'))).toBe(true);
	});

	it('fetches each year once per run, however many items share the source', async () => {
		const items = [{ json: {} }, { json: {} }, { json: {} }];
		jsonOf(await runWhatsApp(sandbox.current, sync({ countryCode: 'DE' }), { items }));
		const paths = sandbox.current.calendarRequests.map((r) => r.path);
		expect(paths.length).toBe(new Set(paths).size);
		expect(paths.every((p) => p.startsWith('/api/v3/PublicHolidays/') && p.endsWith('/DE'))).toBe(true);
	});

	it('an unknown country of the service is an error naming countryCode, before any request to Meta', async () => {
		const result = await runWhatsApp(sandbox.current, sync({ countryCode: 'JP' }));
		expect(result.error?.message).toMatch(/^Country Name or ID: the public-holiday service \(.*\/api\/v3\/PublicHolidays\/\d{4}\/JP\) answered HTTP 404/);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('refuses an invalid country or subdivision before any request', async () => {
		const bad = await runWhatsApp(sandbox.current, sync({ countryCode: 'XX' }));
		expect(bad.error?.message).toBe('Country Name or ID: must be an ISO 3166-1 alpha-2 country code, e.g. US or BR (got "XX")');
		const two = await runWhatsApp(sandbox.current, sync({ countryCode: 'DE,AT' }));
		expect(two.error?.message).toBe('Country Name or ID: must be an ISO 3166-1 alpha-2 country code, e.g. US or BR (got "DE,AT")');
		const sub = await runWhatsApp(sandbox.current, sync({ countryCode: 'DE', subdivisionCode: 'AT-9' }));
		expect(sub.error?.message).toBe('Subdivision Code: AT-9 is not a subdivision of DE');
		expect(sandbox.current.calendarRequests).toEqual([]);
		expect(sandbox.current.requests).toEqual([]);
	});
});

describe('holidaySchedule sync: iCalendar feeds', () => {
	it('mirror: all-day, multi-day, timed (TZID, floating, other zones), recurring with EXDATE and an override; cancelled and past skipped', async () => {
		const [out] = jsonOf(await runWhatsApp(sandbox.current, sync(feed('closures'))));
		const berlin = (offset: number, hhmm: string, zone: string) =>
			DateTime.fromISO(`${berlinDate(offset)}T${hhmm.slice(0, 2)}:${hhmm.slice(2)}`, { zone }).setZone('Europe/Berlin').toFormat('HHmm');
		// 08:00-09:30 in New York, in Berlin time (the end minute inclusive)
		const newYorkEnd = DateTime.fromFormat(berlin(6, '0930', 'America/New_York'), 'HHmm').minus({ minutes: 1 }).toFormat('HHmm');
		const expected = [
			{ date: berlinDate(5), start_time: '1400', end_time: '1559' },
			{ date: berlinDate(6), start_time: berlin(6, '0800', 'America/New_York'), end_time: newYorkEnd },
			{ date: berlinDate(7), start_time: '2200', end_time: '2359' },
			{ date: berlinDate(8), start_time: '0000', end_time: '0159' },
			whole(berlinDate(10)),
			whole(berlinDate(20)),
			whole(berlinDate(21)),
			whole(berlinDate(22)),
			{ date: berlinDate(30), start_time: '1200', end_time: '1259' },
			{ date: berlinDate(44), start_time: '1500', end_time: '1559' },
			{ date: berlinDate(51), start_time: '1200', end_time: '1259' },
		];
		const stored = storedHolidays();
		expect(stored.slice(0, expected.length)).toEqual(expected);
		// The yearly 4th Thursday of November: one within the next 366 days.
		const thanksgiving = stored.slice(expected.length);
		expect(thanksgiving).toHaveLength(1);
		const day = DateTime.fromISO(thanksgiving[0].date);
		expect([day.month, day.weekday, Math.ceil(day.day / 7)]).toEqual([11, 4, 4]);
		expect(stored.map((h) => h.date)).not.toContain(berlinDate(12)); // cancelled
		expect(stored.map((h) => h.date)).not.toContain(berlinDate(37)); // EXDATE
		expect(out).toMatchObject({ calendar: { source: 'ical', events: 10, closures: 9, days: 12 }, deferred: [] });
	});

	it('more than 20 upcoming days: exactly the soonest 20 are written, the rest deferred', async () => {
		const [out] = jsonOf(await runWhatsApp(sandbox.current, sync(feed('many'))));
		const all = Array.from({ length: 30 }, (_, i) => berlinDate(3 + i));
		expect(storedHolidays()).toEqual(all.slice(0, 20).map(whole));
		expect(out).toMatchObject({ added: all.slice(0, 20), deferred: all.slice(20) });
	});

	it('merge: calendar days are added and every stored holiday is kept, stored first when the 20 fill up', async () => {
		storeHolidays(sandbox.current, [{ date: berlinDate(40) }, { date: berlinDate(4), start_time: '0800', end_time: '1000' }]);
		const [out] = jsonOf(await runWhatsApp(sandbox.current, sync({ ...feed('many'), syncMode: 'merge' })));
		const calendar = Array.from({ length: 30 }, (_, i) => berlinDate(3 + i));
		const stored = storedHolidays();
		expect(stored).toHaveLength(20);
		expect(stored.map((h) => h.date)).toContain(berlinDate(40));
		// A date in both: one entry covering both closures.
		expect(stored.find((h) => h.date === berlinDate(4))).toEqual(whole(berlinDate(4)));
		expect(out).toMatchObject({ kept: [berlinDate(4), berlinDate(40)], removed: [] });
		expect(out.deferred).toEqual(calendar.filter((d) => d !== berlinDate(4)).slice(18));
	});

	it('dry run shows the computed body and sends nothing', async () => {
		const [out] = jsonOf(await runWhatsApp(sandbox.current, sync({ ...feed('many'), options: { dryRun: true } })));
		expect(writes(sandbox.current)).toEqual([]);
		const body = (out.request as { body: { calling: { call_hours: { holiday_schedule: unknown[] } } } }).body;
		expect(body.calling.call_hours.holiday_schedule).toHaveLength(20);
		expect(out).toMatchObject({ dryRun: true, deferred: expect.any(Array) });
	});

	it.each([
		['broken', /^Calendar URL: is not an iCalendar feed: it does not start with BEGIN:VCALENDAR$/],
		['missing', /^Calendar URL: the calendar feed .*missing\.ics answered HTTP 404/],
		['unsupported', /^Calendar URL: event "Last workday of the month" \(UID lastworkday@sandbox, line \d+\): RRULE part BYSETPOS is not supported/],
		['huge', /^Calendar URL: the calendar feed .*huge\.ics is larger than 2048 KB; refusing to read more$/],
	])('a %s feed writes nothing and says which source and why', async (name, message) => {
		storeHolidays(sandbox.current, [{ date: berlinDate(9) }]);
		const result = await runWhatsApp(sandbox.current, sync(feed(name)));
		expect(result.error?.message).toMatch(message);
		expect(sandbox.current.requests).toEqual([]);
		expect(storedHolidays()).toEqual([whole(berlinDate(9))]);
	});

	it('an empty feed in mirror mode is refused (it would delete every holiday) unless allowEmptyCalendar', async () => {
		storeHolidays(sandbox.current, [{ date: berlinDate(9) }]);
		const refused = await runWhatsApp(sandbox.current, sync(feed('empty')));
		expect(refused.error?.message).toMatch(/^Calendar Source: yields no upcoming day, and in mirror mode that would delete every stored holiday \(1 now\); nothing was written/);
		expect(writes(sandbox.current)).toEqual([]);
		expect(storedHolidays()).toEqual([whole(berlinDate(9))]);
		const [allowed] = jsonOf(await runWhatsApp(sandbox.current, sync({ ...feed('empty'), options: { allowEmptyCalendar: true } })));
		expect(allowed).toMatchObject({ removed: [berlinDate(9)], unchanged: false });
		expect(storedHolidays()).toEqual([]);
	});

	it('reads a feed set by the test; refuses a scheme other than https, http, webcal', async () => {
		sandbox.current.setCalendar('custom', ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'SUMMARY:Closed', `DTSTART;VALUE=DATE:${berlinDate(15).replace(/-/g, '')}`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n'));
		jsonOf(await runWhatsApp(sandbox.current, sync(feed('custom'))));
		expect(storedHolidays()).toEqual([whole(berlinDate(15))]);
		const ftp = await runWhatsApp(sandbox.current, sync({ calendarSource: 'ical', calendarUrl: 'ftp://example.com/x.ics' }));
		expect(ftp.error?.message).toBe('Calendar URL: must start with https://, http://, webcal:// (got "ftp:")');
	});
});

describe('holidaySchedule sync: JSON', () => {
	it('takes dates and spans from an earlier node', async () => {
		const calendarJson = JSON.stringify([berlinDate(3), { date: berlinDate(6), endDate: berlinDate(7), startTime: '1200' }, { date: berlinDate(9), startTime: '0800', endTime: '1000' }]);
		jsonOf(await runWhatsApp(sandbox.current, sync({ calendarSource: 'json', calendarJson })));
		expect(storedHolidays()).toEqual([
			whole(berlinDate(3)),
			{ date: berlinDate(6), start_time: '1200', end_time: '2359' },
			whole(berlinDate(7)),
			{ date: berlinDate(9), start_time: '0800', end_time: '1000' },
		]);
	});

	it('refuses a bad entry before any request, naming it', async () => {
		const result = await runWhatsApp(sandbox.current, sync({ calendarSource: 'json', calendarJson: JSON.stringify([{ date: '2027-02-30' }]) }));
		expect(result.error?.message).toBe('Calendar JSON › entry 1 › date: must be a date as YYYY-MM-DD that exists');
		expect(sandbox.current.requests).toEqual([]);
	});
});
