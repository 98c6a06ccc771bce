import type { NodeParameterValueType } from 'n8n-workflow';

import { DEMO, runMessenger, useSandbox, weeklyHours, writes } from './setup';

/*
 * Issue 19, item 5: Button Active (Days) read "0x10" as 16 and "1e9" as a billion days; the timezone
 * "utc" went to Meta lower-case. Refused values stop before any request, in the labels on screen.
 */
const sandbox = useSandbox();

const prompt = (ttlDays: NodeParameterValueType) => ({ resource: 'message', operation: 'sendCallPrompt', recipientId: DEMO.psid, ttlDays });

describe('message sendCallPrompt refuses Button Active (Days), before any request', () => {
	it.each([
		['1e9 (a number)', 1e9, '1000000000'],
		['2^53 + 2 (a number)', 2 ** 53 + 2, '9007199254740994'],
		['31 (past 30 days)', 31, '31'],
		['"0x10" (from an expression)', '={{ "0x10" }}', '"0x10"'],
		['"1e9" (from an expression)', '={{ "1e9" }}', '"1e9"'],
		['"9007199254740994" (from an expression)', '={{ "9007199254740994" }}', '"9007199254740994"'],
	])('%s', async (_name, ttlDays, shown) => {
		const result = await runMessenger(sandbox.current, prompt(ttlDays));
		expect(result.error?.message).toBe(`Button Active (Days): must be a whole number of days from 1 to 30 (got ${shown})`);
		expect(sandbox.current.requests).toEqual([]);
		expect(sandbox.current.sentMessages).toEqual([]);
	});

	it('sends decimal days from an expression', async () => {
		const result = await runMessenger(sandbox.current, prompt('={{ "30" }}'));
		expect(result.error).toBeUndefined();
		expect(sandbox.current.sentMessages.map((m) => m.callPromptTtlDays)).toEqual([30]);
	});
});

describe('callSettings setCallHours sends the timezone as IANA spells it', () => {
	it('"utc" is sent as "UTC"', async () => {
		const result = await runMessenger(sandbox.current, {
			resource: 'callSettings',
			operation: 'setCallHours',
			timezoneId: 'utc',
			weeklyHours: weeklyHours([['MONDAY', '0900', '1700']]),
		});
		expect(result.error).toBeUndefined();
		const [write] = writes(sandbox.current);
		expect((write.body as { call_hours: { timezone_id: string } }).call_hours.timezone_id).toBe('UTC');
		expect(sandbox.current.page(DEMO.pageId).call_hours?.timezone_id).toBe('UTC');
	});
});
