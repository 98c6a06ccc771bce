import { type CallHours } from '../../../nodes/shared/hours/types';
import { callHoursFromWire, callHoursToWire, holidaysFromWire, messengerCallHoursToWire, weeklyHoursFromWire } from '../../../nodes/shared/hours/wire';

const berlin: CallHours = {
	status: 'ENABLED',
	timezoneId: 'Europe/Berlin',
	weeklyHours: [
		{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' },
		{ dayOfWeek: 'TUESDAY', openTime: '0930', closeTime: '1830' },
	],
	holidays: [{ date: '2026-12-25', startTime: '0000', endTime: '2359' }],
};

describe('callHoursFromWire', () => {
	it('reads WhatsApp’s documented shape', () => {
		const wire = {
			status: 'ENABLED',
			timezone_id: 'Europe/Berlin',
			weekly_operating_hours: [
				{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' },
				{ day_of_week: 'TUESDAY', open_time: '0930', close_time: '1830' },
			],
			holiday_schedule: [{ date: '2026-12-25', start_time: '0000', end_time: '2359' }],
		};
		expect(callHoursFromWire(wire)).toEqual(berlin);
	});
	it('reads lowercase enums, numeric times and the open_time/close_time holiday spelling', () => {
		const wire = {
			status: 'disabled',
			timezone_id: 'Europe/Berlin',
			weekly_operating_hours: [
				{ day_of_week: 'monday', open_time: 900, close_time: 1700 },
				{ day_of_week: 'Tuesday', open_time: '0930', close_time: '1830' },
			],
			holiday_schedule: [{ date: '2026-12-25', open_time: '0000', close_time: '2359' }],
		};
		expect(callHoursFromWire(wire)).toEqual({ ...berlin, status: 'DISABLED' });
	});
	it('treats a missing holiday_schedule as none', () => {
		const hours = callHoursFromWire({ status: 'ENABLED', timezone_id: 'UTC', weekly_operating_hours: [] });
		expect(hours).toEqual({ status: 'ENABLED', timezoneId: 'UTC', weeklyHours: [], holidays: [] });
	});
	it('reads Messenger’s shape (no status: hours always apply)', () => {
		const hours = callHoursFromWire({
			timezone_id: 'America/Los_Angeles',
			weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }],
		});
		expect(hours?.status).toBe('ENABLED');
		expect(hours?.weeklyHours).toHaveLength(1);
	});
	it('reads NOT_SET as nothing stored, unless hours exist (then DISABLED, so they survive a write-back)', () => {
		expect(callHoursFromWire({ status: 'NOT_SET', timezone_id: 'UTC', weekly_operating_hours: [] })).toBeUndefined();
		expect(callHoursFromWire({ status: 'not_set', timezone_id: 'UTC' })).toBeUndefined();
		const kept = callHoursFromWire({
			status: 'NOT_SET',
			timezone_id: 'UTC',
			weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }],
		});
		expect(kept?.status).toBe('DISABLED');
		expect(kept?.weeklyHours).toEqual([{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' }]);
	});
	it('answers undefined without a usable object or timezone', () => {
		for (const junk of [undefined, null, 'ENABLED', 42, [], {}, { status: 'ENABLED', timezone_id: '  ' }, { timezone_id: 7 }]) {
			expect(callHoursFromWire(junk)).toBeUndefined();
		}
	});
	it('skips junk entries and keeps the good ones', () => {
		const hours = callHoursFromWire({
			status: 'ENABLED',
			timezone_id: 'UTC',
			weekly_operating_hours: [
				null,
				'MONDAY',
				{ day_of_week: 'FUNDAY', open_time: '0900', close_time: '1700' },
				{ day_of_week: 'MONDAY', open_time: '9am', close_time: '1700' },
				{ day_of_week: 'MONDAY', open_time: '0900' },
				{ day_of_week: 'FRIDAY', open_time: '0800', close_time: '1200' },
			],
			holiday_schedule: [
				{ date: 'Christmas' },
				{ date: '2026-12-24', start_time: 'late' },
				7,
				{ date: '2026-12-31' },
				{ date: '2026-12-30', start_time: '', end_time: null },
			],
		});
		expect(hours?.weeklyHours).toEqual([{ dayOfWeek: 'FRIDAY', openTime: '0800', closeTime: '1200' }]);
		expect(hours?.holidays).toEqual([
			{ date: '2026-12-31', startTime: '0000', endTime: '2359' },
			{ date: '2026-12-30', startTime: '0000', endTime: '2359' },
		]);
	});
});

describe('lists from the wire', () => {
	it('answers [] for what is not a list', () => {
		expect(weeklyHoursFromWire(undefined)).toEqual([]);
		expect(weeklyHoursFromWire({ day_of_week: 'MONDAY' })).toEqual([]);
		expect(holidaysFromWire('2026-12-25')).toEqual([]);
	});
	it('also reads our own camelCase spelling', () => {
		expect(weeklyHoursFromWire([{ dayOfWeek: 'SUNDAY', openTime: '1000', closeTime: '1400' }])).toEqual([
			{ dayOfWeek: 'SUNDAY', openTime: '1000', closeTime: '1400' },
		]);
		expect(holidaysFromWire([{ date: '2026-05-01', startTime: '0800', endTime: '1200' }])).toEqual([
			{ date: '2026-05-01', startTime: '0800', endTime: '1200' },
		]);
	});
});

describe('callHoursToWire', () => {
	it('writes Meta’s spelling with holidays sorted', () => {
		const wire = callHoursToWire({
			...berlin,
			holidays: [
				{ date: '2026-12-26', startTime: '0000', endTime: '1200' },
				{ date: '2026-12-25', startTime: '0000', endTime: '2359' },
			],
		});
		expect(wire).toEqual({
			status: 'ENABLED',
			timezone_id: 'Europe/Berlin',
			weekly_operating_hours: [
				{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' },
				{ day_of_week: 'TUESDAY', open_time: '0930', close_time: '1830' },
			],
			holiday_schedule: [
				{ date: '2026-12-25', start_time: '0000', end_time: '2359' },
				{ date: '2026-12-26', start_time: '0000', end_time: '1200' },
			],
		});
	});
	it('always sends holiday_schedule, even empty (leaving it out deletes the stored holidays)', () => {
		const wire = callHoursToWire({ ...berlin, holidays: [] });
		expect(Object.keys(wire)).toContain('holiday_schedule');
		expect(wire.holiday_schedule).toEqual([]);
	});
	it('round-trips through callHoursFromWire', () => {
		expect(callHoursFromWire(callHoursToWire(berlin))).toEqual(berlin);
	});
});

describe('messengerCallHoursToWire', () => {
	it('writes timezone and weekly hours only', () => {
		expect(messengerCallHoursToWire('America/Los_Angeles', berlin.weeklyHours)).toEqual({
			timezone_id: 'America/Los_Angeles',
			weekly_operating_hours: [
				{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' },
				{ day_of_week: 'TUESDAY', open_time: '0930', close_time: '1830' },
			],
		});
		expect(messengerCallHoursToWire('UTC', [])).toEqual({ timezone_id: 'UTC', weekly_operating_hours: [] });
	});
});
