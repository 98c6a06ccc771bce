/** Availability → Check with the optional calendar, on both nodes. */
import { DateTime } from 'luxon';

import { DEMO, runWhatsApp } from './whatsapp/setup';
import { runMessenger } from './messenger/setup';
import { jsonOf, useSandbox } from './nodeTestKit';

const sandbox = useSandbox();

/** The next date from 2 days ahead, in `zone`, that is the given ISO weekday (1 = Monday). */
function nextWeekday(zone: string, weekday: number): DateTime {
	let day = DateTime.now().setZone(zone).startOf('day').plus({ days: 2 });
	while (day.weekday !== weekday) day = day.plus({ days: 1 });
	return day;
}

describe('availability check with a calendar', () => {
	it('WhatsApp: a calendar day inside the weekly hours answers holiday, and nextOpenAt skips it; off by default', async () => {
		const wednesday = nextWeekday('Europe/Berlin', 3);
		const at = wednesday.set({ hour: 10 }).toISO() as string;
		const calendarJson = JSON.stringify([wednesday.toISODate()]);
		const check = { resource: 'availability', operation: 'check', at, calendarSource: 'json', calendarJson };
		const [plain] = jsonOf(await runWhatsApp(sandbox.current, check));
		expect(plain).toMatchObject({ open: true, reason: 'within_hours' });
		const [withCalendar] = jsonOf(await runWhatsApp(sandbox.current, { ...check, checkCalendar: true }));
		expect(withCalendar).toMatchObject({
			phoneNumberId: DEMO.phoneNumberId,
			open: false,
			reason: 'holiday',
			nextOpenAt: wednesday.plus({ days: 1 }).set({ hour: 9 }).toISO({ suppressMilliseconds: true }),
			calendarClosure: { start: wednesday.toISO({ suppressMilliseconds: true }) },
			calendar: { source: 'json' },
		});
	});

	it('Messenger: a public holiday of the Page’s country closes it', async () => {
		const year = DateTime.now().setZone('America/Los_Angeles').year + 1;
		// 4 July of next year at noon, Los Angeles (the demo Page's zone).
		const july4 = DateTime.fromObject({ year, month: 7, day: 4, hour: 12 }, { zone: 'America/Los_Angeles' });
		const [out] = jsonOf(
			await runMessenger(sandbox.current, {
				resource: 'availability',
				operation: 'check',
				at: july4.toISO(),
				checkCalendar: true,
				calendarSource: 'publicHolidays',
				countryCode: 'US',
				options: { publicHolidaysBaseUrl: sandbox.current.url },
			}),
		);
		expect(out).toMatchObject({ open: false, reason: 'holiday', calendarClosure: { summary: 'Independence Day' } });
	});

	it('a calendar that fails fails the check, naming the source', async () => {
		const result = await runMessenger(sandbox.current, {
			resource: 'availability',
			operation: 'check',
			checkCalendar: true,
			calendarSource: 'ical',
			calendarUrl: `${sandbox.current.url}/calendars/unsupported.ics`,
		});
		expect(result.error?.message).toMatch(/^Calendar URL: event "Last workday of the month"/);
	});
});
