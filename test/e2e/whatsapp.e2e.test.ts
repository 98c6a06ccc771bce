import { e2eContext } from './harness/context';
import { nextWednesday } from './harness/dates';

/**
 * The WhatsApp user journey in real n8n (workflow test/e2e/workflows/whatsapp-holiday-journey.json):
 * Webhook -> Set Call Hours -> Add Holiday -> Get Holidays -> Check Availability at 10:00 on each holiday.
 */

const PHONE = '3000000000000001';
const WORKFLOW_ID = 'e2eWaHolidayJrny';

function dayAfter(date: string): string {
	const next = new Date(`${date}T12:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.toISOString().slice(0, 10);
}

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: WhatsApp Calling holiday journey`, () => {
	const e2e = e2eContext();

	// Other workflows of the run (triggers) talk to the same sandbox: look at this number's requests only.
	const settingsRequests = async () =>
		(await e2e.sandbox<Array<{ method: string; path: string }>>('GET', 'requests')).filter(
			(r) => r.path === `/${PHONE}/settings`,
		);

	beforeEach(async () => {
		await e2e.sandbox('POST', 'reset', {});
	});

	it('sets hours, adds a holiday, reads it back, and is closed on that day', async () => {
		const holidayDate = nextWednesday();
		const answer = await e2e.callWebhook('e2e-whatsapp-holiday-journey', { phoneNumberId: PHONE, holidayDate });
		expect(answer.status).toBe(200);

		// The last node's output: one availability per holiday read back.
		expect(answer.body).toEqual([
			expect.objectContaining({
				phoneNumberId: PHONE,
				open: false,
				reason: 'holiday',
				timezoneId: 'Europe/Berlin',
				nextOpenAt: expect.stringMatching(new RegExp(`^${dayAfter(holidayDate)}T09:00:00(\\.000)?\\+0[12]:00$`)),
			}),
		]);
		expect(answer.body[0].at).toMatch(new RegExp(`^${holidayDate}T0[89]:00:00.000Z$`));

		// What Meta (the sandbox) now stores: the hours as set and the one holiday.
		const { state } = await e2e.sandbox('GET', 'state');
		expect(state.phoneNumbers[PHONE].calling.call_hours).toEqual({
			status: 'ENABLED',
			timezone_id: 'Europe/Berlin',
			weekly_operating_hours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
				day_of_week: day,
				open_time: '0900',
				close_time: '1700',
			})),
			holiday_schedule: [{ date: holidayDate, start_time: '0000', end_time: '2359' }],
		});

		// The requests n8n made: read (hours, keep mode: the same hours as stored, so nothing to write),
		// read+write (add) and the check read after it, read (get), read (check).
		expect((await settingsRequests()).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /${PHONE}/settings`,
			`GET /${PHONE}/settings`,
			`POST /${PHONE}/settings`,
			`GET /${PHONE}/settings`,
			`GET /${PHONE}/settings`,
			`GET /${PHONE}/settings`,
		]);

		// The Get Holidays node's own output in the saved execution.
		const execution = await e2e.waitForExecution({ workflowId: WORKFLOW_ID, includeData: true }, (e) => e.status === 'success');
		const holidays = execution.data.resultData.runData['Get Holidays'][0].data.main[0].map((item: { json: unknown }) => item.json);
		expect(holidays).toEqual([
			expect.objectContaining({ phoneNumberId: PHONE, timezoneId: 'Europe/Berlin', date: holidayDate, startTime: '0000', endTime: '2359' }),
		]);
	});

	it('a bad date stops the run with an error naming the field, and nothing is written', async () => {
		const answer = await e2e.callWebhook('e2e-whatsapp-holiday-journey', { phoneNumberId: PHONE, holidayDate: '2026-02-30' });
		expect(answer.status).toBeGreaterThanOrEqual(500);
		// Set Call Hours ran (a read: the hours are already stored, nothing to write); Add Holiday sent nothing.
		expect((await settingsRequests()).map((r) => r.method)).toEqual(['GET']);
		const failed = await e2e.waitForExecution({ workflowId: WORKFLOW_ID, includeData: true }, (e) => e.status === 'error');
		expect(JSON.stringify(failed.data.resultData.error)).toContain('holidays[0].date');
	});
});
