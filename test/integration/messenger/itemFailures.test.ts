import { DEMO, jsonOf, runMessenger, useSandbox } from './setup';

/**
 * A failed run must never send what a re-run would send again (issue 11). Three Send Call Prompt items,
 * as a workflow hands them over, against the sandbox's Send API.
 */

const sandbox = useSandbox();

/** A person outside the 24-hour window: Meta refuses the prompt (code 10, subcode 2018278). */
const OUTSIDE_WINDOW = '5000000000000009';
const OTHER_PERSON = '5000000000000008';

const promptEach = { resource: 'message', operation: 'sendCallPrompt', recipientId: '={{ $json.to }}' };
const to = (...ids: string[]) => ids.map((id) => ({ json: { to: id } }));

function itemIndexOf(error: unknown): unknown {
	return (error as { context?: { itemIndex?: number } } | undefined)?.context?.itemIndex;
}

beforeEach(() => {
	sandbox.current.addRecipient({ id: OUTSIDE_WINDOW, withinWindow: false });
	sandbox.current.addRecipient({ id: OTHER_PERSON });
});

describe('Send Call Prompt, On Error: Stop', () => {
	it('an invalid item (empty recipient) sends nothing for any item, and the error names the item and the field', async () => {
		const result = await runMessenger(sandbox.current, promptEach, { items: to('', DEMO.psid, OTHER_PERSON) });
		expect(result.error?.message).toMatch(/^Recipient ID: must be the person’s page-scoped ID/);
		expect(result.error?.field).toBe('recipientId');
		expect(itemIndexOf(result.error)).toBe(0);
		expect(result.error?.description).toMatch(/Item 0 breaks this rule, so nothing was sent for any item/);
		expect(sandbox.current.sentMessages).toHaveLength(0);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('an invalid last item also stops the items before it', async () => {
		const result = await runMessenger(sandbox.current, promptEach, { items: to(DEMO.psid, OTHER_PERSON, 'nobody') });
		expect(itemIndexOf(result.error)).toBe(2);
		expect(sandbox.current.sentMessages).toHaveLength(0);
	});

	it('Meta refusing item 1 means item 2 is never sent, and the error says what was applied', async () => {
		sandbox.current.setLatency(20);
		const result = await runMessenger(sandbox.current, promptEach, { items: to(DEMO.psid, OUTSIDE_WINDOW, OTHER_PERSON) });
		expect(result.error?.error_subcode).toBe(2018278);
		expect(itemIndexOf(result.error)).toBe(1);
		expect(sandbox.current.sentMessages.map((m) => m.recipientId)).toEqual([DEMO.psid]);
		const posts = sandbox.current.requests.filter((r) => r.method === 'POST');
		expect(posts.map((r) => (r.body as { recipient: { id: string } }).recipient.id)).toEqual([DEMO.psid, OUTSIDE_WINDOW]);
		expect(result.error?.description).toMatch(/ Applied: item 0\. Not applied: items 1 \(failed\), 2 \(not started\)\.$/);
	});

	it('a dropped connection on item 0 leaves item 0 unknown and sends nothing after it', async () => {
		sandbox.current.addFault({ kind: 'drop', method: 'POST', path: '/*/messages', processed: true });
		const result = await runMessenger(sandbox.current, promptEach, { items: to(DEMO.psid, OTHER_PERSON, OTHER_PERSON) });
		expect(result.error?.message).toMatch(/may or may not have been carried out/);
		expect(sandbox.current.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(result.error?.description).toMatch(
			/Applied: none\. Not applied: items 1-2 \(not started\)\. Unknown: item 0 \(the answer was lost; check at Meta before running it again\)\.$/,
		);
	});

	it('a fixed concurrency does not make the sends parallel', async () => {
		sandbox.current.setLatency(20);
		const result = await runMessenger(sandbox.current, { ...promptEach, options: { concurrency: '5' } }, {
			items: to(DEMO.psid, OUTSIDE_WINDOW, OTHER_PERSON, DEMO.psid, OTHER_PERSON),
		});
		expect(result.error).toBeDefined();
		expect(sandbox.current.sentMessages.map((m) => m.recipientId)).toEqual([DEMO.psid]);
		expect(result.error?.description).toMatch(/Applied: item 0\. Not applied: items 1 \(failed\), 2-4 \(not started\)\.$/);
	});
});

describe('Send Call Prompt, On Error: Continue', () => {
	it('every item gets its own result: the invalid and the refused one an error item, the others are sent', async () => {
		const result = await runMessenger(sandbox.current, promptEach, {
			items: to('', DEMO.psid, OUTSIDE_WINDOW, OTHER_PERSON),
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		const json = result.items.map((i) => i.json);
		expect(json[0]).toMatchObject({ field: 'recipientId', error: expect.stringMatching(/^Recipient ID: /) });
		expect(json[1]).toMatchObject({ pageId: DEMO.pageId, recipientId: DEMO.psid, messageId: expect.any(String) });
		expect(json[2]).toMatchObject({ error_subcode: 2018278 });
		expect(json[3]).toMatchObject({ recipientId: OTHER_PERSON });
		expect(sandbox.current.sentMessages.map((m) => m.recipientId).sort()).toEqual([DEMO.psid, OTHER_PERSON].sort());
	});

	it('keeps its concurrency: the sends overlap', async () => {
		sandbox.current.setLatency(150);
		const started = Date.now();
		const result = await runMessenger(sandbox.current, promptEach, {
			items: to(DEMO.psid, OTHER_PERSON, DEMO.psid, OTHER_PERSON),
			continueOnFail: true,
		});
		expect(jsonOf(result)).toHaveLength(4);
		// one after the other would take at least 4 x 150 ms
		expect(Date.now() - started).toBeLessThan(450);
	});

	it('with "Continue (using error output)" the failed items go to the error output, paired to their input', async () => {
		const result = await runMessenger(sandbox.current, promptEach, {
			items: to('', DEMO.psid, OUTSIDE_WINDOW),
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		const [success, failure] = result.outputs;
		expect(success.map((i) => [i.pairedItem, i.json.recipientId])).toEqual([[{ item: 1 }, DEMO.psid]]);
		expect(failure.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		// the whole error is one object under `error` (in a workflow n8n also adds the input item's fields; this run has no previous node)
		expect(failure[0].json).toEqual({ error: expect.objectContaining({ message: expect.stringMatching(/^Recipient ID: /), field: 'recipientId' }) });
		expect(failure[1].json.error).toMatchObject({ code: 10, error_subcode: 2018278, fbtrace_id: expect.any(String), description: expect.stringMatching(/24 hours/) });
	});

	it('dry run with Stop still previews every item and sends nothing', async () => {
		const result = await runMessenger(sandbox.current, { ...promptEach, options: { dryRun: true } }, { items: to(DEMO.psid, OTHER_PERSON) });
		expect(jsonOf(result).map((j) => (j.request as { body: { recipient: { id: string } } }).body.recipient.id)).toEqual([DEMO.psid, OTHER_PERSON]);
		expect(sandbox.current.requests).toEqual([]);
	});
});
