import type { IDataObject } from 'n8n-workflow';

import { DEMO, NINE_TO_FIVE, jsonOf, runMessenger, storedSettings, useSandbox, weeklyHours, writes } from './setup';

const sandbox = useSandbox();

describe('callSettings get', () => {
	it('reads every field by default, with Meta’s field names', async () => {
		const [out] = jsonOf(await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'get' }));
		expect(out).toEqual({
			pageId: DEMO.pageId,
			settings: {
				call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: NINE_TO_FIVE },
				call_routing: { ring_target: 'META' },
				icon_enabled: true,
				audio_enabled: true,
				video_enabled: false,
			},
		});
		const [request] = sandbox.current.requests;
		expect(`${request.method} ${request.path}`).toBe(`GET /${DEMO.pageId}/messenger_call_settings`);
		expect(request.query.fields).toBe('call_hours,call_routing,icon_enabled,audio_enabled,video_enabled');
	});

	it('asks only for the chosen fields', async () => {
		const [out] = jsonOf(
			await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'get', fields: ['icon_enabled'] }),
		);
		expect(out).toEqual({ pageId: DEMO.pageId, settings: { icon_enabled: true } });
		expect(sandbox.current.requests[0].query.fields).toBe('icon_enabled');
	});

	it('reads the {"data": [...]} answer and lowercase enums the same way', async () => {
		sandbox.current.updateObject(DEMO.pageId, { answerStyle: { dataArray: true, lowercaseEnums: true } });
		const [out] = jsonOf(await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'get' }));
		expect((out.settings as IDataObject).call_routing).toEqual({ ring_target: 'META' });
		expect((out.settings as IDataObject).call_hours).toEqual({ timezone_id: 'America/Los_Angeles', weekly_operating_hours: NINE_TO_FIVE });
	});

	it('shows a Page without hours as call_hours null', async () => {
		const [out] = jsonOf(
			await runMessenger(sandbox.current, { pageId: DEMO.pageWithoutHoursId, resource: 'callSettings', operation: 'get' }),
		);
		expect((out.settings as IDataObject).call_hours).toBeNull();
	});

	it('turns Meta’s error into a NodeApiError with Meta’s code and trace id', async () => {
		sandbox.current.addFault({ kind: 'error', error: { code: 100, message: '(#100) Invalid page-id' } });
		const result = await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'get' });
		expect(result.error?.message).toContain('Invalid page-id');
		expect(result.error?.code).toBe(100);
		expect(result.error?.fbtrace_id).toEqual(expect.any(String));
	});
});

describe('callSettings setCallHours', () => {
	const base = { resource: 'callSettings', operation: 'setCallHours', timezoneId: 'Europe/Berlin' };

	it('replaces the hours at Meta and lists the days it leaves closed', async () => {
		const [out] = jsonOf(
			await runMessenger(sandbox.current, {
				...base,
				weeklyHours: weeklyHours([
					['MONDAY', '0800', '1200'],
					['SATURDAY', '10:00', '1400'],
				]),
			}),
		);
		const stored = {
			timezone_id: 'Europe/Berlin',
			weekly_operating_hours: [
				{ day_of_week: 'MONDAY', open_time: '0800', close_time: '1200' },
				{ day_of_week: 'SATURDAY', open_time: '1000', close_time: '1400' },
			],
		};
		expect(sandbox.current.page(DEMO.pageId).call_hours).toEqual(stored);
		expect(out).toEqual({
			pageId: DEMO.pageId,
			success: true,
			settings: { call_hours: stored },
			closedDays: ['TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SUNDAY'],
		});
		expect(writes(sandbox.current).map((r) => r.body)).toEqual([{ call_hours: stored }]);
	});

	it.each([
		['a time that is not hhmm', 'Europe/Berlin', [['MONDAY', '9am', '1700']], /Weekly Hours › Opening Window 1 › Open Time: must be a time as hhmm/],
		['close before open', 'Europe/Berlin', [['MONDAY', '1700', '0900']], /^Weekly Hours › Opening Window 1 › Close Time: must be later than the open time/],
		['two windows on one day', 'Europe/Berlin', [['MONDAY', '0800', '1000'], ['MONDAY', '1100', '1200']], /^Weekly Hours › Opening Window 2 › Day of Week: one entry per day .*; MONDAY is also in Weekly Hours › Opening Window 1$/],
		['an unknown timezone', 'Berlin', [['MONDAY', '0900', '1700']], /Timezone: must be an IANA timezone/],
	] as Array<[string, string, Array<[string, string, string]>, RegExp]>)(
		'refuses %s before any request',
		async (_case, timezoneId, entries, message) => {
			const before = storedSettings(sandbox.current);
			const result = await runMessenger(sandbox.current, { ...base, timezoneId, weeklyHours: weeklyHours(entries) });
			expect(result.error?.message).toMatch(message);
			expect(sandbox.current.requests).toEqual([]);
			expect(storedSettings(sandbox.current)).toEqual(before);
		},
	);

	it('closes every day only with allowAllClosed', async () => {
		const refused = await runMessenger(sandbox.current, { ...base, weeklyHours: {} });
		expect(refused.error?.message).toMatch(/^Weekly Hours: /);
		expect(sandbox.current.requests).toEqual([]);

		const [out] = jsonOf(await runMessenger(sandbox.current, { ...base, weeklyHours: {}, options: { allowAllClosed: true } }));
		expect(sandbox.current.page(DEMO.pageId).call_hours).toEqual({ timezone_id: 'Europe/Berlin', weekly_operating_hours: [] });
		expect(out.closedDays).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
	});

	it('dry run validates, shows the request and sends nothing', async () => {
		const [out] = jsonOf(
			await runMessenger(sandbox.current, {
				...base,
				weeklyHours: weeklyHours([['FRIDAY', '0900', '1700']]),
				options: { dryRun: true },
			}),
		);
		expect(sandbox.current.requests).toEqual([]);
		expect(out.dryRun).toBe(true);
		expect(out.request).toMatchObject({
			method: 'POST',
			url: `${sandbox.current.url}/v26.0/${DEMO.pageId}/messenger_call_settings`,
			body: { call_hours: { timezone_id: 'Europe/Berlin' } },
		});
		expect(JSON.stringify(out)).not.toContain('sandbox-access-token');
	});
});

describe('callSettings setIconVisibility and setCallRouting', () => {
	it('hides the icon', async () => {
		const [out] = jsonOf(
			await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'setIconVisibility', iconEnabled: false }),
		);
		expect(sandbox.current.page(DEMO.pageId).icon_enabled).toBe(false);
		expect(out).toEqual({ pageId: DEMO.pageId, success: true, settings: { icon_enabled: false } });
		expect(writes(sandbox.current).map((r) => r.body)).toEqual([{ icon_enabled: false }]);
	});

	it('treats Meta’s {"result": "failure"} as an error', async () => {
		sandbox.current.addFault({ kind: 'http', method: 'POST', status: 200, body: '{"result":"failure"}' });
		const result = await runMessenger(sandbox.current, {
			resource: 'callSettings',
			operation: 'setIconVisibility',
			iconEnabled: false,
		});
		expect(result.error?.message).toBe('Meta did not apply the change of icon_enabled');
	});

	it('routes calls to partners when the Page is eligible', async () => {
		const [out] = jsonOf(
			await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'setCallRouting', ringTarget: 'PARTNERS' }),
		);
		expect(sandbox.current.page(DEMO.pageId).call_routing).toEqual({ ring_target: 'PARTNERS' });
		expect(out).toEqual({ pageId: DEMO.pageId, success: true, settings: { call_routing: { ring_target: 'PARTNERS' } } });
	});

	it('passes Meta’s "Page not yet eligible" on', async () => {
		sandbox.current.updateObject(DEMO.pageId, { partnersEligible: false });
		const result = await runMessenger(sandbox.current, {
			resource: 'callSettings',
			operation: 'setCallRouting',
			ringTarget: 'PARTNERS',
		});
		expect(`${result.error?.message} ${result.error?.description}`).toContain('Page not yet eligible');
		expect(sandbox.current.page(DEMO.pageId).call_routing).toEqual({ ring_target: 'META' });
	});

	it('refuses an unknown ring target and a Page ID that is not a number, before any request', async () => {
		const bad = await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'setCallRouting', ringTarget: 'BOTH' });
		expect(bad.error?.message).toMatch(/^Ring Target: must be META or PARTNERS/);
		const page = await runMessenger(sandbox.current, { pageId: 'my-page', resource: 'callSettings', operation: 'get' });
		expect(page.error?.message).toMatch(/^Page ID: must be the numeric ID/);
		expect(sandbox.current.requests).toEqual([]);
	});
});
