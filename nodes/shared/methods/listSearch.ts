import {
	NodeOperationError,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { timezoneOptions } from '../hours/timezoneList';
import { listPages, listPhoneNumbers, listWabas, matchesSearch, type WabaEntry } from '../accounts/accounts';
import { createGraphClient } from '../transport/graph';
import type { GraphClient } from '../transport/types';

/**
 * The "From List" searches of the account ID fields. Meta's lists have no name filter, so each search
 * reads every page of the list (following Meta's cursors) and filters by name, number or ID here.
 */

function byName(a: INodeListSearchItems, b: INodeListSearchItems): number {
	return a.name.localeCompare(b.name);
}

async function wabasOrExplain(ctx: ILoadOptionsFunctions, graph: GraphClient): Promise<WabaEntry[]> {
	const wabas = await listWabas(graph);
	if (wabas.length > 0) return wabas;
	throw new NodeOperationError(ctx.getNode(), 'Meta lists no WhatsApp Business Account for this access token', {
		description:
			'Use a system user token that was assigned the WABA (Business Settings → System users → Assign assets), or set "WhatsApp Business Account ID" in the credential, or choose "By ID".',
	});
}

export async function searchPages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const graph = await createGraphClient(this);
	const pages = await listPages(graph);
	const results = pages
		.filter((page) => matchesSearch(filter, [page.name, page.id]))
		.map((page) => ({ name: `${page.name || page.id} (${page.id})`, value: page.id, url: `https://www.facebook.com/${page.id}` }));
	return { results: results.sort(byName) };
}

export async function searchWabas(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const graph = await createGraphClient(this);
	const wabas = await wabasOrExplain(this, graph);
	const results = wabas
		.filter((waba) => matchesSearch(filter, [waba.name, waba.id]))
		.map((waba) => ({ name: `${waba.name} (${waba.id})`, value: waba.id }));
	return { results: results.sort(byName) };
}

export async function searchPhoneNumbers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const graph = await createGraphClient(this);
	const wabas = await wabasOrExplain(this, graph);
	const perWaba = await Promise.all(
		wabas.map(async (waba) => (await listPhoneNumbers(graph, waba.id)).map((number) => ({ number, waba }))),
	);
	const results = perWaba
		.flat()
		.filter(({ number, waba }) =>
			matchesSearch(filter, [number.displayPhoneNumber, number.verifiedName, number.phoneNumberId, waba.name]),
		)
		// n8n's list shows only the name, so the quality rating is part of it.
		.map(({ number, waba }) => ({
			name: `${number.displayPhoneNumber} · ${number.verifiedName} · quality ${number.qualityRating || 'unknown'}`,
			value: number.phoneNumberId,
			description: `ID ${number.phoneNumberId} · ${waba.name}`,
		}));
	return { results: results.sort(byName) };
}

/** IANA zones with the offset they have now (computed when the list opens, so it follows daylight saving time). */
export async function searchTimezones(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const results = timezoneOptions(new Date())
		.filter((zone) => matchesSearch(filter, [zone.value, zone.value.replace(/_/g, ' '), zone.description]))
		.map((zone) => ({ name: `${zone.value} (${zone.description})`, value: zone.value, description: zone.description }));
	return { results };
}

export const listSearch = { searchPages, searchWabas, searchPhoneNumbers, searchTimezones };
