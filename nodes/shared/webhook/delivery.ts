import { createHash } from 'crypto';

import { isRecord } from '../validation';
import { readId, readString, unixToIso } from './values';

/** The two kinds of webhook object this package listens to. */
export type WebhookObject = 'whatsapp_business_account' | 'page';

/** The field under which Meta sends a Page's calling settings (in `entry[].call_settings`, not `changes[]`). */
export const PAGE_CALL_SETTINGS_FIELD = 'call_settings_update';

/** One change of a delivery, before it is given a readable shape. */
export interface DeliveryChange {
	object: WebhookObject;
	field: string;
	/** WABA id (WhatsApp) or Page id. */
	entryId: string | null;
	/** The entry's `time` as an ISO date. */
	time: string | null;
	/** The change's payload: `changes[].value`, or a Page entry's `call_settings`. */
	value: unknown;
	/** The change exactly as Meta sent it. */
	raw: unknown;
}

export type ParsedBody = { ok: true; body: unknown } | { ok: false; reason: string };

/** JSON.parse that reports instead of throwing (bad UTF-8 becomes U+FFFD, then usually bad JSON). */
export function parseJsonBody(raw: Buffer): ParsedBody {
	try {
		return { ok: true, body: JSON.parse(raw.toString('utf8')) as unknown };
	} catch {
		return { ok: false, reason: 'body is not JSON' };
	}
}

export type SplitResult = { ok: true; changes: DeliveryChange[] } | { ok: false; reason: string };

/**
 * A delivery -> its changes, in the order Meta sent them. Meta batches many entries per POST and many
 * changes per entry; each becomes one change here. Malformed entries or changes inside an otherwise
 * valid delivery are skipped, not fatal: one odd change must not lose the others.
 */
export function splitDelivery(body: unknown, expectedObject: WebhookObject): SplitResult {
	if (!isRecord(body)) return { ok: false, reason: 'body is not a JSON object' };
	if (body.object !== expectedObject) {
		return { ok: false, reason: `object is not "${expectedObject}"` };
	}
	if (!Array.isArray(body.entry)) return { ok: false, reason: 'entry is not a list' };

	const changes: DeliveryChange[] = [];
	for (const entry of body.entry) {
		if (!isRecord(entry)) continue;
		const context = { object: expectedObject, entryId: readId(entry.id), time: unixToIso(entry.time) };
		if (expectedObject === 'page' && isRecord(entry.call_settings)) {
			changes.push({ ...context, field: PAGE_CALL_SETTINGS_FIELD, value: entry.call_settings, raw: entry.call_settings });
		}
		// WhatsApp always uses changes[]; for Pages, read it too in case Meta moves the field there.
		if (!Array.isArray(entry.changes)) continue;
		for (const change of entry.changes) {
			const field = isRecord(change) ? readString(change.field) : null;
			if (!isRecord(change) || !field) continue;
			changes.push({ ...context, field, value: change.value, raw: change });
		}
	}
	return { ok: true, changes };
}


/** Deeper than any change Meta sends; below it a value counts as '…' (the walk stays bounded). */
const MAX_DEPTH = 64;

/** JSON with object keys sorted at every level, so the same value always reads the same. */
function canonicalJson(value: unknown, depth = 0): string {
	if (depth > MAX_DEPTH) return '"…"';
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
	if (isRecord(value)) {
		const keys = Object.keys(value).sort();
		return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k], depth + 1)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * The same for every delivery of this change (Meta retries the same change for hours to days), different
 * for any other change: a SHA-256 of the change as Meta sent it, with its object, entry (id and time) and
 * field, in canonical form. Workflows deduplicate on it (n8n's Remove Duplicates node).
 */
export function eventIdOf(change: DeliveryChange): string {
	const identity = [change.object, change.entryId, change.time, change.field, change.value ?? null];
	return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}
