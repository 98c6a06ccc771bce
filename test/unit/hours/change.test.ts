import { applyCallHoursChange, callHoursChange, holdsCallHoursChange } from '../../../nodes/shared/hours/change';
import { type CallHours } from '../../../nodes/shared/hours/types';

const NOW = new Date('2030-03-01T12:00:00Z');
const day = (date: string, startTime = '0000', endTime = '2359') => ({ date, startTime, endTime });
const base: CallHours = {
	status: 'ENABLED',
	timezoneId: 'Europe/Berlin',
	weeklyHours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' }],
	holidays: [day('2030-03-10'), day('2030-03-20')],
};

describe('call hours change (what one item sets, re-applied onto what is stored now)', () => {
	it('an add is a put; applied onto a state another writer changed meanwhile, both changes stay', () => {
		const change = callHoursChange(base, { ...base, holidays: [...base.holidays, day('2030-04-01')] });
		expect(change).toEqual({ put: [day('2030-04-01')], drop: [] });
		const theirs = { ...base, holidays: [day('2030-03-10'), day('2030-03-20'), day('2030-05-01')] };
		expect(holdsCallHoursChange(theirs, change)).toBe(false);
		const next = applyCallHoursChange(theirs, change, NOW);
		expect(next.holidays.map((h) => h.date)).toEqual(['2030-03-10', '2030-03-20', '2030-04-01', '2030-05-01']);
		expect(holdsCallHoursChange(next, change)).toBe(true);
	});

	it('a remove is a drop of exactly the dates it removed; a holiday added by someone else is not touched', () => {
		const change = callHoursChange(base, { ...base, holidays: [day('2030-03-20')] });
		expect(change).toEqual({ put: [], drop: ['2030-03-10'] });
		const theirs = { ...base, holidays: [...base.holidays, day('2030-06-01')] };
		expect(applyCallHoursChange(theirs, change, NOW).holidays.map((h) => h.date)).toEqual(['2030-03-20', '2030-06-01']);
	});

	it('new times for a stored date are a put; the old times do not count as holding it', () => {
		const change = callHoursChange(base, { ...base, holidays: [day('2030-03-10', '1200'), day('2030-03-20')] });
		expect(change).toEqual({ put: [day('2030-03-10', '1200')], drop: [] });
		expect(holdsCallHoursChange(base, change)).toBe(false);
	});

	it('new status, timezone or weekly hours are a frame; the stored holidays stay with it', () => {
		const frame = { status: 'DISABLED' as const, timezoneId: 'UTC', weeklyHours: [] };
		const change = callHoursChange(base, { ...base, ...frame });
		expect(change).toEqual({ frame, put: [], drop: [] });
		expect(applyCallHoursChange(base, change, NOW)).toEqual({ ...frame, holidays: base.holidays });
		// weekly hours in another order are the same hours
		const reordered = { ...base, weeklyHours: [...base.weeklyHours].reverse() };
		expect(callHoursChange(base, reordered).frame).toBeUndefined();
	});

	it('from no stored call hours: the frame and every holiday are the change; without a frame nothing can be applied', () => {
		const change = callHoursChange(undefined, base);
		expect(change.frame).toBeDefined();
		expect(change.put).toEqual(base.holidays);
		expect(holdsCallHoursChange(undefined, change)).toBe(false);
		expect(() => applyCallHoursChange(undefined, { put: [day('2030-04-01')], drop: [] }, NOW)).toThrow(/no call hours stored/);
	});

	it('past dates are dropped when applied; more than 20 afterwards is an error naming the count', () => {
		const stored = { ...base, holidays: [day('2030-02-01'), ...base.holidays] };
		const change = { put: [day('2030-04-01')], drop: [] };
		expect(applyCallHoursChange(stored, change, NOW).holidays.map((h) => h.date)).not.toContain('2030-02-01');
		const full = { ...base, holidays: Array.from({ length: 20 }, (_, i) => day(`2030-07-${String(i + 1).padStart(2, '0')}`)) };
		expect(() => applyCallHoursChange(full, change, NOW)).toThrow(/at most 20 holidays; .* there would be 21/);
	});
});
