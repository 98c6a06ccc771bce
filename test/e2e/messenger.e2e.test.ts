import { e2eContext, type Execution } from './harness/context';

/**
 * The Messenger user journey in real n8n (workflow test/e2e/workflows/messenger-day-journey.json):
 * Webhook -> Close Calling -> Check While Closed -> Restore Calling (from the snapshot the close kept in
 * the workflow's static data) -> Check After Restore -> Send Call Prompt.
 */

const PAGE = '4000000000000001';
const PAGE_WITHOUT_HOURS = '4000000000000002';
const PSID = '5000000000000001';
const WORKFLOW_ID = 'e2eMsDayJourney1';
/** A Monday at 10:00 in Los Angeles: within the demo Page's hours (Mon-Fri 0900-1700). */
const MONDAY_10_LA = '2026-05-04T10:00:00-07:00';

const NINE_TO_FIVE = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
	day_of_week: day,
	open_time: '0900',
	close_time: '1700',
}));

/** The Page's settings this node manages (and video_enabled, which it must leave alone). */
function callSettingsOf(page: any) {
	const { call_hours, call_routing, icon_enabled, audio_enabled, video_enabled } = page;
	return { call_hours, call_routing, icon_enabled, audio_enabled, video_enabled };
}

function outputOf(execution: Execution, node: string): any[] {
	return execution.data.resultData.runData[node][0].data.main[0].map((item: { json: unknown }) => item.json);
}

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: Messenger Calling day journey`, () => {
	const e2e = e2eContext();

	beforeEach(async () => {
		await e2e.sandbox('POST', 'reset', {});
	});

	it('closes a Page for the day, reopens it exactly as it was, and sends a call prompt', async () => {
		const { state: before } = await e2e.sandbox('GET', 'state');
		const answer = await e2e.callWebhook('e2e-messenger-day-journey', {
			pageId: PAGE,
			closeMode: 'both',
			at: MONDAY_10_LA,
			recipientId: PSID,
		});
		expect(answer.status).toBe(200);

		// The last node's output: Meta's answer to the call prompt.
		const messages = await e2e.sandbox<Array<{ recipientId: string; messageId: string; callPromptTtlDays: number }>>(
			'GET',
			'messages',
		);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ recipientId: PSID, callPromptTtlDays: 3 });
		expect(answer.body).toEqual([{ pageId: PAGE, recipientId: PSID, messageId: messages[0].messageId }]);

		// Meta (the sandbox) holds exactly the settings of before.
		const { state: after } = await e2e.sandbox('GET', 'state');
		expect(callSettingsOf(after.pages[PAGE])).toEqual(callSettingsOf(before.pages[PAGE]));
		expect(after.pages[PAGE].call_hours).toEqual({ timezone_id: 'America/Los_Angeles', weekly_operating_hours: NINE_TO_FIVE });

		// Every request this workflow made, in order (other active workflows, e.g. triggers, may call too).
		const requests = (await e2e.sandbox<Array<{ method: string; path: string; body: any }>>('GET', 'requests')).filter(
			(r) => r.path === `/${PAGE}/messenger_call_settings` || r.path === `/${PAGE}/messages`,
		);
		// On a slow machine a read can be repeated: a write must leave within 2 s of the read it is based on
		// (execution/accountUpdate.ts), else the item reads again. So reads in a row count as one here; the
		// writes and their order are exact.
		const calls = requests.map((r) => `${r.method} ${r.path} ${r.method === 'POST' ? Object.keys(r.body).join(',') : ''}`.trim());
		const readsInARowAsOne = calls.filter((call, i) => !(call.startsWith('GET') && calls[i - 1] === call));
		expect(readsInARowAsOne).toEqual([
			`GET /${PAGE}/messenger_call_settings`,
			`POST /${PAGE}/messenger_call_settings icon_enabled`,
			`POST /${PAGE}/messenger_call_settings call_hours`,
			// the check that no concurrent writer dropped the close, then the reads before the restore
			`GET /${PAGE}/messenger_call_settings`,
			`POST /${PAGE}/messenger_call_settings call_hours`,
			`POST /${PAGE}/messenger_call_settings icon_enabled`,
			`GET /${PAGE}/messenger_call_settings`, // the same check after the restore, then the read before the prompt
			`POST /${PAGE}/messages recipient,message`,
		]);
		// Unless a read had to be repeated: 3 reads between the close and the restore, 2 after it.
		expect(calls.filter((call) => call.startsWith('GET')).length).toBeGreaterThanOrEqual(6);

		// What each node said along the way, from the saved execution.
		const execution = await e2e.waitForExecution({ workflowId: WORKFLOW_ID, includeData: true }, (e) => e.status === 'success');
		const [closed] = outputOf(execution, 'Close Calling');
		expect(closed).toMatchObject({ pageId: PAGE, changed: ['icon_enabled', 'call_hours'], alreadyClosed: false });
		expect(closed.snapshot.settings).toEqual({
			call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: NINE_TO_FIVE },
			call_routing: { ring_target: 'META' },
			icon_enabled: true,
			audio_enabled: true,
			video_enabled: false,
		});
		expect(outputOf(execution, 'Check While Closed')[0]).toMatchObject({ open: false, reason: 'icon_hidden' });
		expect(outputOf(execution, 'Restore Calling')[0]).toMatchObject({
			source: 'stored',
			exact: true,
			restored: ['call_hours', 'icon_enabled'],
		});
		expect(outputOf(execution, 'Check After Restore')[0]).toMatchObject({ open: true, reason: 'within_hours' });
	});

	it('refuses to close by hours a Page without hours, naming the field, and writes nothing', async () => {
		const answer = await e2e.callWebhook('e2e-messenger-day-journey', {
			pageId: PAGE_WITHOUT_HOURS,
			closeMode: 'closeHours',
			at: MONDAY_10_LA,
			recipientId: PSID,
		});
		expect(answer.status).toBeGreaterThanOrEqual(500);
		const requests = await e2e.sandbox<Array<{ method: string; path: string }>>('GET', 'requests');
		expect(requests.filter((r) => r.path.startsWith(`/${PAGE_WITHOUT_HOURS}/`)).map((r) => r.method)).toEqual(['GET']);
		const messages = await e2e.sandbox<unknown[]>('GET', 'messages');
		expect(messages).toEqual([]);
		const failed = await e2e.waitForExecution({ workflowId: WORKFLOW_ID, includeData: true }, (e) => e.status === 'error');
		expect(JSON.stringify(failed.data.resultData.error)).toContain('Close Mode: cannot close by hours');
	});
});
