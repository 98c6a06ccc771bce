import { DEMO, jsonOf, runMessenger, useSandbox } from './setup';

const sandbox = useSandbox();

const prompt = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendCallPrompt',
	recipientId: DEMO.psid,
	...extra,
});

function promptPosts() {
	return sandbox.current.requests.filter((r) => r.method === 'POST' && r.path === `/${DEMO.pageId}/messages`);
}

describe('message sendCallPrompt', () => {
	it('sends the call_prompt template and outputs pageId, recipientId and messageId', async () => {
		const [out] = jsonOf(await runMessenger(sandbox.current, prompt({ ttlDays: 3 })));
		expect(sandbox.current.sentMessages).toHaveLength(1);
		const [sent] = sandbox.current.sentMessages;
		expect(sent).toMatchObject({ pageId: DEMO.pageId, recipientId: DEMO.psid, callPromptTtlDays: 3 });
		expect(sent.message).toEqual({
			attachment: { type: 'template', payload: { template_type: 'call_prompt', ttl_days: 3 } },
		});
		expect(out).toEqual({ pageId: DEMO.pageId, recipientId: DEMO.psid, messageId: sent.messageId });
	});

	it('uses 7 days by default', async () => {
		await runMessenger(sandbox.current, prompt());
		expect(sandbox.current.sentMessages[0].callPromptTtlDays).toBe(7);
	});

	it.each([0, 2.5, -1])('refuses ttlDays %p before sending', async (ttlDays) => {
		const result = await runMessenger(sandbox.current, prompt({ ttlDays }));
		expect(result.error?.message).toMatch(/^Button Active \(Days\): must be a whole number of days from 1 to 30/);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('dry run sends nothing', async () => {
		const [out] = jsonOf(await runMessenger(sandbox.current, prompt({ options: { dryRun: true } })));
		expect(sandbox.current.requests).toEqual([]);
		expect(sandbox.current.sentMessages).toEqual([]);
		expect(out).toMatchObject({ dryRun: true, request: { method: 'POST', body: { recipient: { id: DEMO.psid } } } });
	});

	it('is not sent again when the connection drops before the answer', async () => {
		sandbox.current.addFault({ kind: 'drop', method: 'POST', path: '/*/messages' });
		const result = await runMessenger(sandbox.current, prompt());
		expect(result.error?.message).toMatch(/may or may not have been carried out/);
		expect(promptPosts()).toHaveLength(1);
	});

	it('is not sent again after a 5xx answer', async () => {
		sandbox.current.addFault({ kind: 'http', method: 'POST', path: '/*/messages', status: 502 });
		const result = await runMessenger(sandbox.current, prompt());
		expect(result.error).toBeDefined();
		expect(promptPosts()).toHaveLength(1);
		expect(sandbox.current.sentMessages).toEqual([]);
	});

	it('explains a Page without calling', async () => {
		sandbox.current.updateObject(DEMO.pageId, { callingEnabled: false });
		const result = await runMessenger(sandbox.current, prompt());
		expect(result.error?.message).toBe('(#138000) Calling not enabled');
		expect(result.error?.code).toBe(138000);
		expect(result.error?.description).toMatch(/^Calling not enabled: The Page does not have calling enabled Calling is not turned on for this Page/);
		expect(result.error?.description).toMatch(/code 138000, fbtrace_id \S+\.$/);
		expect(result.error?.description).not.toMatch(/phone number/);
	});

	it('explains the messaging window', async () => {
		sandbox.current.addRecipient({ id: '5000000000000009', withinWindow: false });
		const result = await runMessenger(sandbox.current, prompt({ recipientId: '5000000000000009' }));
		expect(result.error?.message).toContain('outside of allowed window');
		expect(result.error?.description).toMatch(/24 hours/);
		expect(result.error?.error_subcode).toBe(2018278);
	});

	it('explains a missing permission', async () => {
		sandbox.current.updateObject(DEMO.pageId, { canSendMessages: false });
		const result = await runMessenger(sandbox.current, prompt());
		expect(result.error?.code).toBe(200);
		expect(result.error?.description).toMatch(/pages_messaging/);
	});
});
