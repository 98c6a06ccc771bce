/**
 * The iCalendar reader and closures against ical.js (a devDependency, Mozilla's RFC 5545 parser) on every
 * sandbox feed, at several "nows" (around both DST changes, over a leap day): the same closures, to the
 * millisecond. ical.js reads TZIDs through the feeds' VTIMEZONEs; ours through the IANA database.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';

import { parseCalendar } from '../../../nodes/shared/calendar/ical';
import { type Closure } from '../../../nodes/shared/calendar/types';
import { eventClosures } from './closuresOf';
import { FEED_NAMES, feedText } from '../../../tools/sandbox/calendar/feeds';

const ZONE = 'Europe/Berlin';
const DAY = 24 * 60 * 60 * 1000;

function icalMillis(time: ICAL.Time): number {
	if (time.isDate) return DateTime.fromObject({ year: time.year, month: time.month, day: time.day }, { zone: ZONE }).toMillis();
	if (time.zone?.tzid === 'floating' || !time.zone) {
		return DateTime.fromObject({ year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second }, { zone: ZONE }).toMillis();
	}
	return time.toUnixTime() * 1000;
}

const cancelled = (component: ICAL.Component) => String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

/** The closures ical.js sees: occurrences (exceptions related, EXDATEs applied by its iterator), cancelled ones left out. */
function oracleClosures(text: string, from: number, to: number): Array<[number, number]> {
	const root = new ICAL.Component(ICAL.parse(text));
	for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	const masters = new Map<string, ICAL.Event>();
	const exceptions: ICAL.Event[] = [];
	for (const component of root.getAllSubcomponents('vevent')) {
		const event = new ICAL.Event(component);
		if (event.isRecurrenceException()) exceptions.push(event);
		else masters.set(event.uid, event);
	}
	exceptions.forEach((exception) => masters.get(exception.uid)?.relateException(exception));
	const spans: Array<[number, number]> = [];
	const keep = (start: ICAL.Time, end: ICAL.Time) => {
		const s = icalMillis(start);
		const e = icalMillis(end);
		if (e > s && e > from && s < to) spans.push([s, e]);
	};
	for (const event of masters.values()) {
		if (cancelled(event.component)) continue;
		if (!event.isRecurring()) {
			keep(event.startDate, event.endDate);
			continue;
		}
		const iterator = event.iterator();
		for (let next = iterator.next(); next && icalMillis(next) < to + 2 * DAY; next = iterator.next()) {
			const details = event.getOccurrenceDetails(next);
			if (cancelled(details.item.component)) continue;
			keep(details.startDate, details.endDate);
		}
	}
	for (const exception of exceptions) if (!masters.has(exception.uid) && !cancelled(exception.component)) keep(exception.startDate, exception.endDate);
	return spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

const ours = (closures: Closure[]) => closures.map((c): [number, number] => [c.start, c.end]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const readable = (spans: Array<[number, number]>) => spans.map(([s, e]) => `${new Date(s).toISOString()} – ${new Date(e).toISOString()}`);

// Around the spring and autumn DST changes, over a leap day, and today.
const NOWS = ['2027-03-10T10:00:00Z', '2027-10-20T10:00:00Z', '2028-02-20T10:00:00Z', '2026-12-01T08:00:00Z', new Date().toISOString()];
const READABLE = FEED_NAMES.filter((name) => !['broken', 'unsupported', 'huge'].includes(name));

describe('calendar reader agrees with ical.js on the sandbox feeds', () => {
	it.each(NOWS.flatMap((now) => READABLE.map((name) => [name, now])))('%s feed at %s', async (name, now) => {
		const at = new Date(now);
		const text = feedText(name, at, new Map()) as string;
		const window = { from: at.getTime() - DAY, to: at.getTime() + 366 * DAY };
		const expected = oracleClosures(text, window.from, window.to);
		const actual = ours(await eventClosures(await parseCalendar(text), window, ZONE));
		expect(readable(actual)).toEqual(readable(expected));
		if (name !== 'empty') expect(actual.length).toBeGreaterThan(0);
	});
});
