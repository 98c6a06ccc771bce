import { DEMO, berlinDate, jsonOf, runWhatsApp, storeHolidays, useSandbox } from './setup';

const sandbox = useSandbox();

/** A Berlin wall-clock time on a given date, as an ISO string with offset (the node must honour it). */
function berlin(date: string, time: string): string {
	const probe = new Date(`${date}T12:00:00Z`);
	const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
		.formatToParts(probe)
		.find((p) => p.type === 'timeZoneName')!
		.value.replace('GMT', '');
	return `${date}T${time}:00${offset || '+00:00'}`;
}

/** The next date (from 7 days ahead) that falls on the given weekday, 1 = Monday ... 7 = Sunday. */
function nextWeekday(isoDay: number): string {
	for (let days = 7; ; days++) {
		const date = berlinDate(days);
		const weekday = new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
		if (weekday === isoDay) return date;
	}
}

function dayAfter(date: string): string {
	const next = new Date(`${date}T12:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.toISOString().slice(0, 10);
}

describe('availability check', () => {
	it('is open within the weekly hours, with the next close', async () => {
		const wednesday = nextWeekday(3);
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, { resource: 'availability', operation: 'check', at: berlin(wednesday, '10:00') }),
		);
		expect(out).toMatchObject({
			phoneNumberId: DEMO.phoneNumberId,
			open: true,
			reason: 'within_hours',
			timezoneId: 'Europe/Berlin',
			nextCloseAt: berlin(wednesday, '17:00'),
		});
	});

	it('is closed on a stored holiday and says when it opens next', async () => {
		const wednesday = nextWeekday(3);
		storeHolidays(sandbox.current, [{ date: wednesday }]);
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, { resource: 'availability', operation: 'check', at: berlin(wednesday, '10:00') }),
		);
		expect(out).toMatchObject({ open: false, reason: 'holiday', timezoneId: 'Europe/Berlin' });
		expect(out.nextOpenAt).toBe(berlin(dayAfter(wednesday), '09:00'));
	});

	it('is closed at the weekend', async () => {
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, { resource: 'availability', operation: 'check', at: berlin(nextWeekday(6), '12:00') }),
		);
		expect(out).toMatchObject({ open: false, reason: 'outside_hours' });
	});

	it('is closed when calling is disabled', async () => {
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				phoneNumberId: DEMO.disabledPhoneNumberId,
				resource: 'availability',
				operation: 'check',
			}),
		);
		expect(out).toMatchObject({ open: false, reason: 'calling_disabled' });
	});

	it('checks now when at is empty', async () => {
		const before = Date.now();
		const [out] = jsonOf(await runWhatsApp(sandbox.current, { resource: 'availability', operation: 'check' }));
		expect(Date.parse(String(out.at))).toBeGreaterThanOrEqual(before - 1000);
		expect(Date.parse(String(out.at))).toBeLessThanOrEqual(Date.now());
		expect(typeof out.open).toBe('boolean');
	});

	it('rejects a bad moment before any request', async () => {
		const result = await runWhatsApp(sandbox.current, { resource: 'availability', operation: 'check', at: 'next tuesday' });
		expect(result.error?.message).toMatch(/^At: must be a date and time/);
		expect(sandbox.current.requests).toEqual([]);
	});
});
