import { DEMO, berlinDate, runWhatsApp, useSandbox, writes } from './setup';

const sandbox = useSandbox();

const bulkId = (i: number) => (BigInt(DEMO.bulkPhoneNumberBase) + BigInt(i)).toString();
const byItem = { phoneNumberId: '={{ $json.id }}' };

describe('many items', () => {
	it('runs 40 holiday adds concurrently, output in input order, each paired and stored', async () => {
		sandbox.current.reset({ bulkPhoneNumbers: 40 });
		sandbox.current.setLatency(15);
		const items = Array.from({ length: 40 }, (_, i) => ({ json: { id: bulkId(i), date: berlinDate(1 + (i % 25)) } }));
		const result = await runWhatsApp(
			sandbox.current,
			{ ...byItem, resource: 'holidaySchedule', operation: 'add', holidaysInput: 'json', holidaysJson: '={{ [$json.date] }}' },
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(40);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ phoneNumberId: bulkId(i), added: [items[i].json.date] });
			expect(sandbox.current.phoneNumber(bulkId(i)).calling.call_hours?.holiday_schedule).toEqual([
				{ date: items[i].json.date, start_time: '0000', end_time: '2359' },
			]);
		});
		// concurrent, not one after the other: item 1 read before item 0 wrote
		expect(sandbox.current.requests.slice(0, 2).map((r) => r.method)).toEqual(['GET', 'GET']);
	});

	it('many items changing the same number take turns, so no holiday is lost', async () => {
		sandbox.current.setLatency(10);
		const dates = Array.from({ length: 12 }, (_, i) => berlinDate(i + 2));
		const items = dates.map((date) => ({ json: { date } }));
		const result = await runWhatsApp(
			sandbox.current,
			{ resource: 'holidaySchedule', operation: 'add', holidaysInput: 'json', holidaysJson: '={{ [$json.date] }}' },
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours?.holiday_schedule.map((h) => h.date)).toEqual(dates);
		expect(result.items.map((i) => i.json.added)).toEqual(dates.map((d) => [d]));
		// each write was read back by the next item (GET, POST, GET, POST, ...), and every write was checked
		// by one more read a few seconds later
		const methods = sandbox.current.requests.map((r) => r.method);
		expect(methods.slice(0, 2 * dates.length).join(' ')).toMatch(/^(GET POST ?)+$/);
		expect(methods.filter((m) => m === 'POST')).toHaveLength(dates.length);
		expect(methods.filter((m) => m === 'GET')).toHaveLength(2 * dates.length);
		expect(result.items.map((i) => [i.json.writes, i.json.verified])).toEqual(dates.map(() => [1, true]));
	});

	it('pairs every holiday of every input when one input gives several items', async () => {
		sandbox.current.reset({ bulkPhoneNumbers: 2 });
		const hours = (id: string) => sandbox.current.phoneNumber(id).calling.call_hours!;
		hours(bulkId(0)).holiday_schedule = [berlinDate(3), berlinDate(4)].map((date) => ({ date, start_time: '0000', end_time: '2359' }));
		hours(bulkId(1)).holiday_schedule = [{ date: berlinDate(5), start_time: '0000', end_time: '2359' }];
		const result = await runWhatsApp(
			sandbox.current,
			{ ...byItem, resource: 'holidaySchedule', operation: 'get' },
			{ items: [{ json: { id: bulkId(0) } }, { json: { id: bulkId(1) } }] },
		);
		expect(result.items.map((i) => [i.json.date, i.pairedItem])).toEqual([
			[berlinDate(3), { item: 0 }],
			[berlinDate(4), { item: 0 }],
			[berlinDate(5), { item: 1 }],
		]);
	});

	it('continueOnFail: an error item for each failing input only, the others written', async () => {
		sandbox.current.reset({ bulkPhoneNumbers: 2 });
		const items = [{ id: bulkId(0) }, { id: 'not-a-number' }, { id: bulkId(1) }, { id: '3999999999999999' }].map((json) => ({ json }));
		const result = await runWhatsApp(
			sandbox.current,
			{ ...byItem, resource: 'callingSettings', operation: 'update', updateFields: { callbackPermissionStatus: 'ENABLED' } },
			{ items, continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toMatchObject({ success: true, phoneNumberId: bulkId(0) });
		expect(result.items[1].json).toMatchObject({ field: 'phoneNumberId', error: expect.stringMatching(/^Phone Number ID: must be the numeric ID/) });
		expect(result.items[2].json).toMatchObject({ success: true, phoneNumberId: bulkId(1) });
		expect(result.items[3].json.error).toBeDefined();
		expect(result.items[3].json.code).toBe(100);
		expect(sandbox.current.phoneNumber(bulkId(0)).calling.callback_permission_status).toBe('ENABLED');
		expect(sandbox.current.phoneNumber(bulkId(1)).calling.callback_permission_status).toBe('ENABLED');
		expect(writes(sandbox.current).map((r) => r.path).sort()).toEqual(
			[`/${bulkId(0)}/settings`, `/${bulkId(1)}/settings`, '/3999999999999999/settings'].sort(),
		);
	});

	it('without continueOnFail the node fails on the first bad item, naming it', async () => {
		const result = await runWhatsApp(
			sandbox.current,
			{ ...byItem, resource: 'callingSettings', operation: 'get' },
			{ items: [{ json: { id: DEMO.phoneNumberId } }, { json: { id: 'x' } }] },
		);
		expect(result.error?.message).toMatch(/^Phone Number ID: must be the numeric ID/);
		expect((result.error?.context as { itemIndex?: number } | undefined)?.itemIndex).toBe(1);
	});

	it('one invalid item among several holiday adds, with Stop: nothing is read or written for any item', async () => {
		sandbox.current.reset({ bulkPhoneNumbers: 4 });
		const items = [berlinDate(2), berlinDate(3), '2026-02-30', berlinDate(4)].map((date, i) => ({ json: { id: bulkId(i), date } }));
		const result = await runWhatsApp(
			sandbox.current,
			{ ...byItem, resource: 'holidaySchedule', operation: 'add', holidaysInput: 'json', holidaysJson: '={{ [$json.date] }}' },
			{ items },
		);
		expect(result.error?.message).toMatch(/^Holidays \(JSON\) › entry 1 › date/);
		expect((result.error?.context as { itemIndex?: number } | undefined)?.itemIndex).toBe(2);
		expect(writes(sandbox.current)).toEqual([]);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('Meta refusing one of several concurrent writes, with Stop: the error says which items were applied', async () => {
		sandbox.current.reset({ bulkPhoneNumbers: 2 });
		sandbox.current.setLatency(20);
		const items = [bulkId(0), '3999999999999999', bulkId(1)].map((id) => ({ json: { id } }));
		const result = await runWhatsApp(
			sandbox.current,
			{ ...byItem, resource: 'callingSettings', operation: 'update', updateFields: { callbackPermissionStatus: 'ENABLED' } },
			{ items },
		);
		expect(result.error?.code).toBe(100);
		expect((result.error?.context as { itemIndex?: number } | undefined)?.itemIndex).toBe(1);
		// the three were in flight together; the ones Meta accepted are named as applied
		expect(sandbox.current.phoneNumber(bulkId(0)).calling.callback_permission_status).toBe('ENABLED');
		expect(sandbox.current.phoneNumber(bulkId(1)).calling.callback_permission_status).toBe('ENABLED');
		expect(result.error?.description).toMatch(/ Applied: items 0, 2\. Not applied: item 1 \(failed\)\.$/);
	});

	it('Meta refusing the first of several writes to one number, with Stop: the items waiting for that number send nothing', async () => {
		sandbox.current.reset({ bulkPhoneNumbers: 1 });
		sandbox.current.addFault({ kind: 'error', method: 'POST', error: { code: 100, message: '(#100) Invalid parameter' } });
		// Three holiday adds on one number take turns (one queue per number): items 1 and 2 wait while item 0 is refused.
		const items = [2, 3, 4].map((days) => ({ json: { id: bulkId(0), date: berlinDate(days) } }));
		const result = await runWhatsApp(
			sandbox.current,
			{ ...byItem, resource: 'holidaySchedule', operation: 'add', holidaysInput: 'json', holidaysJson: '={{ [$json.date] }}' },
			{ items },
		);
		expect(result.error?.code).toBe(100);
		expect((result.error?.context as { itemIndex?: number } | undefined)?.itemIndex).toBe(0);
		expect(writes(sandbox.current)).toHaveLength(1);
		// (The next item's read may leave as the queue hands over, before the failure is recorded: a read changes nothing.)
		expect(sandbox.current.phoneNumber(bulkId(0)).calling.call_hours?.holiday_schedule ?? []).toEqual([]);
		expect(result.error?.description).toMatch(/ Not applied: items 0 \(failed\), 1-2 \(not started\)\.$/);
	});

	it('dry run over many items sends no write', async () => {
		sandbox.current.reset({ bulkPhoneNumbers: 10 });
		const items = Array.from({ length: 10 }, (_, i) => ({ json: { id: bulkId(i) } }));
		const result = await runWhatsApp(
			sandbox.current,
			{ ...byItem, resource: 'holidaySchedule', operation: 'add', holidays: { holiday: [{ date: berlinDate(2) }] }, options: { dryRun: true } },
			{ items },
		);
		expect(result.items.map((i) => (i.json.request as { url: string }).url)).toEqual(
			items.map((i) => `${sandbox.current.url}/v26.0/${i.json.id}/settings`),
		);
		expect(writes(sandbox.current)).toEqual([]);
		expect(sandbox.current.requests).toHaveLength(10);
	});

	it('an operation the node does not offer is one clear error, before any request', async () => {
		const result = await runWhatsApp(sandbox.current, { resource: 'holidaySchedule', operation: 'delete' });
		expect(result.error?.message).toBe('The operation "delete" of resource "holidaySchedule" is not supported');
		expect(sandbox.current.requests).toEqual([]);
	});
});
