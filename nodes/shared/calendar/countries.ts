import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { isRecord } from '../validation';
import { fetchCalendarText } from './fetch';
import { DEFAULT_PUBLIC_HOLIDAYS_BASE_URL } from './source';

/** The countries the public-holiday service knows (GET /api/v3/AvailableCountries), for the Country list. */
export async function getPublicHolidayCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const configured = this.getCurrentNodeParameter('options.publicHolidaysBaseUrl');
	const base = (typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : DEFAULT_PUBLIC_HOLIDAYS_BASE_URL).replace(/\/+$/, '');
	const url = `${base}/api/v3/AvailableCountries`;
	const text = await fetchCalendarText(this, url, 'countryCode', (address) => `the public-holiday service (${address})`);
	let answer: unknown;
	try {
		answer = JSON.parse(text) as unknown;
	} catch {
		answer = undefined;
	}
	if (!Array.isArray(answer)) return [];
	return answer
		.filter((entry): entry is Record<string, unknown> => isRecord(entry) && typeof entry.countryCode === 'string')
		.map((entry) => ({ name: `${String(entry.name ?? entry.countryCode)} (${String(entry.countryCode)})`, value: String(entry.countryCode) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
