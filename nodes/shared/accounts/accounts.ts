import type { IDataObject } from 'n8n-workflow';

import type { GraphClient } from '../transport/types';
import { fetchAllEntries } from '../transport/paging';

/**
 * The accounts a token reaches, read from the Graph API: Pages, WhatsApp Business Accounts (WABAs) and
 * the phone numbers of a WABA. The "From list" of every ID field and Phone Number → Get Many use these.
 */

export interface PageEntry {
	id: string;
	name: string;
}

export interface WabaEntry {
	id: string;
	name: string;
}

export interface PhoneNumberEntry {
	phoneNumberId: string;
	displayPhoneNumber: string;
	verifiedName: string;
	/** GREEN, YELLOW, RED or UNKNOWN, as Meta answers it; '' when Meta left it out. */
	qualityRating: string;
	wabaId: string;
}

const PHONE_NUMBER_FIELDS = 'id,display_phone_number,verified_name,quality_rating';

function text(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Meta's phone number entry (snake_case) in the shape this package writes. */
export function phoneNumberEntry(raw: IDataObject, wabaId: string): PhoneNumberEntry {
	return {
		phoneNumberId: text(raw.id),
		displayPhoneNumber: text(raw.display_phone_number),
		verifiedName: text(raw.verified_name),
		qualityRating: text(raw.quality_rating),
		wabaId,
	};
}

/** debug_token's `type`: USER, SYSTEM_USER, PAGE, APP, ... ('' when Meta left it out). */
export function tokenType(debugAnswer: unknown): string {
	return text((debugAnswer as { data?: { type?: unknown } } | undefined)?.data?.type).toUpperCase();
}

/**
 * The Pages the token manages: GET /me/accounts, every page. A Page token has no such edge (Meta: error
 * 100, nonexisting field) because it stands for its one Page, which GET /me then names.
 */
export async function listPages(graph: GraphClient): Promise<PageEntry[]> {
	const entries =
		tokenType(await graph.inspectToken()) === 'PAGE'
			? [await graph.request<IDataObject>({ method: 'GET', path: '/me', qs: { fields: 'id,name' } })]
			: await fetchAllEntries(graph, { method: 'GET', path: '/me/accounts', qs: { fields: 'id,name' } });
	return entries.map((e) => ({ id: text(e.id), name: text(e.name) })).filter((p) => p.id !== '');
}

/** The WABA IDs in a debug_token answer: the targets of whatsapp_business_management (or _messaging). */
export function grantedWabaIds(debugAnswer: unknown): string[] {
	const scopes = (debugAnswer as { data?: { granular_scopes?: unknown } } | undefined)?.data?.granular_scopes;
	if (!Array.isArray(scopes)) return [];
	const ids: string[] = [];
	for (const scope of ['whatsapp_business_management', 'whatsapp_business_messaging']) {
		const entry = scopes.find((s) => (s as IDataObject | undefined)?.scope === scope) as IDataObject | undefined;
		const targets = Array.isArray(entry?.target_ids) ? (entry.target_ids as unknown[]) : [];
		for (const id of targets.map(text)) if (/^\d+$/.test(id) && !ids.includes(id)) ids.push(id);
	}
	return ids;
}

/**
 * The WABAs the token was granted (Meta's debug_token: a system-user token lists them in its granular
 * scopes), plus the credential's WhatsApp Business Account ID when it is set: tokens whose scopes name no
 * target (e.g. a developer's user token) reach their WABA only through that field. Names come from
 * GET /<WABA_ID>; a WABA the token cannot read keeps its ID as name.
 */
export async function listWabas(graph: GraphClient): Promise<WabaEntry[]> {
	const ids = grantedWabaIds(await graph.inspectToken());
	const fallback = graph.businessAccountId;
	if (/^\d+$/.test(fallback) && !ids.includes(fallback)) ids.push(fallback);
	return await Promise.all(
		ids.map(async (id) => {
			try {
				const waba = await graph.request<IDataObject>({ method: 'GET', path: `/${id}`, qs: { fields: 'id,name' } });
				return { id, name: text(waba.name) || id };
			} catch {
				return { id, name: id };
			}
		}),
	);
}

/** GET /<WABA_ID>/phone_numbers, every page (or the first `max` numbers). */
export async function listPhoneNumbers(
	graph: GraphClient,
	wabaId: string,
	options: { max?: number } = {},
): Promise<PhoneNumberEntry[]> {
	const entries = await fetchAllEntries(
		graph,
		{ method: 'GET', path: `/${wabaId}/phone_numbers`, qs: { fields: PHONE_NUMBER_FIELDS } },
		{ max: options.max },
	);
	return entries.map((e) => phoneNumberEntry(e, wabaId));
}

/** Case-insensitive match of the search text against the given texts; digits also match ignoring spaces, dashes and "+". */
export function matchesSearch(filter: string | undefined, texts: string[]): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (wanted === '') return true;
	const digitsWanted = wanted.replace(/[\s\-+()]/g, '');
	return texts.some((t) => {
		const lower = t.toLowerCase();
		if (lower.includes(wanted)) return true;
		return /^\d+$/.test(digitsWanted) && lower.replace(/[\s\-+()]/g, '').includes(digitsWanted);
	});
}
