import fc from 'fast-check';
import { DateTime } from 'luxon';
import { checkAvailability } from '../../../nodes/shared/hours/availability';
import { holidaysFromJson, holidaysFromParameter, mergeHolidays, removeHolidays, validateHolidays } from '../../../nodes/shared/hours/holidays';
import { validateTimezone } from '../../../nodes/shared/hours/timezone';
import { DAYS_OF_WEEK, type CallHours, type Holiday, type WeeklyHoursEntry } from '../../../nodes/shared/hours/types';
import { validateWeeklyHours, weeklyHoursFromParameter } from '../../../nodes/shared/hours/weeklyHours';
import { callHoursFromWire, callHoursToWire, weeklyHoursFromWire } from '../../../nodes/shared/hours/wire';
import { InputError, parseCommaList, parseCountryCodes } from '../../../nodes/shared/validation';
import { parseDateList } from '../../../nodes/shared/hours/time';

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}${pad(minute % 60)}`;
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(2));

// Holidays between 1 June and 31 August 2026; "today" below is 15 June in every zone used.
const FIRST_DAY = DateTime.fromISO('2026-06-01', { zone: 'UTC' });
const date = fc.integer({ min: 0, max: 91 }).map((offset) => FIRST_DAY.plus({ days: offset }).toISODate() as string);
const futureDate = fc.integer({ min: 14, max: 91 }).map((offset) => FIRST_DAY.plus({ days: offset }).toISODate() as string);
const span = fc
	.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }))
	.filter(([a, b]) => a !== b)
	.map(([a, b]) => [hhmm(Math.min(a, b)), hhmm(Math.max(a, b))] as const);
const holiday = (dates: fc.Arbitrary<string>) =>
	fc.tuple(dates, span).map(([d, [startTime, endTime]]): Holiday => ({ date: d, startTime, endTime }));
const clock = fc.record({
	timezoneId: fc.constantFrom('Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC'),
	now: fc.constant(new Date('2026-06-15T12:00:00Z')),
});

function isSortedUnique(holidays: Holiday[]): boolean {
	return holidays.every((h, i) => i === 0 || holidays[i - 1].date < h.date);
}

describe('mergeHolidays properties', () => {
	const stored = fc.array(holiday(date), { maxLength: 25 });
	const added = fc.uniqueArray(holiday(futureDate), { maxLength: 12, selector: (h) => h.date });

	it('keeps every future stored date, adds every added holiday, sorted and unique, at most 20 — or says why not', () => {
		fc.assert(
			fc.property(stored, added, clock, (storedList, addedList, businessClock) => {
				const today = DateTime.fromJSDate(businessClock.now, { zone: businessClock.timezoneId }).toISODate() as string;
				const futureStored = storedList.filter((h) => h.date >= today);
				const expectedDates = new Set([...futureStored.map((h) => h.date), ...addedList.map((h) => h.date)]);
				let result;
				try {
					result = mergeHolidays(storedList, addedList, businessClock);
				} catch (error) {
					expect(error).toBeInstanceOf(InputError);
					const { field, rule } = error as InputError;
					expect(field).toBe('holidays');
					expect(rule).toContain(`after merging there would be ${expectedDates.size}: `);
					expect(expectedDates.size).toBeGreaterThan(20);
					return;
				}
				expect(result.holidays.length).toBeLessThanOrEqual(20);
				expect(isSortedUnique(result.holidays)).toBe(true);
				expect(new Set(result.holidays.map((h) => h.date))).toEqual(expectedDates);
				for (const h of addedList) expect(result.holidays).toContainEqual(h);
				for (const h of futureStored) {
					if (addedList.some((a) => a.date === h.date)) continue;
					const kept = result.holidays.find((r) => r.date === h.date);
					expect(futureStored.filter((s) => s.date === h.date)).toContainEqual(kept);
				}
				expect(result.droppedPast).toEqual(storedList.filter((h) => h.date < today));
				expect([...result.updated, ...result.added].sort()).toEqual(addedList.map((h) => h.date).sort());
				expect(result.updated.every((d) => futureStored.some((h) => h.date === d))).toBe(true);
				expect(result.added.every((d) => !futureStored.some((h) => h.date === d))).toBe(true);
			}),
		);
	});

	it('is idempotent: merging the same holidays again changes nothing', () => {
		fc.assert(
			fc.property(stored, added, clock, (storedList, addedList, businessClock) => {
				let once;
				try {
					once = mergeHolidays(storedList, addedList, businessClock);
				} catch {
					return;
				}
				const twice = mergeHolidays(once.holidays, addedList, businessClock);
				expect(twice.holidays).toEqual(once.holidays);
				expect(twice.droppedPast).toEqual([]);
				expect(twice.added).toEqual([]);
			}),
		);
	});

	it('remove keeps every future stored date that was not named', () => {
		fc.assert(
			fc.property(stored, fc.array(date, { maxLength: 6 }), clock, (storedList, dates, businessClock) => {
				const today = DateTime.fromJSDate(businessClock.now, { zone: businessClock.timezoneId }).toISODate() as string;
				const result = removeHolidays(storedList, dates, businessClock);
				const expected = new Set(storedList.filter((h) => h.date >= today && !dates.includes(h.date)).map((h) => h.date));
				expect(new Set(result.holidays.map((h) => h.date))).toEqual(expected);
				expect(isSortedUnique(result.holidays)).toBe(true);
				expect([...result.removed, ...result.notFound].sort()).toEqual([...new Set(dates)].sort());
			}),
		);
	});
});

describe('validators and readers throw nothing but InputError', () => {
	// Arbitrary values, plus objects that look almost right, so the deeper checks are reached too.
	const timeLike = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -10, max: 3000 }), span.map(([a]) => a), fc.anything());
	const dayLike = fc.oneof(fc.constantFrom(...DAYS_OF_WEEK, 'monday', 'FUNDAY'), fc.anything());
	const entryLike = fc.record(
		{ dayOfWeek: dayLike, openTime: timeLike, closeTime: timeLike, date: fc.oneof(date, fc.string()), startTime: timeLike, endTime: timeLike },
		{ requiredKeys: [] },
	);
	const input = fc.oneof(
		fc.anything(),
		fc.array(fc.oneof(entryLike, fc.anything()), { maxLength: 5 }),
		fc.record({ hours: fc.array(entryLike, { maxLength: 5 }), holiday: fc.array(entryLike, { maxLength: 5 }) }),
		fc.string(),
	);

	function onlyInputErrors(run: () => unknown): void {
		try {
			run();
		} catch (error) {
			expect(error).toBeInstanceOf(InputError);
			const { field, rule, message } = error as InputError;
			expect(field.length).toBeGreaterThan(0);
			expect(rule.length).toBeGreaterThan(0);
			expect(message).toBe(`${field}: ${rule}`);
		}
	}

	it('for arbitrary input', () => {
		fc.assert(
			fc.property(input, clock, fc.constantFrom(1 as const, 2 as const), fc.boolean(), (value, businessClock, maxPerDay, allowEmpty) => {
				onlyInputErrors(() => weeklyHoursFromParameter(value));
				onlyInputErrors(() => validateWeeklyHours(value as WeeklyHoursEntry[], { maxPerDay, allowEmpty }));
				onlyInputErrors(() => holidaysFromParameter(value));
				onlyInputErrors(() => holidaysFromJson(value));
				onlyInputErrors(() => validateHolidays(value as Holiday[], businessClock));
				onlyInputErrors(() => removeHolidays([], value as string[], businessClock));
				onlyInputErrors(() => validateTimezone(value));
				onlyInputErrors(() => parseCommaList(value, 'f'));
				onlyInputErrors(() => parseCountryCodes(value, 'f'));
				onlyInputErrors(() => parseDateList(value, 'f'));
				// Reading Meta's answers never throws at all.
				callHoursFromWire(value);
				weeklyHoursFromWire(value);
			}),
			{ numRuns: 300 },
		);
	});

	it('what validateWeeklyHours accepts, Meta’s rules hold for and the wire round-trips', () => {
		const entries = fc.array(fc.record({ dayOfWeek: fc.constantFrom(...DAYS_OF_WEEK), span }), { maxLength: 10 });
		fc.assert(
			fc.property(entries, (list) => {
				const weekly = list.map(({ dayOfWeek, span: [openTime, closeTime] }): WeeklyHoursEntry => ({ dayOfWeek, openTime, closeTime }));
				let checked: WeeklyHoursEntry[];
				try {
					checked = validateWeeklyHours(weekly, { maxPerDay: 2, allowEmpty: false });
				} catch (error) {
					expect(error).toBeInstanceOf(InputError);
					return;
				}
				for (const day of DAYS_OF_WEEK) {
					const sameDay = checked.filter((e) => e.dayOfWeek === day).map((e) => [minutes(e.openTime), minutes(e.closeTime)]);
					expect(sameDay.length).toBeLessThanOrEqual(2);
					if (sameDay.length === 2) expect(sameDay[0][1] <= sameDay[1][0] || sameDay[1][1] <= sameDay[0][0]).toBe(true);
				}
				const hours: CallHours = { status: 'ENABLED', timezoneId: 'UTC', weeklyHours: checked, holidays: [] };
				expect(callHoursFromWire(callHoursToWire(hours))).toEqual(hours);
			}),
		);
	});
});

describe('availability properties', () => {
	// Window edges avoid 02:01-02:59 local: in a fall-back hour those wall-clock times happen twice, and
	// "open when the clock shows a time inside a window" stops naming one set of instants.
	const edge = fc.integer({ min: 0, max: 1439 }).filter((m) => Math.floor(m / 60) !== 2 || m % 60 === 0);
	const edges = fc.tuple(edge, edge).filter(([a, b]) => a !== b).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
	const weekly = fc.array(
		fc.tuple(fc.constantFrom(...DAYS_OF_WEEK), edges).map(([dayOfWeek, [open, close]]) => ({ dayOfWeek, openTime: hhmm(open), closeTime: hhmm(close) })),
		{ maxLength: 8 },
	);
	const moment = fc.integer({
		min: Date.parse('2026-01-01T00:00:00Z'),
		max: Date.parse('2026-12-31T00:00:00Z'),
	});
	const zone = fc.constantFrom('Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC');
	// A holiday ends after its end minute, so 0200 would put an edge at 02:01.
	const holidayEdges = edges.filter(([start, end]) => Math.floor(start / 60) !== 2 && Math.floor(end / 60) !== 2);
	const holidayOffsets = fc.array(fc.tuple(fc.integer({ min: -1, max: 15 }), holidayEdges), { maxLength: 4 });

	/** The oracle reads the local clock at one instant; the code under test builds windows of instants. */
	function openByClock(hours: CallHours, millis: number): boolean {
		const local = DateTime.fromMillis(millis, { zone: hours.timezoneId });
		const minute = local.hour * 60 + local.minute;
		const day = DAYS_OF_WEEK[local.weekday - 1];
		const inWeekly = hours.weeklyHours.some(
			(e) => e.dayOfWeek === day && minutes(e.openTime) <= minute && minute < (e.closeTime === '2359' ? 1440 : minutes(e.closeTime)),
		);
		const onHoliday = hours.holidays.some(
			(h) => h.date === local.toISODate() && minutes(h.startTime) <= minute && minute <= minutes(h.endTime),
		);
		return inWeekly && !onHoliday;
	}

	it('open iff the local clock is inside a weekly window and outside the date’s holiday; next changes are real changes', () => {
		fc.assert(
			fc.property(weekly, zone, moment, holidayOffsets, (weeklyHours, timezoneId, millis, offsets) => {
				const localDay = DateTime.fromMillis(millis, { zone: timezoneId }).startOf('day');
				const holidays = offsets.map(([offset, [start, end]]) => ({
					date: localDay.plus({ days: offset }).toISODate() as string,
					startTime: hhmm(start),
					endTime: hhmm(end),
				}));
				const hours: CallHours = { status: 'ENABLED', timezoneId, weeklyHours, holidays };
				const result = checkAvailability({ at: new Date(millis), callingEnabled: true, callHours: hours });
				expect(result.open).toBe(openByClock(hours, millis));
				expect(result.reason === 'within_hours').toBe(result.open);
				if (result.nextOpenAt) {
					const next = DateTime.fromISO(result.nextOpenAt).toMillis();
					expect(next).toBeGreaterThan(millis);
					expect(openByClock(hours, next)).toBe(true);
					expect(openByClock(hours, next - 60_000)).toBe(false);
				}
				if (result.nextCloseAt) {
					const next = DateTime.fromISO(result.nextCloseAt).toMillis();
					expect(next).toBeGreaterThan(millis);
					expect(openByClock(hours, next)).toBe(false);
					expect(openByClock(hours, next - 60_000)).toBe(true);
				}
				if (result.open && result.nextOpenAt && result.nextCloseAt) {
					expect(DateTime.fromISO(result.nextOpenAt) > DateTime.fromISO(result.nextCloseAt)).toBe(true);
				}
			}),
			{ numRuns: 300 },
		);
	});
});
