import { readCallSettingsAnswer } from '../../../nodes/MessengerCalling/helpers/callSettings';
import { settingsWriteRequests } from '../../../nodes/MessengerCalling/actions/api';
import {
	NO_HOURS_TO_CLOSE,
	closeChanges,
	hoursEqual,
	isClosedStateOf,
	missingChanges,
	restoreChanges,
	snapshotToKeep,
	takeSnapshot,
	type CallSettingsSnapshot,
} from '../../../nodes/MessengerCalling/helpers/snapshot';
import { expectInputError } from '../hours/expectInputError';

const PAGE = '4000000000000001';
const now = new Date('2026-05-01T18:00:00Z');
const weekdays = {
	timezone_id: 'America/Los_Angeles',
	weekly_operating_hours: [
		{ day_of_week: 'MONDAY' as const, open_time: '0900', close_time: '1700' },
		{ day_of_week: 'FRIDAY' as const, open_time: '0900', close_time: '1700' },
	],
};
const open = { call_hours: weekdays, call_routing: { ring_target: 'META' }, icon_enabled: true, audio_enabled: true };

function snapshotOf(settings: object): CallSettingsSnapshot {
	return takeSnapshot(PAGE, readCallSettingsAnswer(settings), now);
}

describe('takeSnapshot', () => {
	it('records every field, the Page and the time', () => {
		expect(snapshotOf(open)).toEqual({ pageId: PAGE, takenAt: '2026-05-01T18:00:00.000Z', settings: open });
	});

	it('records Meta’s defaults: icon shown when not said otherwise, null for no hours', () => {
		expect(snapshotOf({ audio_enabled: false }).settings).toEqual({
			call_hours: null,
			icon_enabled: true,
			audio_enabled: false,
		});
	});

	it('refuses to snapshot hours it cannot read completely', () => {
		const broken = { call_hours: { timezone_id: 'UTC', weekly_operating_hours: [{ day_of_week: 'X' }] } };
		expect(() => snapshotOf(broken)).toThrow(/1 call hours entry this node cannot read/);
	});
});

describe('closeChanges', () => {
	it('hideIcon hides the icon only; both also empties the week in the same timezone', () => {
		expect(closeChanges(open, 'hideIcon')).toEqual({ icon_enabled: false });
		expect(closeChanges(open, 'closeHours')).toEqual({
			call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: [] },
		});
		expect(closeChanges(open, 'both')).toEqual({
			icon_enabled: false,
			call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: [] },
		});
	});

	it('writes nothing that is already closed', () => {
		const closed = { ...open, icon_enabled: false, call_hours: { ...weekdays, weekly_operating_hours: [] } };
		expect(closeChanges(closed, 'both')).toEqual({});
	});

	it('never gives hours to a Page without them: both hides the icon only, closeHours is refused', () => {
		const noHours = { ...open, call_hours: null };
		expect(closeChanges(noHours, 'both')).toEqual({ icon_enabled: false });
		expectInputError(() => closeChanges(noHours, 'closeHours'), 'closeMode', NO_HOURS_TO_CLOSE);
	});
});

describe('restoreChanges', () => {
	it('writes back only the fields that differ', () => {
		const now = { ...open, icon_enabled: false, call_routing: { ring_target: 'PARTNERS' } };
		expect(restoreChanges(open, now)).toEqual({
			changes: { icon_enabled: true, call_routing: { ring_target: 'META' } },
			notRestored: [],
		});
		expect(restoreChanges(open, open)).toEqual({ changes: {}, notRestored: [] });
	});

	it('treats hours in another order as equal, another timezone as different', () => {
		const reversed = { ...weekdays, weekly_operating_hours: [...weekdays.weekly_operating_hours].reverse() };
		expect(restoreChanges(open, { ...open, call_hours: reversed }).changes).toEqual({});
		const berlin = { ...weekdays, timezone_id: 'Europe/Berlin' };
		expect(restoreChanges(open, { ...open, call_hours: berlin }).changes).toEqual({ call_hours: weekdays });
	});

	it('reports "no hours" it cannot bring back once hours exist, and restores the rest', () => {
		const snapshot = { ...open, call_hours: null, icon_enabled: true };
		const current = { ...open, icon_enabled: false };
		expect(restoreChanges(snapshot, current)).toEqual({ changes: { icon_enabled: true }, notRestored: ['call_hours'] });
	});

	it('ignores fields the snapshot does not hold', () => {
		expect(restoreChanges({ icon_enabled: true }, { ...open, audio_enabled: false }).changes).toEqual({});
	});
});

describe('a second close keeps the first snapshot', () => {
	const first = snapshotOf(open);

	it('recognises the state a close of the stored snapshot leaves, in any mode', () => {
		expect(isClosedStateOf(first, { ...open, icon_enabled: false })).toBe(true);
		expect(isClosedStateOf(first, { ...open, call_hours: { ...weekdays, weekly_operating_hours: [] } })).toBe(true);
		expect(isClosedStateOf(first, open)).toBe(false);
		// changed since by someone else: the fresh reading is what counts
		expect(isClosedStateOf(first, { ...open, icon_enabled: false, audio_enabled: false })).toBe(false);
	});

	it('snapshotToKeep picks the stored one only then', () => {
		const closedNow = snapshotOf({ ...open, icon_enabled: false });
		expect(snapshotToKeep(closedNow, first)).toEqual({ snapshot: first, alreadyClosed: true });
		expect(snapshotToKeep(closedNow, undefined)).toEqual({ snapshot: closedNow, alreadyClosed: false });
		const reopened = snapshotOf(open);
		expect(snapshotToKeep(reopened, first).snapshot).toBe(reopened);
	});
});

describe('hoursEqual', () => {
	it('compares none with none only', () => {
		expect(hoursEqual(null, null)).toBe(true);
		expect(hoursEqual(null, weekdays)).toBe(false);
		expect(hoursEqual(weekdays, { ...weekdays, weekly_operating_hours: [] })).toBe(false);
	});
});

describe('settingsWriteRequests', () => {
	const changes = {
		audio_enabled: true,
		icon_enabled: false,
		call_routing: { ring_target: 'META' },
		call_hours: weekdays,
	};

	it('sends one POST per field to the Page’s settings', () => {
		const requests = settingsWriteRequests(PAGE, changes, 'close');
		expect(requests).toHaveLength(4);
		for (const request of requests) {
			expect(request.method).toBe('POST');
			expect(request.path).toBe(`/${PAGE}/messenger_call_settings`);
			expect(Object.keys(request.body ?? {})).toHaveLength(1);
		}
	});

	it('hides the icon first when closing and shows it last when restoring', () => {
		const fields = (purpose: 'close' | 'restore') =>
			settingsWriteRequests(PAGE, changes, purpose).map((r) => Object.keys(r.body ?? {})[0]);
		expect(fields('close')[0]).toBe('icon_enabled');
		expect(fields('restore')).toEqual(['call_hours', 'call_routing', 'audio_enabled', 'icon_enabled']);
		expect(settingsWriteRequests(PAGE, {}, 'close')).toEqual([]);
	});
});

describe('missingChanges (what a close or restore must still send)', () => {
	const hours = { timezone_id: 'UTC', weekly_operating_hours: [] };
	it('only the fields that differ; the icon counts as shown when Meta leaves it out', () => {
		expect(missingChanges({ icon_enabled: false, call_hours: hours }, { icon_enabled: false, call_hours: hours })).toEqual({});
		expect(missingChanges({}, { icon_enabled: true })).toEqual({});
		expect(missingChanges({}, { icon_enabled: false })).toEqual({ icon_enabled: false });
		expect(missingChanges({ call_hours: null }, { call_hours: hours, call_routing: { ring_target: 'META' } })).toEqual({
			call_hours: hours,
			call_routing: { ring_target: 'META' },
		});
	});
});
