import type { IDataObject } from 'n8n-workflow';

import { validateTimezone } from '../../shared/hours/timezone';
import type { MessengerCallHoursWire } from '../../shared/hours/types';
import { validateWeeklyHours } from '../../shared/hours/weeklyHours';
import { weeklyHoursFromWire } from '../../shared/hours/wire';
import { InputError, isBlank, isRecord } from '../../shared/validation';
import { RING_TARGETS, type MessengerCallSettings } from './callSettings';
import type { CallSettingsSnapshot } from './snapshot';

/*
 * Where restoreCalling finds its snapshot: the `snapshot` parameter (text or an object from an expression,
 * either the whole closeCalling output item or only its `snapshot`), else the workflow's static data.
 * A snapshot is checked like any other input before a request leaves: it may have been edited by hand.
 */

/** Key in the workflow's global static data: one snapshot per Page, shared by every node of the workflow. */
export const SNAPSHOT_STORE_KEY = 'messengerCallingSnapshots';

function readFlag(value: unknown, field: string): boolean | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw new InputError(field, 'must be true or false');
	return value;
}

function readHours(value: unknown, field: string): MessengerCallHoursWire | null {
	if (value === null) return null;
	if (!isRecord(value)) throw new InputError(field, 'must be null (no hours) or {timezone_id, weekly_operating_hours}');
	const timezoneId = validateTimezone(value.timezone_id, `${field}.timezone_id`);
	const listField = `${field}.weekly_operating_hours`;
	const raw = value.weekly_operating_hours;
	if (!Array.isArray(raw)) throw new InputError(listField, 'must be a list (it may be empty)');
	const entries = weeklyHoursFromWire(raw);
	if (entries.length !== raw.length) {
		throw new InputError(listField, 'every entry must be {day_of_week, open_time "hhmm", close_time "hhmm"}');
	}
	const valid = validateWeeklyHours(entries, { maxPerDay: 1, allowEmpty: true, field: listField });
	return {
		timezone_id: timezoneId,
		weekly_operating_hours: valid.map((entry) => ({
			day_of_week: entry.dayOfWeek,
			open_time: entry.openTime,
			close_time: entry.closeTime,
		})),
	};
}

function readSettings(value: unknown, field: string): MessengerCallSettings {
	if (!isRecord(value)) throw new InputError(field, 'must be an object with the Page settings');
	const settings: MessengerCallSettings = {};
	if (value.call_hours !== undefined) settings.call_hours = readHours(value.call_hours, `${field}.call_hours`);
	if (value.call_routing !== undefined) {
		const target = isRecord(value.call_routing) ? value.call_routing.ring_target : undefined;
		if (typeof target !== 'string' || !(RING_TARGETS as readonly string[]).includes(target.toUpperCase())) {
			throw new InputError(`${field}.call_routing.ring_target`, `must be ${RING_TARGETS.join(' or ')}`);
		}
		settings.call_routing = { ring_target: target.toUpperCase() };
	}
	const icon = readFlag(value.icon_enabled, `${field}.icon_enabled`);
	if (icon !== undefined) settings.icon_enabled = icon;
	const audio = readFlag(value.audio_enabled, `${field}.audio_enabled`);
	if (audio !== undefined) settings.audio_enabled = audio;
	const video = readFlag(value.video_enabled, `${field}.video_enabled`);
	if (video !== undefined) settings.video_enabled = video;
	if (Object.keys(settings).length === 0) throw new InputError(field, 'holds no setting to restore');
	return settings;
}

/** A snapshot object, checked; it must belong to the Page being restored. */
export function snapshotFromObject(value: unknown, pageId: string, field = 'snapshot'): CallSettingsSnapshot {
	if (!isRecord(value)) throw new InputError(field, 'must be a JSON object');
	// The whole closeCalling output item carries the snapshot under `snapshot`.
	const inner = isRecord(value.snapshot) ? value.snapshot : value;
	const snapshotPageId = typeof inner.pageId === 'number' ? String(inner.pageId) : inner.pageId;
	if (typeof snapshotPageId !== 'string' || snapshotPageId === '') {
		throw new InputError(`${field}.pageId`, 'is required: the snapshot must say which Page it was taken from');
	}
	if (snapshotPageId !== pageId) {
		throw new InputError(
			`${field}.pageId`,
			`was taken from Page ${snapshotPageId}, not from Page ${pageId}; restoring it here would copy another Page's settings`,
		);
	}
	return {
		pageId,
		takenAt: typeof inner.takenAt === 'string' ? inner.takenAt : '',
		settings: readSettings(inner.settings, `${field}.settings`),
	};
}

/** A snapshot parameter (Restore's `snapshot`, Close's `keptSnapshot`): undefined when left empty. */
export function snapshotFromParameter(value: unknown, pageId: string, field = 'snapshot'): CallSettingsSnapshot | undefined {
	if (isBlank(value)) return undefined;
	const parsed = typeof value === 'string' ? parseJson(value) : value;
	// {} is the fields' default (the editor lints json fields, and '' is not JSON): none given.
	if (isRecord(parsed) && Object.keys(parsed).length === 0) return undefined;
	if (parsed === undefined) {
		throw new InputError(field, 'must be JSON: the output of Close Calling, or its "snapshot" field');
	}
	return snapshotFromObject(parsed, pageId, field);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** Sync Closure From Calendar keeps its own snapshots: a hand-made Close is never undone by a calendar sync. */
export const SYNC_SNAPSHOT_STORE_KEY = 'messengerCallingSyncSnapshots';

function store(staticData: IDataObject, key: string): IDataObject {
	if (!isRecord(staticData[key])) staticData[key] = {};
	return staticData[key] as IDataObject;
}

export function storedSnapshot(staticData: IDataObject, pageId: string, key = SNAPSHOT_STORE_KEY): CallSettingsSnapshot | undefined {
	const saved = isRecord(staticData[key]) ? (staticData[key] as IDataObject)[pageId] : undefined;
	return saved === undefined ? undefined : snapshotFromObject(saved, pageId, `stored snapshot of Page ${pageId}`);
}

/** For code that replaces the stored snapshot anyway: a broken one (edited by hand) counts as none. */
export function storedSnapshotIfReadable(staticData: IDataObject, pageId: string, key = SNAPSHOT_STORE_KEY): CallSettingsSnapshot | undefined {
	try {
		return storedSnapshot(staticData, pageId, key);
	} catch {
		return undefined;
	}
}

export function storeSnapshot(staticData: IDataObject, snapshot: CallSettingsSnapshot, key = SNAPSHOT_STORE_KEY): void {
	store(staticData, key)[snapshot.pageId] = structuredClone(snapshot) as unknown as IDataObject;
}

export function forgetSnapshot(staticData: IDataObject, pageId: string, key = SNAPSHOT_STORE_KEY): void {
	if (isRecord(staticData[key])) delete (staticData[key] as IDataObject)[pageId];
}
