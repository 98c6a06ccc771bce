import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO } from '../../tools/sandbox';
import { jsonOf, useSandbox } from './nodeTestKit';
import { runMessenger } from './messenger/setup';
import { berlinDate, runWhatsApp } from './whatsapp/setup';
import type { NodeRunResult } from './harness';

/*
 * One output shape across both action nodes (README "Output: one shape in both nodes"): every key this package writes is camelCase,
 * every item names its account (phoneNumberId or pageId), and Meta's own snake_case fields live only inside
 * Meta's objects (`calling`, `settings`, `snapshot`, `request`). Each test pins the top-level keys of one
 * operation, so a renamed or dropped key is a failing test, not a surprise in a user's workflow.
 */

const sandbox = useSandbox();
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

function onlyItem(result: NodeRunResult): IDataObject {
	if (result.error) throw result.error;
	const json = jsonOf(result);
	expect(json).toHaveLength(1);
	return json[0];
}

function expectShape(out: IDataObject, account: 'phoneNumberId' | 'pageId', keys: string[]): void {
	expect(Object.keys(out).sort()).toEqual([...keys].sort());
	expect(Object.keys(out).filter((key) => !CAMEL_CASE.test(key))).toEqual([]);
	expect(out[account]).toEqual(account === 'pageId' ? DEMO.pageId : DEMO.phoneNumberId);
}

const HOURS = { hours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' }] };
const WRITE = ['success', 'writes', 'verified'];
const KEYS_SYNC = ['phoneNumberId', ...WRITE, 'syncMode', 'timezoneId', 'holidays', 'added', 'removed', 'kept', 'deferred', 'unchanged', 'droppedPastHolidays', 'calendar', 'calendarDays'];
const KEYS_NUMBER = ['phoneNumberId', 'wabaId', 'displayPhoneNumber', 'verifiedName', 'qualityRating'];
// Nothing to change (no closure at that time): no write, so no `success`, and `writes: 0` without `verified`.
const KEYS_SYNC_CLOSURE = ['pageId', 'at', 'timezoneId', 'action', 'changed', 'closure', 'reason', 'nextChangeAt', 'snapshot', 'writes', 'calendar'];

async function whatsApp(parameters: INodeParameters): Promise<IDataObject> {
	return onlyItem(await runWhatsApp(sandbox.current, parameters));
}

async function messenger(parameters: INodeParameters): Promise<IDataObject> {
	return onlyItem(await runMessenger(sandbox.current, parameters));
}

describe('WhatsApp Calling output shape', () => {
	it('Calling Setting → Get', async () => {
		const out = await whatsApp({ resource: 'callingSettings', operation: 'get' });
		expectShape(out, 'phoneNumberId', ['phoneNumberId', 'calling', 'restrictions']);
	});

	it('Calling Setting → Update', async () => {
		const out = await whatsApp({ resource: 'callingSettings', operation: 'update', updateFields: { callIconVisibility: 'DEFAULT' } });
		expectShape(out, 'phoneNumberId', ['phoneNumberId', 'success', 'calling']);
	});

	it('Calling Setting → Update, dry run', async () => {
		const out = await whatsApp({
			resource: 'callingSettings',
			operation: 'update',
			updateFields: { callIconVisibility: 'DEFAULT' },
			options: { dryRun: true },
		});
		expectShape(out, 'phoneNumberId', ['phoneNumberId', 'dryRun', 'request', 'calling']);
	});

	it('Calling Setting → Set Call Hours', async () => {
		const out = await whatsApp({ resource: 'callingSettings', operation: 'setCallHours', timezoneId: 'Europe/Berlin', weeklyHours: HOURS });
		expectShape(out, 'phoneNumberId', ['phoneNumberId', ...WRITE, 'holidayMode', 'calling', 'droppedPastHolidays']);
		expect(Object.keys(out.calling as IDataObject)).toEqual(['call_hours']);
	});

	it('Holiday Schedule → Get', async () => {
		const out = await whatsApp({ resource: 'holidaySchedule', operation: 'get' });
		expect(out.phoneNumberId).toBe(DEMO.phoneNumberId);
		const keys = out.date === null ? [] : ['past'];
		expectShape(out, 'phoneNumberId', ['phoneNumberId', 'timezoneId', 'hasCallHours', 'date', 'startTime', 'endTime', ...keys]);
	});

	const holidayWrite = ['phoneNumberId', ...WRITE, 'timezoneId', 'holidays', 'droppedPastHolidays'];

	it('Holiday Schedule → Add', async () => {
		const out = await whatsApp({
			resource: 'holidaySchedule',
			operation: 'add',
			holidays: { holiday: [{ date: berlinDate(30), startTime: '0000', endTime: '2359' }] },
		});
		expectShape(out, 'phoneNumberId', [...holidayWrite, 'added', 'updated']);
	});

	it('Holiday Schedule → Remove', async () => {
		const out = await whatsApp({ resource: 'holidaySchedule', operation: 'remove', dates: berlinDate(31) });
		// No such holiday: nothing written, so `writes: 0` and no `verified`.
		expectShape(out, 'phoneNumberId', [...holidayWrite.filter((key) => key !== 'verified'), 'removed', 'notFound']);
	});

	it('Holiday Schedule → Replace', async () => {
		const out = await whatsApp({
			resource: 'holidaySchedule',
			operation: 'replace',
			holidays: { holiday: [{ date: berlinDate(32), startTime: '0000', endTime: '2359' }] },
		});
		expectShape(out, 'phoneNumberId', [...holidayWrite, 'added', 'updated', 'removed']);
	});

	it('Availability → Check', async () => {
		const out = await whatsApp({ resource: 'availability', operation: 'check' });
		expectShape(out, 'phoneNumberId', ['phoneNumberId', 'at', 'open', 'reason', 'timezoneId', 'nextOpenAt', 'nextCloseAt']);
	});

	it('a write Meta answers with {"success": false} is an error, not an output item', async () => {
		sandbox.current.addFault({ kind: 'http', method: 'POST', status: 200, body: '{"success":false}' });
		const result = await runWhatsApp(sandbox.current, {
			resource: 'callingSettings',
			operation: 'update',
			updateFields: { callIconVisibility: 'DEFAULT' },
		});
		expect(result.error?.message).toBe('Meta did not apply the change of calling.call_icon_visibility');
	});

	it('Holiday Schedule → Sync From Calendar', async () => {
		const out = await whatsApp({
			resource: 'holidaySchedule',
			operation: 'sync',
			countryCode: 'DE',
			options: { publicHolidaysBaseUrl: sandbox.current.url },
		});
		expectShape(out, 'phoneNumberId', KEYS_SYNC);
	});

	it('Phone Number → Get Many: one item per number, each naming it', async () => {
		const result = await runWhatsApp(sandbox.current, { resource: 'phoneNumber', operation: 'getAll', wabaId: DEMO.wabaId, returnAll: true });
		if (result.error) throw result.error;
		const items = jsonOf(result);
		expect(items.length).toBeGreaterThan(1);
		for (const item of items) {
			expect(Object.keys(item).sort()).toEqual([...KEYS_NUMBER].sort());
			expect(Object.keys(item).filter((key) => !CAMEL_CASE.test(key))).toEqual([]);
		}
		expect(items.map((item) => item.phoneNumberId)).toContain(DEMO.phoneNumberId);
	});
});

describe('Messenger Calling output shape', () => {
	it('Call Setting → Get', async () => {
		const out = await messenger({ resource: 'callSettings', operation: 'get' });
		expectShape(out, 'pageId', ['pageId', 'settings']);
	});

	it('Call Setting → Set Call Hours', async () => {
		const out = await messenger({ resource: 'callSettings', operation: 'setCallHours', timezoneId: 'Europe/Berlin', weeklyHours: HOURS });
		expectShape(out, 'pageId', ['pageId', 'success', 'settings', 'closedDays']);
	});

	it('Call Setting → Set Icon Visibility', async () => {
		const out = await messenger({ resource: 'callSettings', operation: 'setIconVisibility', iconEnabled: false });
		expectShape(out, 'pageId', ['pageId', 'success', 'settings']);
	});

	it('Call Setting → Set Call Routing', async () => {
		const out = await messenger({ resource: 'callSettings', operation: 'setCallRouting', ringTarget: 'META' });
		expectShape(out, 'pageId', ['pageId', 'success', 'settings']);
	});

	it('Call Setting → Set Calling On/Off', async () => {
		const out = await messenger({ resource: 'callSettings', operation: 'setCallingEnabled', audioEnabled: 'on', videoEnabled: 'off' });
		expectShape(out, 'pageId', ['pageId', 'success', 'settings']);
	});

	it('Call Setting → Close Calling and Restore Calling', async () => {
		const closed = await messenger({ resource: 'callSettings', operation: 'closeCalling', closeMode: 'both' });
		expectShape(closed, 'pageId', ['pageId', 'closeMode', 'changed', 'alreadyClosed', 'snapshot', 'writes', 'verified']);
		const restored = await messenger({ resource: 'callSettings', operation: 'restoreCalling', snapshot: JSON.stringify(closed.snapshot) });
		expectShape(restored, 'pageId', ['pageId', 'source', 'restored', 'exact', 'snapshot', 'writes', 'verified']);
	});

	it('Message → Send Call Prompt', async () => {
		const out = await messenger({ resource: 'message', operation: 'sendCallPrompt', recipientId: DEMO.psid });
		expectShape(out, 'pageId', ['pageId', 'recipientId', 'messageId']);
	});

	it('Message → Send Call Prompt, dry run', async () => {
		const out = await messenger({ resource: 'message', operation: 'sendCallPrompt', recipientId: DEMO.psid, options: { dryRun: true } });
		expectShape(out, 'pageId', ['pageId', 'recipientId', 'dryRun', 'request']);
	});

	it('Availability → Check', async () => {
		const out = await messenger({ resource: 'availability', operation: 'check' });
		expectShape(out, 'pageId', ['pageId', 'at', 'open', 'reason', 'timezoneId', 'nextOpenAt', 'nextCloseAt']);
	});

	it('a write Meta answers with {"success": false} is an error', async () => {
		sandbox.current.addFault({ kind: 'http', method: 'POST', status: 200, body: '{"success":false}' });
		const result = await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'setCallRouting', ringTarget: 'META' });
		expect(result.error?.message).toBe('Meta did not apply the change of call_routing');
	});

	it('Call Setting → Sync Closure From Calendar', async () => {
		const out = await messenger({
			resource: 'callSettings',
			operation: 'syncClosure',
			calendarSource: 'ical',
			// The 'many' feed closes from 3 days ahead only: tomorrow is open on every date this test runs.
			calendarUrl: `${sandbox.current.url}/calendars/many.ics`,
			at: new Date(Date.now() + 86_400_000).toISOString(),
		});
		expectShape(out, 'pageId', KEYS_SYNC_CLOSURE);
	});
});
