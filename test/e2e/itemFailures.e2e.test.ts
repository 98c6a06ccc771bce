import { e2eContext, type Execution } from './harness/context';

/**
 * A failed run never sends what a re-run would send again (issue 11), in real n8n: a Webhook hands three
 * recipients to Split Out, which feeds three items into Send Call Prompt
 * (test/e2e/workflows/messenger-call-prompt-stop.json: On Error Stop, the default;
 * messenger-call-prompt-error-output.json: Continue (using error output)).
 */

const STOP_WORKFLOW = 'e2eMsPromptStop1';
const ERROR_OUTPUT_WORKFLOW = 'e2eMsPromptErrO1';
const PSID = '5000000000000001';
const OTHER_PERSON = '5000000000000008';
/** Outside Messenger's 24-hour window: the sandbox refuses the prompt like Meta (code 10, subcode 2018278). */
const OUTSIDE_WINDOW = '5000000000000009';

const e2e = e2eContext();

interface SentMessage {
	recipientId: string;
}

/** Posts the recipients and waits for the execution that starts after it (newest first, ids grow). */
async function runWith(workflowId: string, path: string, recipients: string[]): Promise<Execution> {
	const before = new Set((await e2e.executions({ workflowId, limit: 250 })).map((e) => e.id));
	const answer = await e2e.callWebhook(path, { recipients: recipients.map((to) => ({ to })) });
	expect(answer.status).toBe(200);
	return await e2e.waitForExecution(
		{ workflowId, includeData: true },
		(e) => !before.has(e.id) && (e.status === 'error' || e.status === 'success'),
	);
}

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: Send Call Prompt items, n8n's way`, () => {
	beforeEach(async () => {
		await e2e.sandbox('POST', 'reset', {});
		await e2e.sandbox('POST', 'recipients', { id: OTHER_PERSON });
		await e2e.sandbox('POST', 'recipients', { id: OUTSIDE_WINDOW, withinWindow: false });
	});

	it('Stop, item 0 invalid (empty recipient): the run fails naming item and field, and 0 messages are sent', async () => {
		const execution = await runWith(STOP_WORKFLOW, 'e2e-call-prompt-stop', ['', PSID, OTHER_PERSON]);
		expect(execution.status).toBe('error');
		expect((await e2e.sandbox<SentMessage[]>('GET', 'messages')).map((m) => m.recipientId)).toEqual([]);
		expect(await e2e.sandbox<unknown[]>('GET', 'requests')).toEqual([]);
		const error = execution.data.resultData.error;
		expect(error.message).toMatch(/^Recipient ID: must be the person’s page-scoped ID/);
		expect(error.description).toMatch(/Item 0 breaks this rule, so nothing was sent for any item/);
	});

	it('Stop, item 1 refused by Meta: item 2 is never sent, and the error lists what was applied', async () => {
		const execution = await runWith(STOP_WORKFLOW, 'e2e-call-prompt-stop', [PSID, OUTSIDE_WINDOW, OTHER_PERSON]);
		expect(execution.status).toBe('error');
		expect((await e2e.sandbox<SentMessage[]>('GET', 'messages')).map((m) => m.recipientId)).toEqual([PSID]);
		const posts = (await e2e.sandbox<Array<{ method: string; body: any }>>('GET', 'requests')).filter((r) => r.method === 'POST');
		expect(posts.map((r) => r.body.recipient.id)).toEqual([PSID, OUTSIDE_WINDOW]);
		const error = execution.data.resultData.error;
		expect(error.description).toMatch(/Applied: item 0\. Not applied: items 1 \(failed\), 2 \(not started\)\.$/);
	});

	it('Continue (using error output): the invalid and the refused item go to the error output with their input, the others are sent', async () => {
		const execution = await runWith(ERROR_OUTPUT_WORKFLOW, 'e2e-call-prompt-error-output', ['', PSID, OUTSIDE_WINDOW, OTHER_PERSON]);
		expect(execution.status).toBe('success');
		const [success, failure] = execution.data.resultData.runData['Send Call Prompt'][0].data.main;
		expect(success.map((i: any) => [i.pairedItem, i.json.recipientId])).toEqual([
			[{ item: 1 }, PSID],
			[{ item: 3 }, OTHER_PERSON],
		]);
		expect(failure.map((i: any) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(failure[0].json).toMatchObject({ to: '', error: { message: expect.stringMatching(/^Recipient ID: /), field: 'recipientId' } });
		expect(failure[1].json).toMatchObject({ to: OUTSIDE_WINDOW, error: { code: 10, error_subcode: 2018278, fbtrace_id: expect.any(String) } });
		expect((await e2e.sandbox<SentMessage[]>('GET', 'messages')).map((m) => m.recipientId).sort()).toEqual([PSID, OTHER_PERSON].sort());
	});
});
