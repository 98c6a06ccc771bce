import type { IDataObject } from 'n8n-workflow';

import type { GraphClient, GraphRequest } from './types';

/** Graph's list answers: `{data: [...], paging: {cursors: {before, after}, next?}}`. */
interface ListAnswer {
	data?: unknown;
	paging?: { cursors?: { after?: unknown }; next?: unknown };
}

/** The cursor of the next page, or undefined when this is the last one (Meta leaves `next` out there). */
export function nextCursor(answer: unknown): string | undefined {
	const paging = (answer as ListAnswer | undefined)?.paging;
	if (!paging || typeof paging.next !== 'string' || paging.next === '') return undefined;
	const after = paging.cursors?.after;
	return typeof after === 'string' && after !== '' ? after : undefined;
}

export function entriesOf(answer: unknown): IDataObject[] {
	const data = (answer as ListAnswer | undefined)?.data;
	return Array.isArray(data) ? data.filter((e): e is IDataObject => typeof e === 'object' && e !== null) : [];
}

// A guard against a server that hands back the same cursor forever; 1000 pages of 100 are 100 000 entries.
const MAX_PAGES = 1000;

/**
 * Every entry of a Graph list, page after page (`after` cursors), or the first `max` of them. The
 * request's own `limit` sets the page size; with `max` a smaller page is asked for when that is enough.
 */
export async function fetchAllEntries(
	graph: GraphClient,
	request: GraphRequest,
	options: { max?: number; pageSize?: number } = {},
): Promise<IDataObject[]> {
	const entries: IDataObject[] = [];
	const pageSize = options.pageSize ?? 100;
	let after: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const wanted = options.max === undefined ? pageSize : Math.min(pageSize, options.max - entries.length);
		const qs: IDataObject = { ...request.qs, limit: wanted };
		if (after !== undefined) qs.after = after;
		const answer = await graph.request({ ...request, qs });
		entries.push(...entriesOf(answer));
		if (options.max !== undefined && entries.length >= options.max) return entries.slice(0, options.max);
		const next = nextCursor(answer);
		if (next === undefined || next === after) return entries;
		after = next;
	}
	return entries;
}
