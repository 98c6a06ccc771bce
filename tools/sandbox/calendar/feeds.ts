import { DateTime } from 'luxon';

/**
 * iCalendar feeds the sandbox serves under /calendars/<name>.ics, dated relative to the sandbox clock so
 * that they are always upcoming. Each feed is one case the calendar reader must handle (or refuse clearly).
 * Dates are days from today in Europe/Berlin (the demo number's and Page's timezone).
 */

const BERLIN_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Berlin',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE',
];

const NEW_YORK_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:America/New_York',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:-0500',
	'TZOFFSETTO:-0400',
	'TZNAME:EDT',
	'DTSTART:20070311T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:-0400',
	'TZOFFSETTO:-0500',
	'TZNAME:EST',
	'DTSTART:20071104T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
	'END:STANDARD',
	'END:VTIMEZONE',
];

export const FEED_ZONE = 'Europe/Berlin';

/** Helpers that write dates N days from today (Berlin). */
export function feedClock(now: Date) {
	const today = DateTime.fromJSDate(now, { zone: FEED_ZONE }).startOf('day');
	const day = (offset: number) => today.plus({ days: offset });
	return {
		today,
		/** YYYYMMDD */
		date: (offset: number) => day(offset).toFormat('yyyyLLdd'),
		/** YYYYMMDDTHHMMSS, local (for TZID or floating) */
		local: (offset: number, hhmm: string) => `${day(offset).toFormat('yyyyLLdd')}T${hhmm}00`,
		/** YYYY-MM-DD */
		iso: (offset: number) => day(offset).toISODate() as string,
		/** two-letter weekday of the day */
		weekday: (offset: number) => ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][day(offset).weekday - 1],
	};
}

function calendar(lines: string[], timezones: string[][] = []): string {
	const body = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//n8n-nodes-meta-calling//sandbox//EN', 'CALSCALE:GREGORIAN', ...timezones.flat(), ...lines, 'END:VCALENDAR'];
	// RFC 5545: CRLF line ends, lines folded at 75 octets (long ones here are folded to exercise unfolding).
	return body.map((line) => (line.length > 75 ? line.match(/.{1,74}/g)!.join('\r\n ') : line)).join('\r\n') + '\r\n';
}

function event(uid: string, summary: string, props: string[]): string[] {
	return ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', `SUMMARY:${summary}`, ...props, 'END:VEVENT'];
}

/** A company closures calendar: every kind of event, plus ones that close nothing. */
function closures(now: Date): string {
	const c = feedClock(now);
	return calendar(
		[
			...event('offsite@sandbox', 'Company offsite', [`DTSTART;VALUE=DATE:${c.date(10)}`, `DTEND;VALUE=DATE:${c.date(11)}`]),
			...event('inventory@sandbox', 'Inventory\\, all hands', [`DTSTART;VALUE=DATE:${c.date(20)}`, `DTEND;VALUE=DATE:${c.date(23)}`]),
			...event('meeting@sandbox', 'Team meeting', [`DTSTART;TZID=Europe/Berlin:${c.local(5, '1400')}`, `DTEND;TZID=Europe/Berlin:${c.local(5, '1600')}`]),
			...event('newyork@sandbox', 'Call with the New York office', [
				`DTSTART;TZID=America/New_York:${c.local(6, '0800')}`,
				`DTEND;TZID=America/New_York:${c.local(6, '0930')}`,
			]),
			...event('maintenance@sandbox', 'Overnight maintenance', [`DTSTART:${c.local(7, '2200')}`, 'DURATION:PT4H']),
			...event('weekly@sandbox', 'Weekly training', [
				`DTSTART;TZID=Europe/Berlin:${c.local(30, '1200')}`,
				`DTEND;TZID=Europe/Berlin:${c.local(30, '1300')}`,
				`RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=${c.weekday(30)}`,
				`EXDATE;TZID=Europe/Berlin:${c.local(37, '1200')}`,
			]),
			...event('weekly@sandbox', 'Weekly training (moved)', [
				`RECURRENCE-ID;TZID=Europe/Berlin:${c.local(44, '1200')}`,
				`DTSTART;TZID=Europe/Berlin:${c.local(44, '1500')}`,
				`DTEND;TZID=Europe/Berlin:${c.local(44, '1600')}`,
			]),
			...event('cancelled@sandbox', 'Cancelled party', [`DTSTART;VALUE=DATE:${c.date(12)}`, `DTEND;VALUE=DATE:${c.date(13)}`, 'STATUS:CANCELLED']),
			...event('thanksgiving@sandbox', 'Thanksgiving (US office)', [
				'DTSTART;VALUE=DATE:20201126',
				'DTEND;VALUE=DATE:20201127',
				'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
			]),
			...event('past@sandbox', 'Last year', [`DTSTART;VALUE=DATE:${c.date(-300)}`, `DTEND;VALUE=DATE:${c.date(-299)}`]),
		],
		[BERLIN_VTIMEZONE, NEW_YORK_VTIMEZONE],
	);
}

/** 30 consecutive closed days from 3 days ahead: more than Meta's 20. */
function many(now: Date): string {
	const c = feedClock(now);
	return calendar(event('renovation@sandbox', 'Renovation', [`DTSTART;VALUE=DATE:${c.date(3)}`, `DTEND;VALUE=DATE:${c.date(4)}`, 'RRULE:FREQ=DAILY;COUNT=30']));
}

const FEEDS: Record<string, (now: Date) => string> = {
	closures,
	many,
	empty: () => calendar([]),
	// What a misconfigured proxy or a login page answers with 200.
	broken: () => '<!DOCTYPE html><html><body><h1>Sign in to view this calendar</h1></body></html>',
	unsupported: (now) => {
		const c = feedClock(now);
		return calendar(event('lastworkday@sandbox', 'Last workday of the month', [`DTSTART;VALUE=DATE:${c.date(1)}`, 'RRULE:FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR']));
	},
	// Over the 2 MB limit.
	huge: () => calendar(Array.from({ length: 40_000 }, (_, i) => `X-FILLER-${i}:${'x'.repeat(60)}`)),
};

export const FEED_NAMES = Object.keys(FEEDS);

/** The feed text, or undefined for an unknown name; `custom` holds feeds set through the control API. */
export function feedText(name: string, now: Date, custom: ReadonlyMap<string, string>): string | undefined {
	return custom.get(name) ?? FEEDS[name]?.(now);
}
