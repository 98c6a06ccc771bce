import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import {
	holidaysInputFields,
	readHolidaysInput,
	readTimezoneId,
	readWeeklyHours,
	timezoneIdField,
	weeklyHoursField,
	withShow,
} from '../../../shared/descriptions/hours';
import { futureHolidays, validateHolidays } from '../../../shared/hours/holidays';
import type { BusinessClock, CallHours, CallHoursStatus, Holiday } from '../../../shared/hours/types';
import { callHoursToWire } from '../../../shared/hours/wire';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { Settling } from '../../../shared/execution/settling';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import { holidayToJson, updateSettings } from '../api';

const displayOptions = showFor('callingSettings', 'setCallHours');

export const description: INodeProperties[] = [
	{
		displayName:
			'Meta replaces the whole call hours setting on every write. This operation always sends status, timezone, weekly hours and a holiday list, so choose below what happens to the holidays already stored.',
		name: 'setCallHoursNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	{
		displayName: 'Call Hours Status',
		name: 'callHoursStatus',
		type: 'options',
		options: [
			{ name: 'Enabled', value: 'ENABLED', description: 'Accept calls only within the hours below' },
			{ name: 'Disabled', value: 'DISABLED', description: 'Store the hours but accept calls around the clock' },
		],
		default: 'ENABLED',
		displayOptions,
	},
	timezoneIdField(displayOptions),
	weeklyHoursField(displayOptions),
	{
		displayName: 'Holiday Mode',
		name: 'holidayMode',
		type: 'options',
		options: [
			{
				name: 'Keep Stored Holidays',
				value: 'keep',
				description: 'Send the holidays already stored again (past dates dropped)',
			},
			{
				name: 'Replace With These Holidays',
				value: 'replace',
				description: 'The holiday schedule becomes the list given here',
			},
			{
				name: 'Clear All Holidays',
				value: 'clear',
				description: 'Delete every stored holiday',
			},
		],
		default: 'keep',
		displayOptions,
	},
	...holidaysInputFields(withShow(displayOptions, { holidayMode: ['replace'] })),
	optionsCollection(displayOptions, { write: true, readModifyWrite: true }),
];

const HOLIDAY_MODES = ['keep', 'replace', 'clear'] as const;
type HolidayMode = (typeof HOLIDAY_MODES)[number];

function readStatus(ctx: IExecuteFunctions, itemIndex: number): CallHoursStatus {
	const raw = String(ctx.getNodeParameter('callHoursStatus', itemIndex, 'ENABLED')).trim().toUpperCase();
	if (raw !== 'ENABLED' && raw !== 'DISABLED') throw new InputError('callHoursStatus', 'must be ENABLED or DISABLED');
	return raw;
}

function readHolidayMode(ctx: IExecuteFunctions, itemIndex: number): HolidayMode {
	const raw = String(ctx.getNodeParameter('holidayMode', itemIndex, 'keep'));
	if (!(HOLIDAY_MODES as readonly string[]).includes(raw)) {
		throw new InputError('holidayMode', `must be one of ${HOLIDAY_MODES.join(', ')}`);
	}
	return raw as HolidayMode;
}

/** Everything the user typed, checked before the first request of the run. */
export function validate(this: IExecuteFunctions, itemIndex: number) {
	const phoneNumberId = readPhoneNumberId(this, itemIndex);
	const status = readStatus(this, itemIndex);
	const timezoneId = readTimezoneId(this, itemIndex);
	const weeklyHours = readWeeklyHours(this, itemIndex, { maxPerDay: 2, allowEmpty: false });
	const mode = readHolidayMode(this, itemIndex);
	const clock: BusinessClock = { timezoneId, now: new Date() };
	let replacement: Holiday[] = [];
	if (mode === 'replace') {
		const input = readHolidaysInput(this, itemIndex);
		replacement = validateHolidays(input.holidays, { ...clock, field: input.field });
	}
	return { phoneNumberId, status, timezoneId, weeklyHours, mode, clock, replacement, options: readOptions(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

/** The new call hours, and (keep mode) the stored holidays that are dropped because their date has passed. */
function decideCallHours(input: Input, stored: CallHours | undefined): { next: CallHours; droppedPast: Holiday[] } {
	const { status, timezoneId, weeklyHours, mode, clock } = input;
	if (mode !== 'keep') return { next: { status, timezoneId, weeklyHours, holidays: input.replacement }, droppedPast: [] };
	// "Today" is judged in the new timezone: that is the one Meta will check the dates against.
	const storedHolidays = stored?.holidays ?? [];
	const holidays = futureHolidays(storedHolidays, clock);
	const kept = new Set(holidays.map((h) => h.date));
	return { next: { status, timezoneId, weeklyHours, holidays }, droppedPast: storedHolidays.filter((h) => !kept.has(h.date)) };
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<Settling> {
	const { phoneNumberId } = input;
	// The same read-modify-write as the holiday operations: in keep mode the stored holidays stay, and a
	// concurrent holiday change is not lost (see shared/execution/accountUpdate.ts).
	const { decision, outcome } = await updateSettings(this, graph, phoneNumberId, input.options, (stored) => decideCallHours(input, stored));
	return new Settling(
		outcome.then((written) => ({
			phoneNumberId,
			...written,
			holidayMode: input.mode,
			calling: { call_hours: callHoursToWire(decision.next) as unknown as IDataObject },
			droppedPastHolidays: decision.droppedPast.map(holidayToJson),
		})),
	);
}
