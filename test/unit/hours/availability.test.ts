import { checkAvailability } from '../../../nodes/shared/hours/availability';
import { DAYS_OF_WEEK, type CallHours, type DayOfWeek, type Holiday, type WeeklyHoursEntry } from '../../../nodes/shared/hours/types';
import { expectInputError } from './expectInputError';

const WEEKDAYS: DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

function hours(timezoneId: string, weeklyHours: WeeklyHoursEntry[], holidays: Holiday[] = []): CallHours {
	return { status: 'ENABLED', timezoneId, weeklyHours, holidays };
}

function every(days: readonly DayOfWeek[], openTime: string, closeTime: string): WeeklyHoursEntry[] {
	return days.map((dayOfWeek) => ({ dayOfWeek, openTime, closeTime }));
}

// The sandbox's phone number 1 and Page 1.
const berlinOffice = hours('Europe/Berlin', every(WEEKDAYS, '0900', '1700'));
const laOffice = hours('America/Los_Angeles', every(WEEKDAYS, '0900', '1700'));

/** null = no call hours stored. */
function at(iso: string, callHours: CallHours | null = berlinOffice, extra: { callingEnabled?: boolean; iconEnabled?: boolean } = {}) {
	return checkAvailability({
		at: new Date(iso),
		callingEnabled: extra.callingEnabled ?? true,
		callHours: callHours ?? undefined,
		iconEnabled: extra.iconEnabled,
	});
}

describe('what blocks a call before hours do', () => {
	it('calling disabled: closed, whatever the hours say', () => {
		expect(at('2026-06-15T10:00:00Z', berlinOffice, { callingEnabled: false })).toEqual({
			open: false,
			reason: 'calling_disabled',
			timezoneId: 'Europe/Berlin',
			nextOpenAt: null,
			nextCloseAt: null,
		});
	});
	it('Messenger icon hidden: closed', () => {
		const result = at('2026-06-15T10:00:00Z', laOffice, { iconEnabled: false });
		expect(result.open).toBe(false);
		expect(result.reason).toBe('icon_hidden');
	});
	it('no call hours stored: open at any time', () => {
		expect(at('2026-06-14T03:00:00Z', null, { iconEnabled: true })).toEqual({
			open: true,
			reason: 'no_call_hours',
			timezoneId: null,
			nextOpenAt: null,
			nextCloseAt: null,
		});
	});
	it('call hours disabled: open 24/7 (Meta’s rule)', () => {
		const result = at('2026-06-14T03:00:00Z', { ...berlinOffice, status: 'DISABLED' });
		expect(result).toMatchObject({ open: true, reason: 'call_hours_disabled', timezoneId: 'Europe/Berlin' });
	});
});

describe('weekly hours in the business timezone', () => {
	it('is open inside a window and says when it closes and next opens', () => {
		// Monday 15 June 2026, 12:00 in Berlin (CEST, +02:00).
		expect(at('2026-06-15T10:00:00Z')).toEqual({
			open: true,
			reason: 'within_hours',
			timezoneId: 'Europe/Berlin',
			nextOpenAt: '2026-06-16T09:00:00+02:00',
			nextCloseAt: '2026-06-15T17:00:00+02:00',
		});
	});
	it('opens at the open minute and closes at the close minute', () => {
		expect(at('2026-06-15T07:00:00Z').open).toBe(true);
		expect(at('2026-06-15T06:59:59Z').open).toBe(false);
		expect(at('2026-06-15T14:59:59Z').open).toBe(true);
		expect(at('2026-06-15T15:00:00Z').open).toBe(false);
	});
	it('over the weekend: closed until Monday', () => {
		expect(at('2026-06-13T12:00:00Z')).toEqual({
			open: false,
			reason: 'outside_hours',
			timezoneId: 'Europe/Berlin',
			nextOpenAt: '2026-06-15T09:00:00+02:00',
			nextCloseAt: '2026-06-15T17:00:00+02:00',
		});
	});
	it('judges the weekday in the business timezone, not UTC', () => {
		// Friday 23:30 UTC is already Saturday in Berlin, but still Friday 16:30 in Los Angeles.
		expect(at('2026-06-19T23:30:00Z').open).toBe(false);
		expect(at('2026-06-19T23:30:00Z', laOffice).open).toBe(true);
		expect(at('2026-06-19T23:30:00Z', laOffice).nextCloseAt).toBe('2026-06-19T17:00:00-07:00');
	});
	it('handles two windows a day', () => {
		const split = hours('Europe/Berlin', [...every(['MONDAY'], '0900', '1200'), ...every(['MONDAY'], '1300', '1700')]);
		expect(at('2026-06-15T08:00:00Z', split)).toMatchObject({
			open: true,
			nextCloseAt: '2026-06-15T12:00:00+02:00',
			nextOpenAt: '2026-06-15T13:00:00+02:00',
		});
		expect(at('2026-06-15T10:30:00Z', split)).toMatchObject({
			open: false,
			reason: 'outside_hours',
			nextOpenAt: '2026-06-15T13:00:00+02:00',
			nextCloseAt: '2026-06-15T17:00:00+02:00',
		});
	});
	it('reads close 2359 as open until midnight, and joins windows across midnight', () => {
		const weekend = hours('Europe/Berlin', every(['SATURDAY', 'SUNDAY'], '0000', '2359'));
		// Saturday 23:59:30 local.
		expect(at('2026-06-13T21:59:30Z', weekend)).toMatchObject({
			open: true,
			nextCloseAt: '2026-06-15T00:00:00+02:00',
			nextOpenAt: '2026-06-20T00:00:00+02:00',
		});
	});
	it('open every minute of every day: no next close within the horizon', () => {
		const always = hours('Asia/Singapore', every(DAYS_OF_WEEK, '0000', '2359'));
		expect(at('2026-06-15T10:00:00Z', always)).toEqual({
			open: true,
			reason: 'within_hours',
			timezoneId: 'Asia/Singapore',
			nextOpenAt: null,
			nextCloseAt: null,
		});
	});
	it('no windows at all (Messenger with every day closed): closed, nothing ahead', () => {
		expect(at('2026-06-15T10:00:00Z', hours('UTC', []))).toEqual({
			open: false,
			reason: 'outside_hours',
			timezoneId: 'UTC',
			nextOpenAt: null,
			nextCloseAt: null,
		});
	});
	it('looks 14 days ahead at most', () => {
		const fortnightly = hours('UTC', every(['MONDAY'], '0900', '1000'));
		// Tuesday: the next Monday is 6 days away.
		expect(at('2026-06-16T12:00:00Z', fortnightly).nextOpenAt).toBe('2026-06-22T09:00:00Z');
		// A Monday holiday pushes it a week further, and two push it past the horizon.
		const withHolidays = { ...fortnightly, holidays: [{ date: '2026-06-22', startTime: '0000', endTime: '2359' }] };
		expect(at('2026-06-16T12:00:00Z', withHolidays).nextOpenAt).toBe('2026-06-29T09:00:00Z');
		withHolidays.holidays.push({ date: '2026-06-29', startTime: '0000', endTime: '2359' });
		expect(at('2026-06-16T12:00:00Z', withHolidays).nextOpenAt).toBeNull();
	});
});

describe('DST transitions', () => {
	it('Europe/Berlin spring forward (Sunday 29 March 2026): Monday opens at 09:00 CEST', () => {
		// Friday 27 March, 17:30 CET: closed until Monday 09:00 local, which is now +02:00.
		expect(at('2026-03-27T16:30:00Z')).toMatchObject({
			open: false,
			nextOpenAt: '2026-03-30T09:00:00+02:00',
			nextCloseAt: '2026-03-30T17:00:00+02:00',
		});
		expect(at('2026-03-30T06:59:00Z').open).toBe(false);
		expect(at('2026-03-30T07:00:00Z').open).toBe(true);
	});
	it('Europe/Berlin: a window across the 02:00 gap keeps its local wall-clock times', () => {
		const night = hours('Europe/Berlin', every(['SUNDAY'], '0100', '0400'));
		// 01:00 CET = 00:00 UTC, 04:00 CEST = 02:00 UTC: two real hours on the short day.
		expect(at('2026-03-29T00:30:00Z', night)).toMatchObject({ open: true, nextCloseAt: '2026-03-29T04:00:00+02:00' });
		expect(at('2026-03-29T01:59:00Z', night).open).toBe(true);
		expect(at('2026-03-29T02:00:00Z', night).open).toBe(false);
		// The week before the change the same window is three real hours, all in CET.
		expect(at('2026-03-22T02:59:00Z', night).open).toBe(true);
	});
	it('Europe/Berlin fall back (Sunday 25 October 2026): the 09:00 opening follows the clock', () => {
		// Friday 23 October 17:00 CEST = 15:00 UTC; Monday 26 October 09:00 CET = 08:00 UTC.
		expect(at('2026-10-23T15:00:00Z')).toMatchObject({
			open: false,
			nextOpenAt: '2026-10-26T09:00:00+01:00',
			nextCloseAt: '2026-10-26T17:00:00+01:00',
		});
		expect(at('2026-10-26T07:59:00Z').open).toBe(false);
		expect(at('2026-10-26T08:00:00Z').open).toBe(true);
		// On the long Sunday, 01:00-04:00 local spans four real hours: 23:00 UTC to 03:00 UTC.
		const night = hours('Europe/Berlin', every(['SUNDAY'], '0100', '0400'));
		expect(at('2026-10-25T02:30:00Z', night)).toMatchObject({ open: true, nextCloseAt: '2026-10-25T04:00:00+01:00' });
		expect(at('2026-10-25T03:00:00Z', night).open).toBe(false);
	});
	it('America/Los_Angeles spring forward (8 March 2026) and fall back (1 November 2026)', () => {
		// Friday 6 March 17:00 PST = Saturday 01:00 UTC; Monday 9 March 09:00 PDT = 16:00 UTC.
		expect(at('2026-03-07T01:00:00Z', laOffice)).toMatchObject({
			open: false,
			nextOpenAt: '2026-03-09T09:00:00-07:00',
		});
		expect(at('2026-03-09T15:59:00Z', laOffice).open).toBe(false);
		expect(at('2026-03-09T16:00:00Z', laOffice).open).toBe(true);
		// Monday 2 November 09:00 PST = 17:00 UTC.
		expect(at('2026-10-31T12:00:00Z', laOffice).nextOpenAt).toBe('2026-11-02T09:00:00-08:00');
		expect(at('2026-11-02T16:59:00Z', laOffice).open).toBe(false);
		expect(at('2026-11-02T17:00:00Z', laOffice).open).toBe(true);
	});
});

describe('holidays', () => {
	const christmasEve = { date: '2026-12-24', startTime: '1200', endTime: '2359' };
	const christmas = { date: '2026-12-25', startTime: '0000', endTime: '2359' };
	const office = { ...berlinOffice, holidays: [christmasEve, christmas] };

	it('is open before a partial holiday starts, and says it closes when it starts', () => {
		// Thursday 24 December, 11:00 CET.
		expect(at('2026-12-24T10:00:00Z', office)).toMatchObject({
			open: true,
			reason: 'within_hours',
			nextCloseAt: '2026-12-24T12:00:00+01:00',
			nextOpenAt: '2026-12-28T09:00:00+01:00',
		});
	});
	it('is closed during a holiday that falls on an open day, with reason holiday', () => {
		expect(at('2026-12-25T10:00:00Z', office)).toEqual({
			open: false,
			reason: 'holiday',
			timezoneId: 'Europe/Berlin',
			nextOpenAt: '2026-12-28T09:00:00+01:00',
			nextCloseAt: '2026-12-28T17:00:00+01:00',
		});
	});
	it('treats the end minute as inclusive: a 1200-1300 holiday reopens at 13:01', () => {
		const lunch = { ...berlinOffice, holidays: [{ date: '2026-06-15', startTime: '1200', endTime: '1300' }] };
		expect(at('2026-06-15T10:30:00Z', lunch)).toMatchObject({
			open: false,
			reason: 'holiday',
			nextOpenAt: '2026-06-15T13:01:00+02:00',
			nextCloseAt: '2026-06-15T17:00:00+02:00',
		});
		expect(at('2026-06-15T11:00:59Z', lunch).open).toBe(false);
		expect(at('2026-06-15T11:01:00Z', lunch).open).toBe(true);
	});
	it('a holiday on another date changes nothing', () => {
		expect(at('2026-12-23T10:00:00Z', office)).toMatchObject({ open: true, nextCloseAt: '2026-12-23T17:00:00+01:00' });
	});
	it('applies the holiday by its date in the business timezone', () => {
		// 23:30 UTC on 24 December is 25 December in Singapore.
		const singapore = hours('Asia/Singapore', every(DAYS_OF_WEEK, '0000', '2359'), [christmas]);
		expect(at('2026-12-24T23:30:00Z', singapore)).toMatchObject({
			open: false,
			reason: 'holiday',
			nextOpenAt: '2026-12-26T00:00:00+08:00',
		});
		expect(at('2026-12-24T15:59:00Z', singapore).open).toBe(true);
	});
});

describe('bad input', () => {
	it('an invalid at or timezone is an InputError', () => {
		expectInputError(() => at('not a date'), 'at', 'must be a valid date-time');
		expectInputError(() => at('2026-06-15T10:00:00Z', hours('Nowhere/Town', [])), 'callHours.timezoneId', 'IANA');
	});
});

describe('windows that start or end in a skipped hour', () => {
	// On 29 March 2026 Berlin's clocks jump from 02:00 to 03:00: wall-clock 02:30 never happens.
	const night = hours('Europe/Berlin', every(['SUNDAY'], '0230', '0330'));

	it('opens when the clocks jump, closes at 03:30 CEST', () => {
		expect(at('2026-03-29T00:59:00Z', night)).toMatchObject({
			open: false,
			nextOpenAt: '2026-03-29T03:00:00+02:00',
			nextCloseAt: '2026-03-29T03:30:00+02:00',
		});
		expect(at('2026-03-29T01:00:00Z', night).open).toBe(true);
		expect(at('2026-03-29T01:29:00Z', night).open).toBe(true);
		expect(at('2026-03-29T01:30:00Z', night).open).toBe(false);
	});
	it('a holiday ending at 0159 ends when the clocks jump', () => {
		const sunday = hours('Europe/Berlin', every(['SUNDAY'], '0000', '0400'), [
			{ date: '2026-03-29', startTime: '0000', endTime: '0159' },
		]);
		expect(at('2026-03-28T23:30:00Z', sunday)).toMatchObject({ open: false, reason: 'holiday', nextOpenAt: '2026-03-29T03:00:00+02:00' });
	});
});
