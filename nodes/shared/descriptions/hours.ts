import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../accounts/locators';
import { holidaysFromJson, holidaysFromParameter, validateHolidays } from '../hours/holidays';
import { validateTimezone } from '../hours/timezone';
import { DAYS_OF_WEEK, type BusinessClock, type Holiday } from '../hours/types';
import { validateWeeklyHours, weeklyHoursFromParameter, type WeeklyHoursRules } from '../hours/weeklyHours';

/**
 * The hours and holiday parameters that both action nodes show. Each block is a function of the
 * displayOptions of the operation that uses it, so the WhatsApp and Messenger nodes show the same fields
 * with the same names, and the shared hours core reads one value shape (the readers follow each block):
 *   weeklyHours = {"hours": [{"dayOfWeek", "openTime", "closeTime"}]}
 *   holidays    = {"holiday": [{"date", "startTime", "endTime"}]}
 */

// Monday ... Sunday, in Meta's order.
const DAY_OPTIONS = DAYS_OF_WEEK.map((day) => ({ name: day[0] + day.slice(1).toLowerCase(), value: day }));

/** Adds conditions to the `show` part of displayOptions without changing the caller's object. */
export function withShow(displayOptions: IDisplayOptions, extra: IDisplayOptions['show']): IDisplayOptions {
	return { ...displayOptions, show: { ...(displayOptions.show ?? {}), ...extra } };
}

export function timezoneIdField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Timezone',
		name: 'timezoneId',
		// A searchable list of IANA zones with today's offset (shared/methods/listSearch.ts), or the name typed.
		// Workflows saved when this was a text field hold a plain string; locatorValue (shared/accounts) reads both.
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'IANA timezone of the business, e.g. Europe/Berlin or America/Los_Angeles. Opening times and holiday dates are read in this timezone, daylight saving time included.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTimezones', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'Europe/Berlin',
			},
		],
		displayOptions,
	};
}

/** The timezone of an item, checked (a list pick or a typed name). */
export function readTimezoneId(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateTimezone(locatorValue(ctx.getNodeParameter('timezoneId', itemIndex, '')), 'timezoneId');
}

export function weeklyHoursField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Weekly Hours',
		name: 'weeklyHours',
		type: 'fixedCollection',
		required: true,
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Opening Window',
		description:
			'When calls are accepted. At most two windows per day, not overlapping; days without a window are closed.',
		displayOptions,
		options: [
			{
				displayName: 'Opening Window',
				name: 'hours',
				values: [
					{
						displayName: 'Day of Week',
						name: 'dayOfWeek',
						type: 'options',
						options: DAY_OPTIONS,
						default: 'MONDAY',
					},
					{
						displayName: 'Open Time',
						name: 'openTime',
						type: 'string',
						default: '0900',
						placeholder: '0900',
						description: 'Opening time as hhmm (24-hour clock), e.g. 0930',
					},
					{
						displayName: 'Close Time',
						name: 'closeTime',
						type: 'string',
						default: '1700',
						placeholder: '1700',
						description: 'Closing time as hhmm, later than the open time; 2359 means until midnight',
					},
				],
			},
		],
	};
}

/** The weekly hours of an item, checked by the platform's rules (WhatsApp: two windows a day). */
export function readWeeklyHours(ctx: IExecuteFunctions, itemIndex: number, rules: Omit<WeeklyHoursRules, 'field'>) {
	return validateWeeklyHours(weeklyHoursFromParameter(ctx.getNodeParameter('weeklyHours', itemIndex, {}), 'weeklyHours'), { ...rules, field: 'weeklyHours' });
}

function holidaysField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Holidays',
		name: 'holidays',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Holiday',
		description:
			'Dates on which calls are closed, overriding the weekly hours. Dates are in the business timezone and must not lie in the past; at most 20.',
		displayOptions,
		options: [
			{
				displayName: 'Holiday',
				name: 'holiday',
				values: [
					{
						displayName: 'Date',
						name: 'date',
						type: 'string',
						default: '',
						placeholder: '2026-12-25',
						description: 'The date as YYYY-MM-DD',
					},
					{
						displayName: 'Start Time',
						name: 'startTime',
						type: 'string',
						default: '0000',
						placeholder: '0000',
						description: 'Closed from this time (hhmm); 0000 for the whole day',
					},
					{
						displayName: 'End Time',
						name: 'endTime',
						type: 'string',
						default: '2359',
						placeholder: '2359',
						description: 'Closed until this time (hhmm); 2359 for the whole day',
					},
				],
			},
		],
	};
}

/**
 * Holidays from the form or as JSON from an earlier node: `holidaysInput` picks which, then either the
 * `holidays` fixedCollection or `holidaysJson` is shown.
 */
export function holidaysInputFields(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Holidays Input',
			name: 'holidaysInput',
			type: 'options',
			options: [
				{
					name: 'Fields',
					value: 'fields',
					description: 'Enter each holiday in the form below',
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'Pass a list, e.g. from an earlier node',
				},
			],
			default: 'fields',
			displayOptions,
		},
		holidaysField(withShow(displayOptions, { holidaysInput: ['fields'] })),
		{
			displayName: 'Holidays (JSON)',
			name: 'holidaysJson',
			type: 'json',
			default: '[]',
			description:
				'An array of "YYYY-MM-DD" strings (whole days) or {"date", "startTime"?, "endTime"?} objects, e.g. [{"date": "2026-12-25"}, "2026-12-26"]',
			displayOptions: withShow(displayOptions, { holidaysInput: ['json'] }),
		},
	];
}

export interface HolidaysInput {
	holidays: Holiday[];
	/** the parameter they came from, so later rules (past dates, at most 20) name it in their errors */
	field: 'holidays' | 'holidaysJson';
}

/** The holidays of holidaysInputFields: from the form or as JSON, each one read (not yet checked as a list). */
export function readHolidaysInput(ctx: IExecuteFunctions, itemIndex: number): HolidaysInput {
	if (ctx.getNodeParameter('holidaysInput', itemIndex, 'fields') === 'json') {
		return { holidays: holidaysFromJson(ctx.getNodeParameter('holidaysJson', itemIndex, '[]'), 'holidaysJson'), field: 'holidaysJson' };
	}
	return { holidays: holidaysFromParameter(ctx.getNodeParameter('holidays', itemIndex, {}), 'holidays'), field: 'holidays' };
}

// A clock before every date a user can type: with it validateHolidays checks every holiday rule except
// "not in the past", which needs the stored timezone and is checked again after the read.
const BEFORE_ANY_HOLIDAY: BusinessClock = { timezoneId: 'UTC', now: new Date(0) };

/** Dates, times, start before end, one entry per date, at most 20: checked before the first request. */
export function checkHolidaysBeforeRead(input: HolidaysInput): void {
	validateHolidays(input.holidays, { ...BEFORE_ANY_HOLIDAY, field: input.field });
}
