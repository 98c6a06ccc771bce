import { DEMO, jsonOf, runMessenger, useSandbox } from './setup';

const sandbox = useSandbox();

const check = (at: string, extra: Record<string, unknown> = {}) => ({ resource: 'availability', operation: 'check', at, ...extra });

describe('availability check', () => {
	it('is open within the Page’s hours, in the Page’s timezone', async () => {
		// Monday 10:00 in Los Angeles
		const [out] = jsonOf(await runMessenger(sandbox.current, check('2026-05-04T10:00:00-07:00')));
		expect(out).toMatchObject({ pageId: DEMO.pageId, open: true, reason: 'within_hours', timezoneId: 'America/Los_Angeles' });
		expect(new Date(out.nextCloseAt as string).toISOString()).toBe('2026-05-05T00:00:00.000Z');
		expect(sandbox.current.requests[0].query.fields).toBe('call_hours,icon_enabled');
	});

	it('is closed outside the hours and says when it opens', async () => {
		// Sunday noon in Los Angeles
		const [out] = jsonOf(await runMessenger(sandbox.current, check('2026-05-03T12:00:00-07:00')));
		expect(out).toMatchObject({ open: false, reason: 'outside_hours' });
		expect(new Date(out.nextOpenAt as string).toISOString()).toBe('2026-05-04T16:00:00.000Z');
	});

	it('is closed while the icon is hidden, and after closeCalling', async () => {
		await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'closeCalling', closeMode: 'hideIcon' });
		const [out] = jsonOf(await runMessenger(sandbox.current, check('2026-05-04T10:00:00-07:00')));
		expect(out).toMatchObject({ open: false, reason: 'icon_hidden' });
	});

	it('is open at any time for a Page without hours', async () => {
		const [out] = jsonOf(
			await runMessenger(sandbox.current, check('2026-05-03T03:00:00Z', { pageId: DEMO.pageWithoutHoursId })),
		);
		expect(out).toMatchObject({ open: true, reason: 'no_call_hours', timezoneId: null });
	});

	it('refuses a moment that is not a date-time', async () => {
		const result = await runMessenger(sandbox.current, check('next tuesday'));
		expect(result.error?.message).toMatch(/^At: must be a date and time/);
		expect(sandbox.current.requests).toEqual([]);
	});
});

describe('many items', () => {
	const pages = [DEMO.pageId, DEMO.pageWithoutHoursId, 'not-a-page', DEMO.pageId];
	const items = pages.map((pageId) => ({ json: { pageId } }));

	it('keeps input order and pairs every output item, with continueOnFail giving an error item in place', async () => {
		sandbox.current.setLatency(20);
		const result = await runMessenger(
			sandbox.current,
			{ pageId: '={{ $json.pageId }}', resource: 'callSettings', operation: 'get', fields: ['call_hours'] },
			{ items, continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		const json = result.items.map((item) => item.json);
		expect(json[0]).toMatchObject({ pageId: DEMO.pageId, settings: { call_hours: { timezone_id: 'America/Los_Angeles' } } });
		expect(json[1]).toEqual({ pageId: DEMO.pageWithoutHoursId, settings: { call_hours: null } });
		expect(json[2].error).toMatch(/^Page ID: must be the numeric ID/);
		expect(json[2]).toMatchObject({ field: 'pageId' });
		expect(json[3].pageId).toBe(DEMO.pageId);
		expect(sandbox.current.requests).toHaveLength(3);
	});

	it('without continueOnFail the node fails on the first bad item', async () => {
		const result = await runMessenger(
			sandbox.current,
			{ pageId: '={{ $json.pageId }}', resource: 'callSettings', operation: 'get' },
			{ items },
		);
		expect(result.error?.message).toMatch(/^Page ID: /);
		expect(result.items).toEqual([]);
	});

	it('closes many Pages in one run, each with its own snapshot, with a fixed concurrency', async () => {
		const result = await runMessenger(
			sandbox.current,
			{
				pageId: '={{ $json.pageId }}',
				resource: 'callSettings',
				operation: 'closeCalling',
				closeMode: 'both',
				options: { concurrency: '2' },
			},
			{ items: [DEMO.pageId, DEMO.pageWithoutHoursId].map((pageId) => ({ json: { pageId } })) },
		);
		const json = jsonOf(result);
		expect(json.map((j) => j.pageId)).toEqual([DEMO.pageId, DEMO.pageWithoutHoursId]);
		expect(sandbox.current.page(DEMO.pageId).icon_enabled).toBe(false);
		expect(sandbox.current.page(DEMO.pageWithoutHoursId).icon_enabled).toBe(false);
		const kept = (result.staticData.global as Record<string, Record<string, unknown>>).messengerCallingSnapshots;
		expect(Object.keys(kept).sort()).toEqual([DEMO.pageId, DEMO.pageWithoutHoursId]);
	});

	it('sends one call prompt per item, none twice', async () => {
		const result = await runMessenger(
			sandbox.current,
			{ resource: 'message', operation: 'sendCallPrompt', recipientId: DEMO.psid, ttlDays: '={{ $json.days }}' },
			{ items: [1, 2, 3].map((days) => ({ json: { days } })) },
		);
		const json = jsonOf(result);
		expect(sandbox.current.sentMessages.map((m) => m.callPromptTtlDays).sort()).toEqual([1, 2, 3]);
		// outputs follow the input, whatever order the sends finished in
		const idsByTtl = new Map(sandbox.current.sentMessages.map((m) => [m.callPromptTtlDays, m.messageId]));
		expect(json.map((j) => j.messageId)).toEqual([1, 2, 3].map((days) => idsByTtl.get(days)));
	});
});
