import { e2eContext } from './harness/context';

/**
 * Holiday Schedule → Sync From Calendar in real n8n (workflow test/e2e/workflows/calendar-sync.json: a
 * Webhook hands the source to the node, which continues on error so the error reaches the answer), against
 * the sandbox's public-holiday service and iCal feeds.
 */

const PHONE = '3000000000000001';

/** A date `days` from today in Europe/Berlin, as YYYY-MM-DD. */
function berlinDate(days: number): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
	const date = new Date(`${today}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: WhatsApp holiday sync from a calendar`, () => {
	const e2e = e2eContext();
	const stored = async () => ((await e2e.sandbox('GET', 'state')).state.phoneNumbers[PHONE].calling.call_hours.holiday_schedule ?? []) as Array<{ date: string }>;
	const posts = async () =>
		(await e2e.sandbox<Array<{ method: string; path: string }>>('GET', 'requests')).filter((r) => r.method === 'POST' && r.path === `/${PHONE}/settings`);
	const feed = (name: string) => ({ calendarSource: 'ical', calendarUrl: `${e2e.sandboxUrl}/calendars/${name}.ics` });
	const sync = async (body: Record<string, unknown>) => {
		const answer = await e2e.callWebhook('e2e-calendar-sync', { baseUrl: e2e.sandboxUrl, ...body });
		expect(answer.status).toBe(200);
		return answer.body[0] as Record<string, any>;
	};

	beforeEach(async () => {
		await e2e.sandbox('POST', 'reset', {});
	});

	it('more than 20 upcoming days: the soonest 20 are written, the rest deferred; a second sync writes nothing', async () => {
		const days = Array.from({ length: 30 }, (_, i) => berlinDate(3 + i));
		const first = await sync(feed('many'));
		expect(first).toMatchObject({ phoneNumberId: PHONE, added: days.slice(0, 20), deferred: days.slice(20), unchanged: false });
		expect((await stored()).map((h) => h.date)).toEqual(days.slice(0, 20));
		expect(await posts()).toHaveLength(1);

		const second = await sync(feed('many'));
		expect(second).toMatchObject({ unchanged: true, added: [], removed: [], writes: 0 });
		expect(await posts()).toHaveLength(1);
	});

	it('public holidays mirrored, then a feed merged: every stored holiday kept, the feed fills the free places', async () => {
		const holidays = await sync({ calendarSource: 'publicHolidays', countryCode: 'DE' });
		const publicDays = (await stored()).map((h) => h.date);
		expect(holidays.added).toEqual(publicDays);
		expect(publicDays.length).toBeGreaterThan(5);

		const merged = await sync({ ...feed('many'), syncMode: 'merge' });
		const after = (await stored()).map((h) => h.date);
		expect(after).toHaveLength(20);
		expect(after).toEqual(expect.arrayContaining(publicDays));
		expect(merged).toMatchObject({ syncMode: 'merge', removed: [] });
		expect(merged.kept).toEqual(publicDays.filter((d: string) => merged.kept.includes(d)));
		expect(merged.added.length + merged.kept.length).toBe(20);
		expect(merged.deferred.length).toBeGreaterThan(0);
	});

	it('a broken feed and an empty feed in mirror mode write nothing and say why', async () => {
		await sync(feed('many'));
		const before = await stored();
		const broken = await sync(feed('broken'));
		expect(JSON.stringify(broken)).toContain('Calendar URL: is not an iCalendar feed: it does not start with BEGIN:VCALENDAR');
		const empty = await sync(feed('empty'));
		expect(JSON.stringify(empty)).toContain('Calendar Source: yields no upcoming day, and in mirror mode that would delete every stored holiday (20 now); nothing was written');
		expect(await posts()).toHaveLength(1);
		expect(await stored()).toEqual(before);
	});
	it('the Country list comes from the public-holiday service (the editor\'s load-options call)', async () => {
		const answer = await e2e.rest.rest('POST', '/dynamic-node-parameters/options', {
			nodeTypeAndVersion: { name: 'n8n-nodes-meta-calling.whatsAppCalling', version: 1 },
			path: 'countryCode',
			methodName: 'getPublicHolidayCountries',
			currentNodeParameters: {
				resource: 'holidaySchedule',
				operation: 'sync',
				phoneNumberId: PHONE,
				calendarSource: 'publicHolidays',
				options: { publicHolidaysBaseUrl: e2e.sandboxUrl },
			},
			credentials: { metaCallingApi: { id: 'metaSandboxCred1', name: 'Meta Calling API (sandbox)' } },
		});
		expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({ status: 200, text: expect.any(String) });
		expect(answer.body.data).toEqual([
			{ name: 'Austria (AT)', value: 'AT' },
			{ name: 'France (FR)', value: 'FR' },
			{ name: 'Germany (DE)', value: 'DE' },
			{ name: 'United States (US)', value: 'US' },
		]);
	});
});
