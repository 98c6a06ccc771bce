import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { jsonEntries } from '../calendar/jsonSource';
import { HOLIDAY_TYPES, parseHolidayTypes, parseSubdivisionCode } from '../calendar/publicHolidays';
import { CALENDAR_SOURCES, DEFAULT_PUBLIC_HOLIDAYS_BASE_URL, type CalendarSource } from '../calendar/source';
import { InputError, isBlank, parseCountryCode } from '../validation';
import { withShow } from './hours';

/*
 * The calendar parameters both action nodes show (Sync From Calendar, Sync Closure From Calendar and the
 * optional calendar of Availability → Check): where closures come from. Their options
 * (holidayTypes, publicHolidaysBaseUrl) go into the operation's options collection.
 */

const LOAD_COUNTRIES_METHOD = 'getPublicHolidayCountries';

function calendarSourceField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Calendar Source',
		name: 'calendarSource',
		type: 'options',
		options: [
			{
				name: 'Public Holidays',
				value: 'publicHolidays',
				description: 'Public holidays of a country (and optionally one region), from the Nager.Date service; no account needed',
			},
			{
				name: 'iCalendar Feed',
				value: 'ical',
				description: 'Any .ics address: a Google or Outlook calendar, a public holiday calendar, a company closures calendar',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'Dates from an earlier node, e.g. a Google Calendar node or a Data table',
			},
		],
		default: 'publicHolidays',
		displayOptions,
	};
}

/** The selector and, for each kind of source, what it needs. */
export function calendarSourceFields(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		calendarSourceField(displayOptions),
		{
			displayName: 'Country Name or ID',
			name: 'countryCode',
			type: 'options',
			typeOptions: { loadOptionsMethod: LOAD_COUNTRIES_METHOD, loadOptionsDependsOn: ['options.publicHolidaysBaseUrl'] },
			default: '',
			required: true,
			description:
				'The country whose public holidays close calls (ISO 3166-1 alpha-2, e.g. DE). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: withShow(displayOptions, { calendarSource: ['publicHolidays'] }),
		},
		{
			displayName: 'Subdivision Code',
			name: 'subdivisionCode',
			type: 'string',
			default: '',
			placeholder: 'DE-BY',
			description:
				'ISO 3166-2 code of a state or region whose own holidays close calls too, e.g. DE-BY for Bavaria. Empty = nation-wide holidays only.',
			displayOptions: withShow(displayOptions, { calendarSource: ['publicHolidays'] }),
		},
		{
			displayName: 'Calendar URL',
			name: 'calendarUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://calendar.google.com/calendar/ical/.../public/basic.ics',
			description:
				'Address of the iCalendar (.ics) feed: https://, http:// or webcal://. All-day events close whole days, timed events their time; recurring events repeat.',
			displayOptions: withShow(displayOptions, { calendarSource: ['ical'] }),
		},
		{
			displayName: 'Calendar JSON',
			name: 'calendarJson',
			type: 'json',
			default: '[]',
			description:
				'A JSON list of "YYYY-MM-DD" dates or {date, endDate?, startTime?, endTime?} objects (endDate = last closed day; times as hhmm, endTime inclusive), or events of n8n’s Google Calendar node ({summary, start, end}), e.g. an expression that hands over an earlier node’s list',
			displayOptions: withShow(displayOptions, { calendarSource: ['json'] }),
		},
	];
}

/** Options for the operation's options collection (alphabetical order is sorted there). */
export function calendarOptions(): INodeProperties[] {
	return [
		{
			displayName: 'Holiday Types',
			name: 'holidayTypes',
			type: 'multiOptions',
			options: HOLIDAY_TYPES.map((type) => ({ name: type, value: type })),
			default: ['Public'],
			description: 'Which kinds of public holiday close calls (Public Holidays source). Public = days off by law.',
		},
		{
			displayName: 'Public Holidays Base URL',
			name: 'publicHolidaysBaseUrl',
			type: 'string',
			default: DEFAULT_PUBLIC_HOLIDAYS_BASE_URL,
			description: 'Where the Nager.Date API is served: change it for a proxy or a self-hosted copy',
		},
	];
}

/** Availability → Check's optional calendar: off by default; on, the source fields as everywhere else. */
export function availabilityCalendarFields(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Check Calendar',
			name: 'checkCalendar',
			type: 'boolean',
			default: false,
			description: 'Whether closures from a calendar (public holidays, an iCalendar feed, JSON) also count as holidays',
			displayOptions,
		},
		...calendarSourceFields(withShow(displayOptions, { checkCalendar: [true] })),
	];
}

function readUrl(value: unknown, field: string, schemes: string[]): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') throw new InputError(field, `is required: the address of the calendar (${schemes.join(', ')})`);
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url) throw new InputError(field, `must be a URL starting with ${schemes.join(', ')} (got "${text}")`);
	if (!schemes.includes(url.protocol.replace(':', '://'))) {
		throw new InputError(field, `must start with ${schemes.join(', ')} (got "${url.protocol}")`);
	}
	// webcal:// is the same feed over HTTPS (how calendar apps hand out subscription links).
	if (url.protocol === 'webcal:') return `https://${text.slice('webcal://'.length)}`;
	return text;
}

/** The source of item `itemIndex`; its options sit in the operation's options collection. */
export function readCalendarSource(ctx: IExecuteFunctions, itemIndex: number): CalendarSource {
	const kind = String(ctx.getNodeParameter('calendarSource', itemIndex, 'publicHolidays'));
	if (kind === 'publicHolidays') {
		const rawCountry = ctx.getNodeParameter('countryCode', itemIndex, '');
		if (isBlank(rawCountry)) throw new InputError('countryCode', 'is required: the ISO 3166-1 alpha-2 code of the country, e.g. DE');
		const countryCode = parseCountryCode(rawCountry, 'countryCode');
		const subdivisionCode = parseSubdivisionCode(ctx.getNodeParameter('subdivisionCode', itemIndex, ''), countryCode);
		const types = parseHolidayTypes(ctx.getNodeParameter('options.holidayTypes', itemIndex, []));
		const rawBase = ctx.getNodeParameter('options.publicHolidaysBaseUrl', itemIndex, DEFAULT_PUBLIC_HOLIDAYS_BASE_URL);
		const baseUrl = readUrl(isBlank(rawBase) ? DEFAULT_PUBLIC_HOLIDAYS_BASE_URL : rawBase, 'options.publicHolidaysBaseUrl', ['https://', 'http://']).replace(/\/+$/, '');
		return { kind, countryCode, subdivisionCode, types, baseUrl };
	}
	if (kind === 'ical') {
		return { kind, url: readUrl(ctx.getNodeParameter('calendarUrl', itemIndex, ''), 'calendarUrl', ['https://', 'http://', 'webcal://']) };
	}
	if (kind === 'json') {
		const value = ctx.getNodeParameter('calendarJson', itemIndex, '[]');
		// Shape and size checked now; each entry when the source is prepared, still before any request.
		jsonEntries(value);
		return { kind, value };
	}
	throw new InputError('calendarSource', `must be one of ${CALENDAR_SOURCES.join(', ')} (got "${kind}")`);
}

/** The calendar of an availability check, when switched on (checked in validate like every parameter). */
export function readCheckCalendar(ctx: IExecuteFunctions, itemIndex: number): CalendarSource | undefined {
	return ctx.getNodeParameter('checkCalendar', itemIndex, false) === true ? readCalendarSource(ctx, itemIndex) : undefined;
}
