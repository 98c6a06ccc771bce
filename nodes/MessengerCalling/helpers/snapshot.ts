import type { MessengerCallHoursWire } from '../../shared/hours/types';
import { InputError } from '../../shared/validation';
import { withMetaDefaults, type CallSettingsReading, type MessengerCallSettings } from './callSettings';

/**
 * "Closed for the day" on Messenger, built from a snapshot: Messenger has no holiday schedule, and setting
 * hours erases the previous ones, so closeCalling keeps the settings as they were and restoreCalling writes
 * them back. Everything here is pure; the operations only read, call these, and send what they return.
 *
 * Exactness: Meta cannot remove call hours once a Page has some (an empty weekly list means "closed every
 * day", not "no hours"). So closing never gives hours to a Page that has none: such a Page is closed by
 * hiding its icon only ("both"), and "closeHours" alone is refused for it before anything is written.
 * That way close followed by restore always ends exactly where it started.
 */

export const CLOSE_MODES = ['hideIcon', 'closeHours', 'both'] as const;

export type CloseMode = (typeof CLOSE_MODES)[number];

export interface CallSettingsSnapshot {
	pageId: string;
	/** ISO time the settings were read */
	takenAt: string;
	/** every field as it was; call_hours null = the Page had no hours */
	settings: MessengerCallSettings;
}

/** What a write sets; call_hours can never be "none" (Meta has no request for that). */
export interface SettingsChanges {
	call_hours?: MessengerCallHoursWire;
	call_routing?: { ring_target: string };
	icon_enabled?: boolean;
	audio_enabled?: boolean;
	video_enabled?: boolean;
}

export const NO_HOURS_TO_CLOSE =
	'cannot close by hours: this Page has no call hours, and Meta cannot remove hours once set, so the Page could not be restored exactly. Use "Hide Icon" or "Both" (which hides the icon only)';

/**
 * The snapshot of settings read with every field. Meta shows the icon by default, so an answer without
 * icon_enabled is recorded as true (otherwise a hidden icon could never come back).
 */
export function takeSnapshot(pageId: string, reading: CallSettingsReading, now: Date): CallSettingsSnapshot {
	if (reading.unreadableHourEntries > 0) {
		throw new Error(
			`Meta's answer holds ${reading.unreadableHourEntries} call hours entr${reading.unreadableHourEntries === 1 ? 'y' : 'ies'} this node cannot read; nothing was changed so that they are not lost`,
		);
	}
	return { pageId, takenAt: now.toISOString(), settings: withMetaDefaults(reading.settings) };
}

/** The writes that close a Page from its current settings; fields already closed are not written again. */
export function closeChanges(current: MessengerCallSettings, mode: CloseMode): SettingsChanges {
	const changes: SettingsChanges = {};
	if (mode === 'hideIcon' || mode === 'both') {
		if (current.icon_enabled !== false) changes.icon_enabled = false;
	}
	if (mode === 'closeHours' || mode === 'both') {
		const hours = current.call_hours;
		if (!hours) {
			if (mode === 'closeHours') throw new InputError('closeMode', NO_HOURS_TO_CLOSE);
		} else if (hours.weekly_operating_hours.length > 0) {
			changes.call_hours = { timezone_id: hours.timezone_id, weekly_operating_hours: [] };
		}
	}
	return changes;
}

export interface RestorePlan {
	changes: SettingsChanges;
	/** fields the snapshot holds that no request can bring back (only: "no hours" once hours exist) */
	notRestored: Array<keyof MessengerCallSettings>;
}

/** The writes that bring the current settings back to the snapshot: only fields that differ are sent. */
export function restoreChanges(target: MessengerCallSettings, reading: MessengerCallSettings): RestorePlan {
	const current = withMetaDefaults(reading);
	const changes: SettingsChanges = {};
	const notRestored: Array<keyof MessengerCallSettings> = [];
	if (target.call_hours !== undefined && !hoursEqual(target.call_hours, current.call_hours ?? null)) {
		if (target.call_hours === null) notRestored.push('call_hours');
		else changes.call_hours = target.call_hours;
	}
	if (target.call_routing && target.call_routing.ring_target !== current.call_routing?.ring_target) {
		changes.call_routing = target.call_routing;
	}
	for (const flag of ['audio_enabled', 'video_enabled', 'icon_enabled'] as const) {
		const wanted = target[flag];
		if (wanted !== undefined && wanted !== current[flag]) changes[flag] = wanted;
	}
	return { changes, notRestored };
}

/**
 * The part of `changes` that `current` does not hold yet: what must still be sent. Empty when a write was
 * not dropped by a concurrent writer (shared/execution/accountUpdate.ts reads again to find out).
 */
export function missingChanges(current: MessengerCallSettings, changes: SettingsChanges): SettingsChanges {
	const now = withMetaDefaults(current);
	const missing: SettingsChanges = {};
	if (changes.call_hours !== undefined && !hoursEqual(changes.call_hours, now.call_hours ?? null)) {
		missing.call_hours = changes.call_hours;
	}
	if (changes.call_routing !== undefined && changes.call_routing.ring_target !== now.call_routing?.ring_target) {
		missing.call_routing = changes.call_routing;
	}
	for (const flag of ['audio_enabled', 'video_enabled', 'icon_enabled'] as const) {
		if (changes[flag] !== undefined && changes[flag] !== now[flag]) missing[flag] = changes[flag];
	}
	return missing;
}

/** What Meta stores after the changes: each field given replaces the stored one (hours included). */
function applyChanges(settings: MessengerCallSettings, changes: SettingsChanges): MessengerCallSettings {
	return { ...settings, ...changes };
}

function sortedEntries(hours: MessengerCallHoursWire) {
	return [...hours.weekly_operating_hours].sort(
		(a, b) =>
			a.day_of_week.localeCompare(b.day_of_week) ||
			a.open_time.localeCompare(b.open_time) ||
			a.close_time.localeCompare(b.close_time),
	);
}

/** Same timezone and the same entries; Meta may list entries in another order than they were sent. */
export function hoursEqual(a: MessengerCallHoursWire | null, b: MessengerCallHoursWire | null): boolean {
	if (a === null || b === null) return a === b;
	return a.timezone_id === b.timezone_id && JSON.stringify(sortedEntries(a)) === JSON.stringify(sortedEntries(b));
}

/** Equal on every field both sides know. */
export function settingsEqual(a: MessengerCallSettings, b: MessengerCallSettings): boolean {
	return (
		hoursEqual(a.call_hours ?? null, b.call_hours ?? null) &&
		a.call_routing?.ring_target === b.call_routing?.ring_target &&
		a.icon_enabled === b.icon_enabled &&
		a.audio_enabled === b.audio_enabled &&
		a.video_enabled === b.video_enabled
	);
}

/**
 * True when the Page is still exactly as one of our closes would have left the snapshot's settings. Then
 * the snapshot still describes the open Page, and a second close must keep it rather than record the
 * closed state (which would make the next restore a no-op and lose the real hours).
 */
export function isClosedStateOf(snapshot: CallSettingsSnapshot, current: MessengerCallSettings): boolean {
	if (settingsEqual(snapshot.settings, current)) return false;
	return CLOSE_MODES.some((mode) => {
		try {
			return settingsEqual(applyChanges(snapshot.settings, closeChanges(snapshot.settings, mode)), current);
		} catch {
			return false;
		}
	});
}

/** The snapshot a close keeps: the fresh reading, unless the Page still shows our last close of the stored one. */
export function snapshotToKeep(
	fresh: CallSettingsSnapshot,
	stored: CallSettingsSnapshot | undefined,
): { snapshot: CallSettingsSnapshot; alreadyClosed: boolean } {
	if (stored !== undefined && isClosedStateOf(stored, fresh.settings)) return { snapshot: stored, alreadyClosed: true };
	return { snapshot: fresh, alreadyClosed: false };
}
