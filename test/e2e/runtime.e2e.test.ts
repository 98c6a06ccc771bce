import { e2eContext } from './harness/context';

/**
 * A node of the package executing inside n8n (workflow test/e2e/workflows/harness-whatsapp-availability.json):
 * the webhook answers with the WhatsApp Calling node's availability check against the sandbox. The check
 * computes Berlin office hours with luxon, which the package does not ship: this proves n8n resolves
 * `luxon` for a community package at run time on this line.
 */
describe(`n8n ${process.env.N8N_LINE ?? '2'}.x runs the package's nodes`, () => {
	const e2e = e2eContext();
	const workflowId = 'e2eHarnessAvail1';
	const check = (at: string) =>
		e2e.callWebhook('e2e-harness-whatsapp-availability', { phoneNumberId: '3000000000000001', at });

	beforeAll(async () => {
		await e2e.sandbox('POST', 'reset', {});
	});

	it('answers open inside Berlin office hours (Wednesday 11:00 Berlin), closing at 17:00 Berlin', async () => {
		const answer = await check('2026-03-04T10:00:00Z');
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ phoneNumberId: '3000000000000001', open: true, timezoneId: 'Europe/Berlin' });
		// 17:00 in Berlin is 16:00 UTC in March (CET, +01:00).
		expect(Date.parse(answer.body.nextCloseAt)).toBe(Date.parse('2026-03-04T16:00:00Z'));
	});

	it('answers closed on a Saturday, opening again Monday 09:00 Berlin', async () => {
		const answer = await check('2026-03-07T10:00:00Z');
		expect(answer.status).toBe(200);
		expect(answer.body.open).toBe(false);
		expect(Date.parse(answer.body.nextOpenAt)).toBe(Date.parse('2026-03-09T08:00:00Z'));
	});

	it('records the runs as successful executions, readable through the public API', async () => {
		const execution = await e2e.waitForExecution({ workflowId, includeData: true }, (e) => e.status === 'success');
		const runData = execution.data.resultData.runData;
		expect(Object.keys(runData)).toEqual(expect.arrayContaining(['Webhook', 'WhatsApp Calling']));
		const output = runData['WhatsApp Calling'][0].data.main[0];
		expect(output[0].json.phoneNumberId).toBe('3000000000000001');
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('read the phone settings from the sandbox with the credential token', async () => {
		const requests = await e2e.sandbox<Array<{ method: string; path: string; headers: Record<string, string> }>>('GET', 'requests');
		const settingsReads = requests.filter((r) => r.method === 'GET' && r.path === '/3000000000000001/settings');
		expect(settingsReads.length).toBeGreaterThanOrEqual(2);
	});
});
