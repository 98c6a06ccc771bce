import { DateTime } from 'luxon';

import { parseCheckTime } from '../../../nodes/shared/hours/checkTime';
import { InputError } from '../../../nodes/shared/validation';

const now = new Date('2026-03-10T12:00:00Z');

describe('parseCheckTime', () => {
	it('is now when empty', () => {
		expect(parseCheckTime('', 'Europe/Berlin', now)).toBe(now);
		expect(parseCheckTime(undefined, 'Europe/Berlin', now)).toBe(now);
	});

	it('reads a date-time without offset in the workflow timezone', () => {
		expect(parseCheckTime('2026-12-25T10:00:00', 'Europe/Berlin', now).toISOString()).toBe('2026-12-25T09:00:00.000Z');
		expect(parseCheckTime('2026-07-01T10:00:00', 'America/Los_Angeles', now).toISOString()).toBe(
			'2026-07-01T17:00:00.000Z',
		);
	});

	it('lets an explicit offset win', () => {
		expect(parseCheckTime('2026-12-25T10:00:00Z', 'Europe/Berlin', now).toISOString()).toBe('2026-12-25T10:00:00.000Z');
		expect(parseCheckTime('2026-12-25T10:00:00+05:00', 'Europe/Berlin', now).toISOString()).toBe(
			'2026-12-25T05:00:00.000Z',
		);
	});

	it('takes Date, epoch milliseconds and luxon DateTime from expressions', () => {
		const date = new Date('2026-01-01T00:00:00Z');
		expect(parseCheckTime(date, 'UTC', now)).toBe(date);
		expect(parseCheckTime(date.getTime(), 'UTC', now).toISOString()).toBe(date.toISOString());
		expect(parseCheckTime(DateTime.fromISO('2026-01-01T01:00:00+01:00'), 'UTC', now).toISOString()).toBe(
			date.toISOString(),
		);
	});

	it.each(['tomorrow', '2026-13-01T00:00:00', {}, new Date('x'), Number.NaN, DateTime.invalid('bad')])(
		'rejects %p naming the field',
		(value) => {
			expect(() => parseCheckTime(value, 'UTC', now, 'at')).toThrow(InputError);
			expect(() => parseCheckTime(value, 'UTC', now, 'at')).toThrow(/^at: must be a date and time/);
		},
	);
});
