import { isIsoDate } from '../hours/time';
import { InputError, isRecord } from '../validation';

/*
 * The Nager.Date answer (GET /api/v3/PublicHolidays/{year}/{countryCode}) -> the dates that close the
 * business: nation-wide holidays, plus the subdivision's own when one is given, of the wanted types.
 */

export const HOLIDAY_TYPES = ['Public', 'Bank', 'School', 'Authorities', 'Optional', 'Observance'] as const;

export interface PublicHolidayFilter {
	countryCode: string;
	/** ISO 3166-2, e.g. DE-BY; empty = nation-wide holidays only */
	subdivisionCode: string;
	types: readonly string[];
}

export interface PublicHoliday {
	date: string;
	name: string;
}

/** Reads one year's answer; anything that is not a list of holidays is an InputError saying so. */
export function publicHolidaysFromAnswer(answer: unknown, filter: PublicHolidayFilter, field: string): PublicHoliday[] {
	if (!Array.isArray(answer)) {
		throw new InputError(field, 'the public-holiday service did not answer with a list of holidays');
	}
	const kept: PublicHoliday[] = [];
	answer.forEach((raw, index) => {
		if (!isRecord(raw) || !isIsoDate(raw.date)) {
			throw new InputError(field, `the public-holiday service answered garbage: entry ${index} has no date as YYYY-MM-DD`);
		}
		const counties = Array.isArray(raw.counties) ? raw.counties.map(String) : [];
		const regional = raw.global === false;
		if (regional && !(filter.subdivisionCode !== '' && counties.includes(filter.subdivisionCode))) return;
		const types = Array.isArray(raw.types) ? raw.types.map(String) : typeof raw.type === 'string' ? [raw.type] : ['Public'];
		if (!types.some((type) => filter.types.includes(type))) return;
		kept.push({ date: raw.date, name: String(raw.localName ?? raw.name ?? '') });
	});
	return kept;
}

/** ISO 3166-2 subdivision of the country, e.g. DE-BY; '' when empty. */
export function parseSubdivisionCode(value: unknown, countryCode: string, field = 'subdivisionCode'): string {
	const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (text === '') return '';
	if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(text)) throw new InputError(field, `must be an ISO 3166-2 code like DE-BY, or empty (got "${String(value)}")`);
	if (!text.startsWith(`${countryCode}-`)) throw new InputError(field, `${text} is not a subdivision of ${countryCode}`);
	return text;
}

/** The holiday types to keep: a list from the option, checked; default Public only. */
export function parseHolidayTypes(value: unknown, field = 'options.holidayTypes'): string[] {
	if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return ['Public'];
	const list = Array.isArray(value) ? value.map(String) : String(value).split(',').map((part) => part.trim());
	for (const type of list) {
		if (!(HOLIDAY_TYPES as readonly string[]).includes(type)) throw new InputError(field, `"${type}" is not one of ${HOLIDAY_TYPES.join(', ')}`);
	}
	return list;
}
