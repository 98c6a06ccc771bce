import type { GraphRequest } from '../../shared/transport/graph';
import { callSettingsPath } from './callSettings';
import type { SettingsChanges } from './snapshot';

/*
 * One POST per field: Meta documents a different answer for each ({"result"} for the icon, {"success"} for
 * hours and routing), so each write can be checked on its own. The order matters while the writes are in
 * flight: a close hides the icon first (no new calls at once), a restore shows it last (only once the
 * hours and routing are back).
 */
const CLOSE_ORDER: Array<keyof SettingsChanges> = ['icon_enabled', 'call_hours', 'call_routing', 'audio_enabled', 'video_enabled'];
const RESTORE_ORDER: Array<keyof SettingsChanges> = ['call_hours', 'call_routing', 'audio_enabled', 'video_enabled', 'icon_enabled'];

export function settingsWriteRequests(
	pageId: string,
	changes: SettingsChanges,
	purpose: 'close' | 'restore',
): GraphRequest[] {
	const order = purpose === 'close' ? CLOSE_ORDER : RESTORE_ORDER;
	return order
		.filter((field) => changes[field] !== undefined)
		.map((field) => ({
			method: 'POST',
			path: callSettingsPath(pageId),
			body: { [field]: changes[field] } as GraphRequest['body'],
		}));
}

/** The read every close, restore and availability check starts from. */
export function readSettingsRequest(pageId: string, fields: readonly string[]): GraphRequest {
	return { method: 'GET', path: callSettingsPath(pageId), qs: { fields: fields.join(',') } };
}
