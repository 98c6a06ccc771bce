import fc from 'fast-check';
import { DateTime } from 'luxon';

import { mergeHolidays, removeHolidays } from '../../../nodes/shared/hours/holidays';
import { type Holiday } from '../../../nodes/shared/hours/types';
import { callHoursToWire } from '../../../nodes/shared/hours/wire';
import { readCallingSettings, storedCallHours } from '../../../nodes/WhatsAppCalling/actions/api';

/**
 * The path a holiday operation takes, from Meta's stored answer to the call_hours it writes back:
 * read (any spelling) -> merge/remove -> wire. Whatever is stored, nothing but the holiday list may change.
 */

const now = new Date('2026-06-15T22:30:00Z'); // already the 16th in Asia/Tokyo, still the 15th in New York
const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'];
const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;

const weeklyEntry = fc
	.record({ day: fc.constantFrom(...days), open: fc.integer({ min: 0, max: 1400 }), length: fc.integer({ min: 1, max: 39 }) })
	.map(({ day, open, length }) => ({ day_of_week: day, open_time: hhmm(open), close_time: hhmm(Math.min(open + length, 1439)) }));

const holidayAt = (zone: string) =>
	fc.record({ offset: fc.integer({ min: -10, max: 60 }), start: fc.integer({ min: 0, max: 700 }) }).map(({ offset, start }) => ({
		date: DateTime.fromJSDate(now, { zone }).plus({ days: offset }).toISODate()!,
		start_time: hhmm(start),
		end_time: hhmm(start + 600),
	}));

const scenario = fc.constantFrom(...zones).chain((zone) =>
	fc.record({
		zone: fc.constant(zone),
		lowercase: fc.boolean(),
		weekly: fc.array(weeklyEntry, { minLength: 1, maxLength: 6 }),
		stored: fc.uniqueArray(holidayAt(zone), { selector: (h) => h.date, maxLength: 10 }),
		added: fc.uniqueArray(holidayAt(zone), { selector: (h) => h.date, maxLength: 8 }),
	}),
);

function today(zone: string): string {
	return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

function storedAnswer(s: { zone: string; lowercase: boolean; weekly: object[]; stored: object[] }) {
	const status = s.lowercase ? 'enabled' : 'ENABLED';
	return {
		calling: {
			status,
			call_hours: { status, timezone_id: s.zone, weekly_operating_hours: s.weekly, holiday_schedule: s.stored },
		},
	};
}

const toHoliday = (h: { date: string; start_time: string; end_time: string }): Holiday => ({
	date: h.date,
	startTime: h.start_time,
	endTime: h.end_time,
});

describe('holiday writes keep everything but the holiday list', () => {
	it('add: weekly hours, status and timezone unchanged; stored future dates kept; past dropped; added win', () => {
		fc.assert(
			fc.property(scenario, (s) => {
				const stored = storedCallHours(readCallingSettings(storedAnswer(s)).calling)!;
				const added = s.added.filter((h) => h.date >= today(s.zone)).map(toHoliday);
				const merged = mergeHolidays(stored.holidays, added, { timezoneId: stored.timezoneId, now });
				const wire = callHoursToWire({ ...stored, holidays: merged.holidays });

				expect(wire.status).toBe('ENABLED');
				expect(wire.timezone_id).toBe(s.zone);
				expect(wire.weekly_operating_hours).toEqual(s.weekly);

				const sent = new Map(wire.holiday_schedule.map((h) => [h.date, h]));
				const dates = wire.holiday_schedule.map((h) => h.date);
				expect(dates).toEqual([...new Set(dates)].sort());
				expect(dates.every((d) => d >= today(s.zone))).toBe(true);
				for (const h of added) expect(sent.get(h.date)).toEqual({ date: h.date, start_time: h.startTime, end_time: h.endTime });
				for (const h of s.stored) {
					if (h.date < today(s.zone)) expect(sent.has(h.date)).toBe(false);
					else if (!added.some((a) => a.date === h.date)) expect(sent.get(h.date)).toEqual(h);
				}
			}),
		);
	});

	it('remove: only the given dates (and past ones) leave; everything else is sent back as stored', () => {
		fc.assert(
			fc.property(scenario, fc.nat(), (s, pick) => {
				const stored = storedCallHours(readCallingSettings(storedAnswer(s)).calling)!;
				const toRemove = s.stored.filter((_h, i) => (pick >> i) & 1).map((h) => h.date);
				const result = removeHolidays(stored.holidays, toRemove, { timezoneId: stored.timezoneId, now });
				const wire = callHoursToWire({ ...stored, holidays: result.holidays });

				expect(wire.weekly_operating_hours).toEqual(s.weekly);
				const expected = s.stored
					.filter((h) => h.date >= today(s.zone) && !toRemove.includes(h.date))
					.sort((a, b) => a.date.localeCompare(b.date));
				expect(wire.holiday_schedule).toEqual(expected);
			}),
		);
	});
});
