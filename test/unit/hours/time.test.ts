import { hhmmToMinutes, isIsoDate, minutesToHhmm, normalizeHhmm } from '../../../nodes/shared/hours/time';
import { todayIn, validateTimezone } from '../../../nodes/shared/hours/timezone';
import { toEndMinute } from '../../../nodes/shared/hours/time';
import { expectInputError } from './expectInputError';

describe('hhmm', () => {
	it('reads valid times as minutes of the day', () => {
		expect(hhmmToMinutes('0000')).toBe(0);
		expect(hhmmToMinutes('0930')).toBe(570);
		expect(hhmmToMinutes('2359')).toBe(1439);
	});
	it.each(['2400', '1260', '930', '09:30', '', 'abcd', 930])('rejects %p as hhmm', (value) => {
		expect(hhmmToMinutes(value)).toBeUndefined();
	});
	it('writes minutes back as hhmm', () => {
		expect(minutesToHhmm(0)).toBe('0000');
		expect(minutesToHhmm(570)).toBe('0930');
		expect(minutesToHhmm(1439)).toBe('2359');
	});
	it('normalizes what people type and what Meta sends', () => {
		expect(normalizeHhmm('0930')).toBe('0930');
		expect(normalizeHhmm(' 930 ')).toBe('0930');
		expect(normalizeHhmm('9:30')).toBe('0930');
		expect(normalizeHhmm('09:30')).toBe('0930');
		expect(normalizeHhmm(930)).toBe('0930');
		expect(normalizeHhmm(0)).toBe('0000');
	});
	it.each(['24:00', '9.30', '12345', '', 'noon', -5, 9.5, 2400, null, {}])('refuses %p', (value) => {
		expect(normalizeHhmm(value)).toBeUndefined();
	});
	it('lets 2359 end a window at midnight, other ends are exclusive', () => {
		expect(toEndMinute('2359')).toBe(1440);
		expect(toEndMinute('1700')).toBe(1020);
	});
});

describe('isIsoDate', () => {
	it('accepts real dates, leap days included', () => {
		expect(isIsoDate('2026-12-25')).toBe(true);
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2000-02-29')).toBe(true);
	});
	it.each(['2100-02-29', '2026-02-29', '2026-04-31', '2026-00-10', '2026-12-25T00:00', '20261225', 20261225])(
		'rejects %p',
		(value) => {
			expect(isIsoDate(value)).toBe(false);
		},
	);
});

describe('validateTimezone', () => {
	it('accepts IANA names and returns them trimmed', () => {
		expect(validateTimezone('Europe/Berlin')).toBe('Europe/Berlin');
		expect(validateTimezone(' America/Los_Angeles ')).toBe('America/Los_Angeles');
		expect(validateTimezone('UTC')).toBe('UTC');
	});
	it('fixes the case of a known name', () => {
		expect(validateTimezone('europe/berlin')).toBe('Europe/Berlin');
	});
	it('keeps an alias as given instead of renaming it', () => {
		expect(validateTimezone('Asia/Kolkata')).toBe('Asia/Kolkata');
	});
	// Issue 19: "utc" went to Meta lower-case (the runtime's list has no UTC to take the spelling from).
	it.each([
		['utc', 'UTC'],
		['Utc', 'UTC'],
		['asia/kolkata', 'Asia/Kolkata'],
		['europe/kyiv', 'Europe/Kyiv'],
		['AMERICA/PORT-AU-PRINCE', 'America/Port-au-Prince'],
		['america/argentina/buenos_aires', 'America/Argentina/Buenos_Aires'],
		['etc/gmt+5', 'Etc/GMT+5'],
	])('sends %p spelled as IANA does: %p', (typed, sent) => {
		expect(validateTimezone(typed)).toBe(sent);
	});
	it.each([
		['etc/utc', 'UTC'],
		['GMT', 'UTC'],
		['us/eastern', 'America/New_York'],
		['US/Pacific', 'America/Los_Angeles'],
	])('sends an alias not listed in any case, %p, as the zone it stands for, %p', (typed, sent) => {
		expect(validateTimezone(typed)).toBe(sent);
	});
	it('never sends a name in another spelling than IANA\'s for any zone the runtime lists', () => {
		for (const zone of Intl.supportedValuesOf('timeZone')) {
			expect(validateTimezone(zone.toLowerCase())).toBe(validateTimezone(zone));
			expect(validateTimezone(zone.toUpperCase())).not.toMatch(/^[a-z]/);
		}
	});
	// '+02:00' and '-0530': Node 24 takes offsets as time zones (Node 20 does not); they are no IANA names.
	it.each(['Mars/Olympus', 'GMT+25', '+02:00', '-0530'])('rejects %p naming the field', (zone) => {
		expectInputError(() => validateTimezone(zone), 'timezoneId', 'must be an IANA timezone name');
	});
	it('requires a value, with the caller’s field name', () => {
		expectInputError(() => validateTimezone('', 'callHours.timezoneId'), 'callHours.timezoneId', 'is required');
		expectInputError(() => validateTimezone(42), 'timezoneId', 'is required');
	});
});

describe('todayIn', () => {
	// 23:30 UTC on 31 Dec is already 1 Jan in Berlin, still 31 Dec in Los Angeles.
	const now = new Date('2026-12-31T23:30:00Z');
	it('judges the date in the business timezone', () => {
		expect(todayIn({ timezoneId: 'Europe/Berlin', now })).toBe('2027-01-01');
		expect(todayIn({ timezoneId: 'America/Los_Angeles', now })).toBe('2026-12-31');
	});
	it('rejects a bad timezone or an invalid now', () => {
		expectInputError(() => todayIn({ timezoneId: 'Nowhere/City', now }), 'timezoneId', 'IANA');
		expectInputError(() => todayIn({ timezoneId: 'UTC', now: new Date('x') }), 'now', 'valid date-time');
	});
});
