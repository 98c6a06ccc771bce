import { type WeeklyHoursEntry } from '../../../nodes/shared/hours/types';
import { closedDays, validateWeeklyHours, weeklyHoursFromParameter } from '../../../nodes/shared/hours/weeklyHours';
import { expectInputError } from './expectInputError';

const WHATSAPP = { maxPerDay: 2, allowEmpty: false } as const;
const MESSENGER = { maxPerDay: 1, allowEmpty: true } as const;

function entry(dayOfWeek: WeeklyHoursEntry['dayOfWeek'], openTime: string, closeTime: string): WeeklyHoursEntry {
	return { dayOfWeek, openTime, closeTime };
}

describe('weeklyHoursFromParameter', () => {
	it('reads the fixedCollection shape', () => {
		const value = { hours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' }] };
		expect(weeklyHoursFromParameter(value)).toEqual([entry('MONDAY', '0900', '1700')]);
	});
	it('reads an empty collection as no entries', () => {
		expect(weeklyHoursFromParameter({})).toEqual([]);
		expect(weeklyHoursFromParameter(undefined)).toEqual([]);
		expect(weeklyHoursFromParameter('')).toEqual([]);
	});
	it('reads a plain array, JSON text and Meta’s snake_case, normalizing case and times', () => {
		const json = JSON.stringify([{ day_of_week: 'tuesday', open_time: '9:30', close_time: 1830 }]);
		expect(weeklyHoursFromParameter(json)).toEqual([entry('TUESDAY', '0930', '1830')]);
		expect(weeklyHoursFromParameter([{ dayOfWeek: ' friday ', openTime: '0800', closeTime: '1200' }])).toEqual([
			entry('FRIDAY', '0800', '1200'),
		]);
		expect(weeklyHoursFromParameter(JSON.stringify({ hours: [] }))).toEqual([]);
	});
	it('names the entry and the rule for bad entries', () => {
		expectInputError(
			() => weeklyHoursFromParameter({ hours: [entry('MONDAY', '0900', '1700'), { dayOfWeek: 'MONDAY', openTime: '25:00', closeTime: '1700' }] }),
			'weeklyHours[1].openTime',
			'must be a time as hhmm, hours 00–23 and minutes 00–59, e.g. 0930',
		);
		expectInputError(
			() => weeklyHoursFromParameter({ hours: [{ dayOfWeek: 'MON', openTime: '0900', closeTime: '1700' }] }),
			'weeklyHours[0].dayOfWeek',
			'must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY',
		);
		expectInputError(
			() => weeklyHoursFromParameter({ hours: [{ dayOfWeek: 'MONDAY', openTime: '0900' }] }, 'hours'),
			'hours[0].closeTime',
			'hhmm',
		);
		expectInputError(() => weeklyHoursFromParameter({ hours: ['x'] }), 'weeklyHours[0]', 'must be an object');
		expectInputError(() => weeklyHoursFromParameter({ hours: 'MONDAY' }), 'weeklyHours', 'must be a list');
		expectInputError(() => weeklyHoursFromParameter('[{'), 'weeklyHours', 'not valid JSON');
		expectInputError(() => weeklyHoursFromParameter(42), 'weeklyHours', 'must be a list');
	});
});

describe('validateWeeklyHours', () => {
	it('accepts a normal WhatsApp week with two windows a day, returning normalized entries', () => {
		const hours = [
			entry('MONDAY', '0900', '1200'),
			entry('MONDAY', '1300', '1700'),
			entry('TUESDAY', '9:00', '2359'),
		];
		expect(validateWeeklyHours(hours, WHATSAPP)).toEqual([
			entry('MONDAY', '0900', '1200'),
			entry('MONDAY', '1300', '1700'),
			entry('TUESDAY', '0900', '2359'),
		]);
	});
	it('allows touching windows (the first closes when the second opens)', () => {
		expect(validateWeeklyHours([entry('MONDAY', '0900', '1200'), entry('MONDAY', '1200', '1700')], WHATSAPP)).toHaveLength(2);
	});
	it('rejects bad times with the entry path', () => {
		expectInputError(
			() => validateWeeklyHours([entry('MONDAY', '0900', '1700'), entry('TUESDAY', '0960', '1700')], WHATSAPP),
			'weeklyHours[1].openTime',
			'must be a time as hhmm',
		);
		expectInputError(() => validateWeeklyHours([entry('MONDAY', '0900', '2400')], WHATSAPP), 'weeklyHours[0].closeTime', 'hhmm');
	});
	it('requires open before close (0000 can never close)', () => {
		expectInputError(
			() => validateWeeklyHours([entry('MONDAY', '1700', '0900')], WHATSAPP),
			'weeklyHours[0].closeTime',
			'must be later than the open time (1700-0900)',
		);
		expectInputError(() => validateWeeklyHours([entry('MONDAY', '0900', '0900')], WHATSAPP), 'weeklyHours[0].closeTime', 'later');
		expectInputError(() => validateWeeklyHours([entry('MONDAY', '2200', '0000')], WHATSAPP), 'weeklyHours[0].closeTime', 'later');
	});
	it('allows at most two windows a day on WhatsApp', () => {
		expectInputError(
			() =>
				validateWeeklyHours(
					[entry('MONDAY', '0800', '0900'), entry('MONDAY', '1000', '1100'), entry('MONDAY', '1200', '1300')],
					WHATSAPP,
				),
			'weeklyHours[2].dayOfWeek',
			'at most 2 entries per day; MONDAY has more',
		);
	});
	it('allows one entry per day on Messenger, saying what Meta would answer', () => {
		expectInputError(
			() => validateWeeklyHours([entry('MONDAY', '0800', '0900'), entry('FRIDAY', '0800', '0900'), entry('MONDAY', '1000', '1100')], { ...MESSENGER, field: 'hours' }),
			'hours[2].dayOfWeek',
			'one entry per day (Meta answers "Duplicate day in request"); MONDAY is also in hours[0]',
		);
	});
	it('rejects overlapping windows on the same day only', () => {
		expectInputError(
			() => validateWeeklyHours([entry('MONDAY', '0900', '1200'), entry('MONDAY', '1100', '1300')], WHATSAPP),
			'weeklyHours[1]',
			'must not overlap weeklyHours[0] (MONDAY 0900-1200 and 1100-1300)',
		);
		expectInputError(
			() => validateWeeklyHours([entry('MONDAY', '0800', '2359'), entry('MONDAY', '1000', '1100')], WHATSAPP),
			'weeklyHours[1]',
			'must not overlap',
		);
		expect(validateWeeklyHours([entry('MONDAY', '0900', '1200'), entry('TUESDAY', '1100', '1300')], WHATSAPP)).toHaveLength(2);
	});
	it('refuses an empty week unless allowed', () => {
		expectInputError(() => validateWeeklyHours([], WHATSAPP), 'weeklyHours', 'must not be empty');
		expect(validateWeeklyHours([], MESSENGER)).toEqual([]);
	});
	it('refuses what is not a list or not an entry', () => {
		expectInputError(() => validateWeeklyHours('MONDAY' as never, WHATSAPP), 'weeklyHours', 'must be a list');
		expectInputError(() => validateWeeklyHours([null] as never, WHATSAPP), 'weeklyHours[0]', 'must be an object');
	});
});

describe('closedDays', () => {
	it('lists the weekdays without any window, in week order', () => {
		expect(closedDays([entry('FRIDAY', '0900', '1700'), entry('MONDAY', '0900', '1700'), entry('MONDAY', '1800', '1900')])).toEqual([
			'TUESDAY',
			'WEDNESDAY',
			'THURSDAY',
			'SATURDAY',
			'SUNDAY',
		]);
		expect(closedDays([])).toHaveLength(7);
	});
});
