import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { jsonOf, useSandbox, writes } from './nodeTestKit';
import { runMessenger } from './messenger/setup';
import { runWhatsApp } from './whatsapp/setup';
import type { NodeRunResult } from './harness';

/*
 * One rule for every read-modify-write output of both nodes (README "Output", docs/nodes.md): an item
 * that had nothing to write says `writes: 0` and has no `verified` (there was nothing to check); an item
 * that wrote says `writes` (rounds sent) and `verified` (true: the check after the write saw the change;
 * false: the check was turned off). A scheduled Sync Closure that changed nothing used to say
 * `verified: false`, which reads like a failure.
 */
const sandbox = useSandbox();

function onlyItem(result: NodeRunResult): IDataObject {
	if (result.error) throw result.error;
	const [item] = jsonOf(result);
	return item;
}

const whatsApp = async (parameters: INodeParameters) => onlyItem(await runWhatsApp(sandbox.current, parameters));
const messenger = async (parameters: INodeParameters) => onlyItem(await runMessenger(sandbox.current, parameters));
const report = (item: IDataObject) => ({ writes: item.writes, hasVerified: 'verified' in item, verified: item.verified });
const WROTE = { writes: 1, hasVerified: true, verified: true };
const NOTHING = { writes: 0, hasVerified: false, verified: undefined };

const HOURS = { hours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' }] };

describe('writes: 0 and no verified for an item that wrote nothing, in both nodes', () => {
	it('WhatsApp Calling Setting → Set Call Hours, the same hours twice', async () => {
		const setHours = { resource: 'callingSettings', operation: 'setCallHours', timezoneId: 'Europe/Berlin', weeklyHours: HOURS };
		expect(report(await whatsApp(setHours))).toEqual(WROTE);
		const posts = writes(sandbox.current).length;
		const again = await whatsApp(setHours);
		expect(report(again)).toEqual(NOTHING);
		expect(again.success).toBe(true);
		expect(writes(sandbox.current)).toHaveLength(posts);
	});

	it('WhatsApp Holiday Schedule → Add, the same holiday twice', async () => {
		const add = { resource: 'holidaySchedule', operation: 'add', holidays: { holiday: [{ date: '2099-12-24' }] } };
		expect(report(await whatsApp(add))).toEqual(WROTE);
		expect(report(await whatsApp(add))).toEqual(NOTHING);
	});

	it('Messenger Close Calling on a closed Page, Restore Calling of what is already there', async () => {
		const closed = await messenger({ resource: 'callSettings', operation: 'closeCalling', closeMode: 'hideIcon' });
		expect(report(closed)).toEqual(WROTE);
		const again = await messenger({ resource: 'callSettings', operation: 'closeCalling', closeMode: 'hideIcon' });
		expect(report(again)).toEqual(NOTHING);
		const snapshot = JSON.stringify(closed.snapshot);
		expect(report(await messenger({ resource: 'callSettings', operation: 'restoreCalling', snapshot }))).toEqual(WROTE);
		expect(report(await messenger({ resource: 'callSettings', operation: 'restoreCalling', snapshot }))).toEqual(NOTHING);
	});

	it('Messenger Sync Closure From Calendar with no closure in force', async () => {
		const out = await messenger({
			resource: 'callSettings',
			operation: 'syncClosure',
			calendarSource: 'ical',
			// The 'many' feed closes from 3 days ahead only: tomorrow is open on every date this test runs.
			calendarUrl: `${sandbox.current.url}/calendars/many.ics`,
			at: new Date(Date.now() + 86_400_000).toISOString(),
		});
		expect(report(out)).toEqual(NOTHING);
	});

	it('a write with the check turned off says verified: false (not checked)', async () => {
		const out = await messenger({ resource: 'callSettings', operation: 'closeCalling', closeMode: 'hideIcon', options: { verifyWrites: false } });
		expect(report(out)).toEqual({ writes: 1, hasVerified: true, verified: false });
	});
});
