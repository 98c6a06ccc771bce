import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { hoursArb } from '../../unit/messenger/pageModel';
import {
	DEMO,
	NINE_TO_FIVE,
	jsonOf,
	keptSnapshots,
	persisted,
	runMessenger,
	storedSettings,
	useSandbox,
	writes,
} from './setup';

const sandbox = useSandbox();

const close = (closeMode: string, extra: IDataObject = {}) => ({
	resource: 'callSettings',
	operation: 'closeCalling',
	closeMode,
	...extra,
});
const restore = (extra: IDataObject = {}) => ({ resource: 'callSettings', operation: 'restoreCalling', ...extra });

describe('closeCalling', () => {
	it('both: reads every field, hides the icon, empties the week in the same timezone, outputs the snapshot', async () => {
		const before = storedSettings(sandbox.current);
		const result = await runMessenger(sandbox.current, close('both'));
		const [out] = jsonOf(result);

		expect(sandbox.current.requests[0]).toMatchObject({ method: 'GET', query: { fields: 'call_hours,call_routing,icon_enabled,audio_enabled,video_enabled' } });
		expect(writes(sandbox.current).map((r) => r.body)).toEqual([
			{ icon_enabled: false },
			{ call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: [] } },
		]);
		expect(storedSettings(sandbox.current)).toEqual({
			...before,
			icon_enabled: false,
			call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: [] },
		});
		expect(out).toMatchObject({ pageId: DEMO.pageId, closeMode: 'both', changed: ['icon_enabled', 'call_hours'], alreadyClosed: false });
		expect((out.snapshot as IDataObject).settings).toEqual({
			call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: NINE_TO_FIVE },
			call_routing: { ring_target: 'META' },
			icon_enabled: true,
			audio_enabled: true,
			video_enabled: false,
		});
		// kept in the workflow for a later restore, keyed by Page
		expect(keptSnapshots(result.staticData)).toEqual({ [DEMO.pageId]: out.snapshot });
	});

	it('hideIcon leaves the hours; closeHours leaves the icon', async () => {
		await runMessenger(sandbox.current, close('hideIcon'));
		expect(sandbox.current.page(DEMO.pageId).call_hours?.weekly_operating_hours).toEqual(NINE_TO_FIVE);
		expect(sandbox.current.page(DEMO.pageId).icon_enabled).toBe(false);
		sandbox.current.reset();
		await runMessenger(sandbox.current, close('closeHours'));
		expect(sandbox.current.page(DEMO.pageId).call_hours?.weekly_operating_hours).toEqual([]);
		expect(sandbox.current.page(DEMO.pageId).icon_enabled).toBe(true);
	});

	it('never gives hours to a Page that has none', async () => {
		const both = jsonOf(await runMessenger(sandbox.current, close('both', { pageId: DEMO.pageWithoutHoursId })))[0];
		expect(sandbox.current.page(DEMO.pageWithoutHoursId).call_hours).toBeUndefined();
		expect(sandbox.current.page(DEMO.pageWithoutHoursId).icon_enabled).toBe(false);
		expect(both.changed).toEqual(['icon_enabled']);
		expect(both.note).toMatch(/no call hours/);

		sandbox.current.reset();
		const refused = await runMessenger(sandbox.current, close('closeHours', { pageId: DEMO.pageWithoutHoursId }));
		expect(refused.error?.message).toMatch(/^Close Mode: cannot close by hours: this Page has no call hours/);
		expect(writes(sandbox.current)).toEqual([]);
		expect(keptSnapshots(refused.staticData)).toBeUndefined();
	});

	it('dry run reads, shows the writes, changes nothing and keeps no snapshot', async () => {
		const before = storedSettings(sandbox.current);
		const result = await runMessenger(sandbox.current, close('both', { options: { dryRun: true } }));
		const [out] = jsonOf(result);
		expect(writes(sandbox.current)).toEqual([]);
		expect(storedSettings(sandbox.current)).toEqual(before);
		expect(out.dryRun).toBe(true);
		expect((out.requests as IDataObject[]).map((r) => r.body)).toEqual([
			{ icon_enabled: false },
			{ call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: [] } },
		]);
		expect(keptSnapshots(result.staticData)).toBeUndefined();
	});

	it('closing twice keeps the first snapshot, so the restore still reopens', async () => {
		const before = storedSettings(sandbox.current);
		const first = await runMessenger(sandbox.current, close('hideIcon'));
		const second = await runMessenger(sandbox.current, close('both'), { staticData: persisted(first.staticData) });
		const [out] = jsonOf(second);
		expect(out.alreadyClosed).toBe(true);
		expect(out.snapshot).toEqual(jsonOf(first)[0].snapshot);
		await runMessenger(sandbox.current, restore(), { staticData: persisted(second.staticData) });
		expect(storedSettings(sandbox.current)).toEqual(before);
	});
});

describe('restoreCalling', () => {
	it('from the stored snapshot: the Page is exactly as before, and the snapshot is used up', async () => {
		const before = storedSettings(sandbox.current);
		const closed = await runMessenger(sandbox.current, close('both'));
		sandbox.current.clearRequests();
		const restored = await runMessenger(sandbox.current, restore(), { staticData: persisted(closed.staticData) });
		const [out] = jsonOf(restored);
		expect(storedSettings(sandbox.current)).toEqual(before);
		expect(out).toMatchObject({ pageId: DEMO.pageId, source: 'stored', exact: true, restored: ['call_hours', 'icon_enabled'] });
		// hours first, the icon last: the Page becomes callable only once its hours are back
		expect(writes(sandbox.current).map((r) => Object.keys(r.body as object)[0])).toEqual(['call_hours', 'icon_enabled']);
		expect(keptSnapshots(restored.staticData)).toEqual({});
	});

	it('from the parameter: the whole Close Calling item or its snapshot, as JSON text or object', async () => {
		const before = storedSettings(sandbox.current);
		for (const pass of [
			(item: IDataObject) => item,
			(item: IDataObject) => item.snapshot as IDataObject,
			(item: IDataObject) => JSON.stringify(item),
		]) {
			const [item] = jsonOf(await runMessenger(sandbox.current, close('both')));
			const [out] = jsonOf(await runMessenger(sandbox.current, restore({ snapshot: pass(item) as never })));
			expect(out.source).toBe('parameter');
			expect(storedSettings(sandbox.current)).toEqual(before);
		}
	});

	it('also puts back settings changed by someone else while closed', async () => {
		const before = storedSettings(sandbox.current);
		const closed = await runMessenger(sandbox.current, close('hideIcon'));
		sandbox.current.page(DEMO.pageId).call_routing = { ring_target: 'PARTNERS' };
		sandbox.current.page(DEMO.pageId).audio_enabled = false;
		await runMessenger(sandbox.current, restore(), { staticData: persisted(closed.staticData) });
		expect(storedSettings(sandbox.current)).toEqual(before);
	});

	it('restores a Page without hours without giving it hours', async () => {
		const before = storedSettings(sandbox.current, DEMO.pageWithoutHoursId);
		const closed = await runMessenger(sandbox.current, close('both', { pageId: DEMO.pageWithoutHoursId }));
		const [out] = jsonOf(
			await runMessenger(sandbox.current, restore({ pageId: DEMO.pageWithoutHoursId }), { staticData: persisted(closed.staticData) }),
		);
		expect(storedSettings(sandbox.current, DEMO.pageWithoutHoursId)).toEqual(before);
		expect(out.exact).toBe(true);
	});

	it('says so when hours set meanwhile cannot be removed, and restores the rest', async () => {
		const closed = await runMessenger(sandbox.current, close('both', { pageId: DEMO.pageWithoutHoursId }));
		sandbox.current.page(DEMO.pageWithoutHoursId).call_hours = { timezone_id: 'UTC', weekly_operating_hours: [] };
		const [out] = jsonOf(
			await runMessenger(sandbox.current, restore({ pageId: DEMO.pageWithoutHoursId }), { staticData: persisted(closed.staticData) }),
		);
		expect(out).toMatchObject({ exact: false, notRestored: ['call_hours'], restored: ['icon_enabled'] });
		expect(sandbox.current.page(DEMO.pageWithoutHoursId).icon_enabled).toBe(true);
	});

	it('without any snapshot: a clear error and no request', async () => {
		const result = await runMessenger(sandbox.current, restore());
		expect(result.error?.message).toBe(
			`Snapshot: empty, and this workflow keeps no snapshot of Page ${DEMO.pageId} — in queue mode (or on several n8n processes) a snapshot kept in the workflow is not seen by later executions`,
		);
		// how to fix it: the Data table pattern
		expect(result.error?.description).toMatch(/Data table "Upsert".*Data table "Get".*Restore Calling with Snapshot = \{\{ \$json\.snapshot \}\}/);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('refuses another Page’s snapshot before any request', async () => {
		const [item] = jsonOf(await runMessenger(sandbox.current, close('both')));
		sandbox.current.clearRequests();
		const result = await runMessenger(sandbox.current, restore({ pageId: DEMO.pageWithoutHoursId, snapshot: item as never }));
		expect(result.error?.message).toMatch(/^Snapshot › pageId: was taken from Page 4000000000000001/);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('dry run shows the writes and keeps the stored snapshot', async () => {
		const closed = await runMessenger(sandbox.current, close('both'));
		const closedSettings = storedSettings(sandbox.current);
		const result = await runMessenger(sandbox.current, restore({ options: { dryRun: true } }), {
			staticData: persisted(closed.staticData),
		});
		const [out] = jsonOf(result);
		expect(storedSettings(sandbox.current)).toEqual(closedSettings);
		expect((out.requests as IDataObject[]).map((r) => Object.keys(r.body as object)[0])).toEqual(['call_hours', 'icon_enabled']);
		expect(keptSnapshots(result.staticData)).toHaveProperty(DEMO.pageId);
	});
});

describe('snapshots kept outside the workflow (a Data table), as in queue mode', () => {
	it('a second close given the kept snapshot outputs it again instead of the closed state; restore from it is exact', async () => {
		const before = storedSettings(sandbox.current);
		// each run starts with empty static data, as every execution on a queue-mode worker does
		const [first] = jsonOf(await runMessenger(sandbox.current, close('both')));
		const [second] = jsonOf(await runMessenger(sandbox.current, close('both', { keptSnapshot: JSON.stringify(first.snapshot) })));
		expect(second).toMatchObject({ alreadyClosed: true, changed: [], snapshot: first.snapshot });
		const [restored] = jsonOf(await runMessenger(sandbox.current, restore({ snapshot: JSON.stringify(second.snapshot) })));
		expect(restored).toMatchObject({ source: 'parameter', exact: true, verified: true });
		expect(storedSettings(sandbox.current)).toEqual(before);
	});

	it('a kept snapshot of another Page is refused before any request', async () => {
		const [first] = jsonOf(await runMessenger(sandbox.current, close('hideIcon')));
		sandbox.current.clearRequests();
		const other = { ...(first.snapshot as IDataObject), pageId: '4000000000000002' };
		const result = await runMessenger(sandbox.current, close('both', { keptSnapshot: JSON.stringify(other) }));
		expect(result.error?.message).toMatch(/^Kept Snapshot › pageId: was taken from Page 4000000000000002/);
		expect(sandbox.current.requests).toEqual([]);
	});
});

describe('close then restore against the sandbox (property, bounded)', () => {
	// The check for concurrent writers is off here (it waits seconds per write); it has tests of its own.
	const unchecked = { options: { verifyWrites: false } };
	it('returns any starting settings exactly, for every close mode', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.option(hoursArb, { nil: undefined }),
				fc.constantFrom('META' as const, 'PARTNERS' as const),
				fc.boolean(),
				fc.boolean(),
				fc.constantFrom('hideIcon', 'closeHours', 'both'),
				fc.boolean(),
				async (hours, ringTarget, icon, audio, mode, dataArray) => {
					sandbox.current.reset();
					const page = sandbox.current.page(DEMO.pageId);
					page.call_hours = hours && structuredClone(hours);
					page.call_routing = { ring_target: ringTarget };
					page.icon_enabled = icon;
					page.audio_enabled = audio;
					sandbox.current.updateObject(DEMO.pageId, { answerStyle: { dataArray } });
					const before = storedSettings(sandbox.current);

					const closed = await runMessenger(sandbox.current, close(mode, unchecked));
					if (closed.error) {
						expect(mode === 'closeHours' && hours === undefined).toBe(true);
						expect(storedSettings(sandbox.current)).toEqual(before);
						return;
					}
					const restored = await runMessenger(sandbox.current, restore(unchecked), { staticData: persisted(closed.staticData) });
					expect(restored.error).toBeUndefined();
					expect(storedSettings(sandbox.current)).toEqual(before);
				},
			),
			{ numRuns: 25 },
		);
	});
});
