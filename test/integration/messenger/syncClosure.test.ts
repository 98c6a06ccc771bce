import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { feedClock } from '../../../tools/sandbox/calendar/feeds';
import { DEMO, jsonOf, persisted, runMessenger, storedSettings, useSandbox, writes } from './setup';

const sandbox = useSandbox();
const LA = 'America/Los_Angeles'; // the demo Page's call hours timezone

// The closures feed has an all-day "Company offsite" 10 days ahead; the days before and after are free.
const offsite = () => feedClock(new Date()).iso(10);
const noonLA = (date: string, days = 0) => DateTime.fromISO(`${date}T12:00`, { zone: LA }).plus({ days }).toISO() as string;
const before = () => noonLA(offsite(), -1);
const during = () => noonLA(offsite());
const after = () => noonLA(offsite(), 1);

const syncClosure = (at: string, extra: IDataObject = {}) => ({
	resource: 'callSettings',
	operation: 'syncClosure',
	calendarSource: 'ical',
	calendarUrl: `${sandbox.current.url}/calendars/closures.ics`,
	at,
	...extra,
	options: { verifyWrites: false, ...((extra.options as IDataObject) ?? {}) },
});
const syncSnapshots = (staticData: IDataObject) => (staticData.global as IDataObject | undefined)?.messengerCallingSyncSnapshots as IDataObject | undefined;

describe('callSettings syncClosure (snapshot kept in the workflow)', () => {
	it('before, during, after a closure: none → closed → none → restored, and the restore is exact', async () => {
		const open = storedSettings(sandbox.current);

		const [first] = jsonOf(await runMessenger(sandbox.current, syncClosure(before())));
		expect(first).toMatchObject({ action: 'none', reason: 'open', closure: null, timezoneId: LA, changed: [], snapshot: null });
		// the next flip: the offsite starts at midnight in the Page's timezone
		expect(first.nextChangeAt).toBe(DateTime.fromISO(offsite(), { zone: LA }).toISO({ suppressMilliseconds: true }));
		expect(writes(sandbox.current)).toEqual([]);

		const closing = await runMessenger(sandbox.current, syncClosure(during(), { closeMode: 'both' }));
		const [closed] = jsonOf(closing);
		expect(closed).toMatchObject({ action: 'closed', reason: 'closure_started', changed: ['icon_enabled', 'call_hours'], closure: { summary: 'Company offsite' } });
		expect(closed.nextChangeAt).toBe(DateTime.fromISO(offsite(), { zone: LA }).plus({ days: 1 }).toISO({ suppressMilliseconds: true }));
		// every field this node manages, as it was (video_enabled too, as in Close Calling's snapshot)
		expect(open).toHaveProperty('video_enabled');
		expect((closed.snapshot as IDataObject).settings).toEqual(open);
		expect(storedSettings(sandbox.current)).toMatchObject({ icon_enabled: false, call_hours: { timezone_id: LA, weekly_operating_hours: [] } });
		// As Close Calling: the icon goes first.
		expect(writes(sandbox.current).map((r) => Object.keys(r.body as object))).toEqual([['icon_enabled'], ['call_hours']]);
		expect(syncSnapshots(closing.staticData)).toEqual({ [DEMO.pageId]: closed.snapshot });

		sandbox.current.clearRequests();
		const again = await runMessenger(sandbox.current, syncClosure(during()), { staticData: persisted(closing.staticData) });
		expect(jsonOf(again)[0]).toMatchObject({ action: 'none', reason: 'already_closed' });
		expect(writes(sandbox.current)).toEqual([]);

		sandbox.current.clearRequests();
		const reopening = await runMessenger(sandbox.current, syncClosure(after()), { staticData: persisted(again.staticData) });
		expect(jsonOf(reopening)[0]).toMatchObject({ action: 'restored', reason: 'closure_ended', snapshot: null });
		// As Restore Calling: the hours come back first, the icon shows last.
		expect(writes(sandbox.current).map((r) => Object.keys(r.body as object))).toEqual([['call_hours'], ['icon_enabled']]);
		expect(storedSettings(sandbox.current)).toEqual(open);
		expect(syncSnapshots(reopening.staticData)).toEqual({});

		sandbox.current.clearRequests();
		const later = await runMessenger(sandbox.current, syncClosure(after()), { staticData: persisted(reopening.staticData) });
		expect(jsonOf(later)[0]).toMatchObject({ action: 'none', reason: 'open' });
		expect(writes(sandbox.current)).toEqual([]);
	});

	it('a snapshot of a hand-made Close Calling is not undone by the calendar sync', async () => {
		const closing = await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'closeCalling', closeMode: 'hideIcon' });
		sandbox.current.clearRequests();
		const out = await runMessenger(sandbox.current, syncClosure(after()), { staticData: persisted(closing.staticData) });
		expect(jsonOf(out)[0]).toMatchObject({ action: 'none', reason: 'open' });
		expect(writes(sandbox.current)).toEqual([]);
		expect(sandbox.current.page(DEMO.pageId).icon_enabled).toBe(false);
	});
});

describe('callSettings syncClosure across executions without workflow memory (queue mode)', () => {
	it('snapshot passed in and out (a Data table between runs)', async () => {
		const open = storedSettings(sandbox.current);
		const [closed] = jsonOf(await runMessenger(sandbox.current, syncClosure(during(), { closeMode: 'closeHours' })));
		expect(closed.action).toBe('closed');
		// A fresh execution (no static data) that is handed the snapshot: still closed, nothing written.
		sandbox.current.clearRequests();
		const snapshot = JSON.stringify(closed.snapshot);
		expect(jsonOf(await runMessenger(sandbox.current, syncClosure(during(), { snapshot })))[0]).toMatchObject({ action: 'none', reason: 'already_closed' });
		expect(writes(sandbox.current)).toEqual([]);
		expect(jsonOf(await runMessenger(sandbox.current, syncClosure(after(), { snapshot })))[0]).toMatchObject({ action: 'restored', changed: ['call_hours'] });
		expect(storedSettings(sandbox.current)).toEqual(open);
	});

	it('openState parameters: the normal state comes from the node, nothing is remembered', async () => {
		const normal = {
			openState: 'parameters',
			timezoneId: 'Europe/Berlin',
			weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '0800', closeTime: '1200' }] },
			iconEnabled: true,
			ringTarget: 'META',
		};
		// Berlin is now the zone: the offsite is read as a Berlin day
		const berlinNoon = (days: number) => DateTime.fromISO(`${offsite()}T12:00`, { zone: 'Europe/Berlin' }).plus({ days }).toISO() as string;
		const [outside] = jsonOf(await runMessenger(sandbox.current, syncClosure(berlinNoon(-1), normal)));
		// The Page's own hours differ from the normal state: it is put into it.
		expect(outside).toMatchObject({ action: 'restored', reason: 'no_closure', changed: ['call_hours'] });
		const [closed] = jsonOf(await runMessenger(sandbox.current, syncClosure(berlinNoon(0), normal)));
		expect(closed).toMatchObject({ action: 'closed', timezoneId: 'Europe/Berlin' });
		expect(closed.snapshot).toBeUndefined();
		const [reopened] = jsonOf(await runMessenger(sandbox.current, syncClosure(berlinNoon(1), normal)));
		expect(reopened).toMatchObject({ action: 'restored' });
		expect(storedSettings(sandbox.current)).toMatchObject({
			icon_enabled: true,
			call_routing: { ring_target: 'META' },
			call_hours: { timezone_id: 'Europe/Berlin', weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0800', close_time: '1200' }] },
		});
	});

	it('a broken feed changes nothing and sends no request to Meta', async () => {
		const result = await runMessenger(sandbox.current, syncClosure(during(), { calendarUrl: `${sandbox.current.url}/calendars/broken.ics` }));
		expect(result.error?.message).toBe('Calendar URL: is not an iCalendar feed: it does not start with BEGIN:VCALENDAR');
		expect(sandbox.current.requests).toEqual([]);
	});

	it('public holidays close the Page on a public holiday of its country', async () => {
		const christmas = `${DateTime.now().setZone(LA).year}-12-25T12:00:00`;
		const [out] = jsonOf(
			await runMessenger(sandbox.current, syncClosure(DateTime.fromISO(christmas, { zone: LA }).toISO() as string, {
				calendarSource: 'publicHolidays',
				countryCode: 'US',
				closeMode: 'hideIcon',
				options: { publicHolidaysBaseUrl: sandbox.current.url },
			})),
		);
		expect(out).toMatchObject({ action: 'closed', closure: { summary: 'Christmas Day' }, changed: ['icon_enabled'] });
	});
});
