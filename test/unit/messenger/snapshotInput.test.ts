import {
	SNAPSHOT_STORE_KEY,
	forgetSnapshot,
	snapshotFromObject,
	snapshotFromParameter,
	storeSnapshot,
	storedSnapshot,
	storedSnapshotIfReadable,
} from '../../../nodes/MessengerCalling/helpers/snapshotInput';
import type { CallSettingsSnapshot } from '../../../nodes/MessengerCalling/helpers/snapshot';
import { expectInputError } from '../hours/expectInputError';

const PAGE = '4000000000000001';
const snapshot: CallSettingsSnapshot = {
	pageId: PAGE,
	takenAt: '2026-05-01T18:00:00.000Z',
	settings: {
		call_hours: {
			timezone_id: 'America/Los_Angeles',
			weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }],
		},
		call_routing: { ring_target: 'META' },
		icon_enabled: true,
		audio_enabled: false,
	},
};
const closeOutput = { pageId: PAGE, closeMode: 'both', changed: ['icon_enabled'], snapshot };

describe('snapshotFromParameter', () => {
	it('is undefined when left empty', () => {
		for (const empty of ['', '  ', undefined, null, {}]) expect(snapshotFromParameter(empty, PAGE)).toBeUndefined();
	});

	it('accepts the whole Close Calling output or only its snapshot, as JSON text or as an object', () => {
		for (const value of [closeOutput, snapshot, JSON.stringify(closeOutput), JSON.stringify(snapshot)]) {
			expect(snapshotFromParameter(value, PAGE)).toEqual(snapshot);
		}
	});

	it('keeps "no hours" as null', () => {
		const noHours = { ...snapshot, settings: { ...snapshot.settings, call_hours: null } };
		expect(snapshotFromParameter(noHours, PAGE)?.settings.call_hours).toBeNull();
	});

	it('refuses text that is not JSON', () => {
		expectInputError(() => snapshotFromParameter('{not json', PAGE), 'snapshot', 'must be JSON');
	});

	it('refuses a snapshot of another Page or of no Page', () => {
		expectInputError(() => snapshotFromParameter(snapshot, '4000000000000002'), 'snapshot.pageId', 'not from Page 4000000000000002');
		expectInputError(() => snapshotFromParameter({ settings: snapshot.settings }, PAGE), 'snapshot.pageId', 'is required');
	});

	it('checks every setting like user input, naming the field', () => {
		const withSettings = (settings: unknown) => ({ ...snapshot, settings });
		expectInputError(() => snapshotFromObject(withSettings('x'), PAGE), 'snapshot.settings', 'must be an object');
		expectInputError(() => snapshotFromObject(withSettings({}), PAGE), 'snapshot.settings', 'no setting');
		expectInputError(
			() => snapshotFromObject(withSettings({ icon_enabled: 'yes' }), PAGE),
			'snapshot.settings.icon_enabled',
			'true or false',
		);
		expectInputError(
			() => snapshotFromObject(withSettings({ audio_enabled: 1 }), PAGE),
			'snapshot.settings.audio_enabled',
			'true or false',
		);
		expectInputError(
			() => snapshotFromObject(withSettings({ call_routing: { ring_target: 'ELSEWHERE' } }), PAGE),
			'snapshot.settings.call_routing.ring_target',
			'META or PARTNERS',
		);
		expectInputError(
			() => snapshotFromObject(withSettings({ call_hours: 'always' }), PAGE),
			'snapshot.settings.call_hours',
			'must be null',
		);
		expectInputError(
			() => snapshotFromObject(withSettings({ call_hours: { timezone_id: 'Mars/Base', weekly_operating_hours: [] } }), PAGE),
			'snapshot.settings.call_hours.timezone_id',
			'IANA',
		);
		expectInputError(
			() => snapshotFromObject(withSettings({ call_hours: { timezone_id: 'UTC' } }), PAGE),
			'snapshot.settings.call_hours.weekly_operating_hours',
			'must be a list',
		);
		expectInputError(
			() =>
				snapshotFromObject(
					withSettings({ call_hours: { timezone_id: 'UTC', weekly_operating_hours: [{ day_of_week: 'MONDAY' }] } }),
					PAGE,
				),
			'snapshot.settings.call_hours.weekly_operating_hours',
			'every entry',
		);
	});

	it('applies Messenger’s weekly rules to a hand-edited snapshot (one entry per day, open before close)', () => {
		const twoMondays = {
			timezone_id: 'UTC',
			weekly_operating_hours: [
				{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1000' },
				{ day_of_week: 'MONDAY', open_time: '1100', close_time: '1200' },
			],
		};
		expect(() => snapshotFromObject({ ...snapshot, settings: { call_hours: twoMondays } }, PAGE)).toThrow(
			/snapshot\.settings\.call_hours\.weekly_operating_hours/,
		);
		const backwards = {
			timezone_id: 'UTC',
			weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '1700', close_time: '0900' }],
		};
		expect(() => snapshotFromObject({ ...snapshot, settings: { call_hours: backwards } }, PAGE)).toThrow(
			/snapshot\.settings\.call_hours\.weekly_operating_hours/,
		);
	});
});

describe('the stored snapshot (workflow static data)', () => {
	it('keeps one per Page under its own key, and forgets it', () => {
		const staticData = {};
		expect(storedSnapshot(staticData, PAGE)).toBeUndefined();
		storeSnapshot(staticData, snapshot);
		storeSnapshot(staticData, { ...snapshot, pageId: '4000000000000002' });
		expect(Object.keys((staticData as Record<string, object>)[SNAPSHOT_STORE_KEY])).toEqual([PAGE, '4000000000000002']);
		expect(storedSnapshot(staticData, PAGE)).toEqual(snapshot);
		forgetSnapshot(staticData, PAGE);
		expect(storedSnapshot(staticData, PAGE)).toBeUndefined();
		expect(storedSnapshot(staticData, '4000000000000002')?.pageId).toBe('4000000000000002');
	});

	it('stores a copy, not the caller’s object', () => {
		const staticData = {};
		const mine = structuredClone(snapshot);
		storeSnapshot(staticData, mine);
		mine.settings.icon_enabled = false;
		expect(storedSnapshot(staticData, PAGE)?.settings.icon_enabled).toBe(true);
	});

	it('a damaged stored snapshot is an error naming it, or nothing for code that replaces it anyway', () => {
		const staticData = { [SNAPSHOT_STORE_KEY]: { [PAGE]: { pageId: PAGE, settings: { icon_enabled: 'x' } } } };
		expect(() => storedSnapshot(staticData, PAGE)).toThrow(/stored snapshot of Page 4000000000000001/);
		expect(storedSnapshotIfReadable(staticData, PAGE)).toBeUndefined();
	});
});
