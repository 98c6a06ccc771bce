import { DEMO, jsonOf, runMessenger, useSandbox } from './setup';

/** Send Call Prompt with Only While Open: the same rule as WhatsApp's Send Call Button (shared/hours/availability.ts). */

const sandbox = useSandbox();

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
const prompt = { resource: 'message', operation: 'sendCallPrompt', recipientId: DEMO.psid, options: { onlyWhileOpen: true } };
const promptPosts = () => sandbox.current.requests.filter((r) => r.method === 'POST' && r.path === `/${DEMO.pageId}/messages`);

/** The weekday `days` from today in Los Angeles (the demo Page's timezone). */
function laWeekday(days: number): (typeof DAYS)[number] {
	const today = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', weekday: 'long' }).format(new Date()).toUpperCase();
	return DAYS[(DAYS.indexOf(today as (typeof DAYS)[number]) + days) % 7];
}

function setHours(days: Array<(typeof DAYS)[number]>, open: string, close: string): void {
	sandbox.current.page(DEMO.pageId).call_hours = {
		timezone_id: 'America/Los_Angeles',
		weekly_operating_hours: days.map((day) => ({ day_of_week: day, open_time: open, close_time: close })),
	};
}

describe('Send Call Prompt, Only While Open', () => {
	it('while the Page takes calls: reads the hours and icon, then sends', async () => {
		setHours([...DAYS], '0000', '2359');
		const [out] = jsonOf(await runMessenger(sandbox.current, prompt));
		expect(sandbox.current.requests[0]).toMatchObject({ method: 'GET', path: `/${DEMO.pageId}/messenger_call_settings` });
		expect(sandbox.current.requests[0].query.fields).toBe('call_hours,icon_enabled');
		expect(out).toEqual({ pageId: DEMO.pageId, recipientId: DEMO.psid, messageId: sandbox.current.sentMessages[0].messageId });
	});

	it('outside the hours: nothing sent, and when the Page opens', async () => {
		setHours([laWeekday(2)], '0900', '1700');
		const [out] = jsonOf(await runMessenger(sandbox.current, prompt));
		expect(promptPosts()).toEqual([]);
		expect(out).toMatchObject({ pageId: DEMO.pageId, recipientId: DEMO.psid, sent: false, open: false, reason: 'outside_hours' });
		expect(out.nextOpenAt).toMatch(/T09:00:00-0[78]:00$/);
	});

	it('with the call icon hidden: nothing sent', async () => {
		setHours([...DAYS], '0000', '2359');
		sandbox.current.page(DEMO.pageId).icon_enabled = false;
		const [out] = jsonOf(await runMessenger(sandbox.current, prompt));
		expect(out).toMatchObject({ sent: false, reason: 'icon_hidden', nextOpenAt: null });
		expect(sandbox.current.sentMessages).toEqual([]);
	});

	it('off (the default): no read, the prompt is sent whatever the hours', async () => {
		setHours([laWeekday(2)], '0900', '1700');
		jsonOf(await runMessenger(sandbox.current, { ...prompt, options: {} }));
		expect(sandbox.current.requests.map((r) => r.method)).toEqual(['POST']);
	});
});
