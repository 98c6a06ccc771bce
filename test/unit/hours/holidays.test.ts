import { futureHolidays, holidaysFromJson, holidaysFromParameter, mergeHolidays, removeHolidays, replaceHolidays, validateHolidays } from '../../../nodes/shared/hours/holidays';
import { type Holiday } from '../../../nodes/shared/hours/types';
import { expectInputError } from './expectInputError';

// 22:30 UTC on 14 June is already 15 June in Berlin: "today" must be judged there.
const clock = { timezoneId: 'Europe/Berlin', now: new Date('2026-06-14T22:30:00Z') };

function day(date: string, startTime = '0000', endTime = '2359'): Holiday {
	return { date, startTime, endTime };
}

describe('holidaysFromParameter', () => {
	it('reads the fixedCollection shape; a holiday without times is the whole day', () => {
		const value = {
			holiday: [
				{ date: '2026-12-25', startTime: '0000', endTime: '2359' },
				{ date: '2026-12-24', startTime: '1200' },
				{ date: ' 2026-12-31 ', startTime: '', endTime: '16:00' },
				{ date: '2027-01-01' },
			],
		};
		expect(holidaysFromParameter(value)).toEqual([
			day('2026-12-25'),
			day('2026-12-24', '1200'),
			day('2026-12-31', '0000', '1600'),
			day('2027-01-01'),
		]);
	});
	it('reads an empty collection as no holidays', () => {
		expect(holidaysFromParameter({})).toEqual([]);
		expect(holidaysFromParameter(undefined)).toEqual([]);
	});
	it('names the entry and the rule', () => {
		expectInputError(() => holidaysFromParameter({ holiday: [day('2026-12-25'), { date: '2026-02-30' }] }), 'holidays[1].date', 'must be a date as YYYY-MM-DD that exists');
		expectInputError(() => holidaysFromParameter({ holiday: [{ date: '2026-12-25', endTime: '25' }] }), 'holidays[0].endTime', 'must be a time as hhmm');
		expectInputError(() => holidaysFromParameter({ holiday: [{ date: '2026-12-25', startTime: 'noon' }] }), 'holidays[0].startTime', 'hhmm');
		expectInputError(() => holidaysFromParameter({ holiday: 'x' }), 'holidays', 'must be a list');
	});
});

describe('holidaysFromJson', () => {
	it('reads an array of date strings and objects', () => {
		expect(holidaysFromJson(['2026-12-25', { date: '2026-12-24', startTime: '1400' }, { date: '2026-12-31', start_time: '1200', end_time: '1800' }])).toEqual([
			day('2026-12-25'),
			day('2026-12-24', '1400'),
			day('2026-12-31', '1200', '1800'),
		]);
	});
	it('reads JSON text, a single date and a single object', () => {
		expect(holidaysFromJson('["2026-12-25"]')).toEqual([day('2026-12-25')]);
		expect(holidaysFromJson(' 2026-12-25 ')).toEqual([day('2026-12-25')]);
		expect(holidaysFromJson('"2026-12-25"')).toEqual([day('2026-12-25')]);
		expect(holidaysFromJson({ date: '2026-12-25', endTime: '1200' })).toEqual([day('2026-12-25', '0000', '1200')]);
		expect(holidaysFromJson('')).toEqual([]);
	});
	it('names holidaysJson and the rule', () => {
		expectInputError(() => holidaysFromJson('[2026-12-25'), 'holidaysJson', 'must be a JSON array of "YYYY-MM-DD" strings or {date, startTime?, endTime?} objects (the text is not valid JSON)');
		expectInputError(() => holidaysFromJson(42), 'holidaysJson', 'must be a JSON array');
		expectInputError(() => holidaysFromJson(['2026-12-25', '12/26/2026']), 'holidaysJson[1].date', 'YYYY-MM-DD');
		expectInputError(() => holidaysFromJson([7]), 'holidaysJson[0].date', 'YYYY-MM-DD');
	});
});

describe('validateHolidays', () => {
	it('accepts future dates and today (in the business timezone), returning them sorted', () => {
		expect(validateHolidays([day('2026-12-25'), day('2026-06-15', '0900', '1000')], clock)).toEqual([
			day('2026-06-15', '0900', '1000'),
			day('2026-12-25'),
		]);
	});
	it('rejects a date in the past in the business timezone', () => {
		// 14 June is still today in Los Angeles but yesterday in Berlin.
		expect(validateHolidays([day('2026-06-14')], { ...clock, timezoneId: 'America/Los_Angeles' })).toHaveLength(1);
		expectInputError(
			() => validateHolidays([day('2026-12-25'), day('2026-06-14')], clock),
			'holidays[1].date',
			'must not be in the past in Europe/Berlin (today is 2026-06-15); Meta rejects past holidays',
		);
	});
	it('requires start before end', () => {
		expectInputError(() => validateHolidays([day('2026-12-25', '1200', '1200')], clock), 'holidays[0].endTime', 'must be later than the start time (1200-1200)');
		expectInputError(() => validateHolidays([day('2026-12-25', '1300', '1200')], clock), 'holidays[0].endTime', 'later');
	});
	it('allows one entry per date', () => {
		expectInputError(
			() => validateHolidays([day('2026-12-25'), day('2026-12-26'), day('2026-12-25', '1000', '1100')], { ...clock, field: 'holidaysJson' }),
			'holidaysJson[2].date',
			'one entry per date; 2026-12-25 is also in holidaysJson[0]',
		);
	});
	it('allows at most 20', () => {
		const twenty = Array.from({ length: 20 }, (_, i) => day(`2026-07-${String(i + 1).padStart(2, '0')}`));
		expect(validateHolidays(twenty, clock)).toHaveLength(20);
		expectInputError(() => validateHolidays([...twenty, day('2026-08-01')], clock), 'holidays', 'at most 20 holidays; there are 21');
	});
	it('checks shapes and the timezone', () => {
		expectInputError(() => validateHolidays([day('2026-02-29')], clock), 'holidays[0].date', 'exists');
		expectInputError(() => validateHolidays([{ date: '2026-12-25', startTime: '2500', endTime: '2359' }], clock), 'holidays[0].startTime', 'hhmm');
		expectInputError(() => validateHolidays({} as never, clock), 'holidays', 'must be a list');
		expectInputError(() => validateHolidays([day('2026-12-25')], { ...clock, timezoneId: 'Atlantis/Capital' }), 'timezoneId', 'IANA');
	});
});

describe('futureHolidays', () => {
	it('drops past dates (business timezone), keeps today, sorts, one per date (the last wins)', () => {
		const stored = [day('2026-12-25'), day('2026-06-14'), day('2026-06-15'), day('2026-12-25', '1000', '1200'), day('2025-01-01')];
		expect(futureHolidays(stored, clock)).toEqual([day('2026-06-15'), day('2026-12-25', '1000', '1200')]);
	});
});

describe('mergeHolidays', () => {
	const stored = [day('2026-12-25'), day('2026-06-01'), day('2026-10-03', '0000', '1200')];

	it('keeps every stored future holiday and adds the new one, sorted; the past one is dropped and reported', () => {
		const result = mergeHolidays(stored, [day('2026-11-01')], clock);
		expect(result.holidays).toEqual([day('2026-10-03', '0000', '1200'), day('2026-11-01'), day('2026-12-25')]);
		expect(result.droppedPast).toEqual([day('2026-06-01')]);
		expect(result.added).toEqual(['2026-11-01']);
		expect(result.updated).toEqual([]);
	});
	it('updates a stored date instead of doubling it', () => {
		const result = mergeHolidays(stored, [day('2026-12-25', '1200', '2359')], clock);
		expect(result.holidays.filter((h) => h.date === '2026-12-25')).toEqual([day('2026-12-25', '1200', '2359')]);
		expect(result.holidays).toHaveLength(2);
		expect(result.updated).toEqual(['2026-12-25']);
		expect(result.added).toEqual([]);
	});
	it('checks the added holidays with the field named', () => {
		expectInputError(() => mergeHolidays(stored, [day('2026-11-01'), day('2026-06-14')], clock), 'holidays[1].date', 'must not be in the past');
		expectInputError(() => mergeHolidays(stored, [day('2026-11-01', '1200', '1100')], { ...clock, field: 'holidaysJson' }), 'holidaysJson[0].endTime', 'later');
		expectInputError(() => mergeHolidays(stored, [day('2026-11-01'), day('2026-11-01')], clock), 'holidays[1].date', 'one entry per date');
	});
	it('refuses more than 20 after merging, listing the count and the dates', () => {
		const storedTwenty = Array.from({ length: 20 }, (_, i) => day(`2026-07-${String(i + 1).padStart(2, '0')}`));
		// Replacing a stored date keeps the count at 20: fine.
		expect(mergeHolidays(storedTwenty, [day('2026-07-05', '0800', '0900')], clock).holidays).toHaveLength(20);
		// A past stored date frees a place: fine.
		expect(mergeHolidays([...storedTwenty.slice(1), day('2026-05-01')], [day('2026-09-01')], clock).holidays).toHaveLength(20);
		const error = expectInputError(
			() => mergeHolidays(storedTwenty, [day('2026-09-01'), day('2026-09-02')], clock),
			'holidays',
			'at most 20 holidays; after merging there would be 22: 2026-07-01, 2026-07-02',
		);
		expect(error.rule).toContain('2026-09-01, 2026-09-02');
	});
});

describe('removeHolidays', () => {
	const stored = [day('2026-12-25'), day('2026-06-01'), day('2026-12-24', '1200', '2359')];

	it('removes the given dates and keeps the rest', () => {
		const result = removeHolidays(stored, ['2026-12-24', '2027-01-01', '2026-12-24'], clock);
		expect(result.holidays).toEqual([day('2026-12-25')]);
		expect(result.removed).toEqual(['2026-12-24']);
		expect(result.notFound).toEqual(['2027-01-01']);
		expect(result.droppedPast).toEqual([day('2026-06-01')]);
	});
	it('counts a stored past date as removed (it is gone either way)', () => {
		const result = removeHolidays(stored, ['2026-06-01'], clock);
		expect(result.removed).toEqual(['2026-06-01']);
		expect(result.holidays).toEqual([day('2026-12-24', '1200', '2359'), day('2026-12-25')]);
	});
	it('checks the dates with the field named', () => {
		expectInputError(() => removeHolidays(stored, ['2026-12-25', '2026-13-01'], clock), 'dates[1]', 'YYYY-MM-DD');
		expectInputError(() => removeHolidays(stored, '2026-12-25' as never, clock), 'dates', 'must be a list');
	});
});

describe('replaceHolidays', () => {
	const stored = [day('2026-12-25'), day('2026-06-01'), day('2026-12-24')];

	it('makes the new schedule the whole schedule and reports the difference', () => {
		const result = replaceHolidays(stored, [day('2027-01-01'), day('2026-12-25', '0800', '1200')], clock);
		expect(result.holidays).toEqual([day('2026-12-25', '0800', '1200'), day('2027-01-01')]);
		expect(result.removed).toEqual(['2026-12-24']);
		expect(result.added).toEqual(['2027-01-01']);
		expect(result.updated).toEqual(['2026-12-25']);
		expect(result.droppedPast).toEqual([day('2026-06-01')]);
	});
	it('can clear the schedule', () => {
		expect(replaceHolidays(stored, [], clock).holidays).toEqual([]);
	});
	it('checks the new schedule like any other', () => {
		expectInputError(() => replaceHolidays(stored, [day('2026-06-01')], clock), 'holidays[0].date', 'past');
	});
});
