import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../../shared/accounts/locators';
import { holidaysInputFields, timezoneIdField, weeklyHoursField, withShow } from '../../../shared/descriptions/hours';
import {
	callHoursToWire,
	futureHolidays,
	validateHolidays,
	validateTimezone,
	validateWeeklyHours,
	weeklyHoursFromParameter,
	type BusinessClock,
	type CallHoursStatus,
	type Holiday,
} from '../../../shared/hours';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { Settling } from '../../../shared/execution/settling';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { holidayToJson, readHolidaysInput, readPhoneNumberId, updateCallHours } from '../common';

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

/** Everything the user typed, checked: before the first request of the run (validate) and again by execute. */
function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const phoneNumberId = readPhoneNumberId(ctx, itemIndex);
	const status = readStatus(ctx, itemIndex);
	const timezoneId = validateTimezone(locatorValue(ctx.getNodeParameter('timezoneId', itemIndex, '')), 'timezoneId');
	const weeklyHours = validateWeeklyHours(
		weeklyHoursFromParameter(ctx.getNodeParameter('weeklyHours', itemIndex, {}), 'weeklyHours'),
		{ maxPerDay: 2, allowEmpty: false, field: 'weeklyHours' },
	);
	const mode = readHolidayMode(ctx, itemIndex);
	const clock: BusinessClock = { timezoneId, now: new Date() };

	let replacement: Holiday[] = [];
	if (mode === 'replace') {
		const input = readHolidaysInput(ctx, itemIndex);
		replacement = validateHolidays(input.holidays, { ...clock, field: input.field });
	}
	return { phoneNumberId, status, timezoneId, weeklyHours, mode, clock, replacement };
}

type Input = ReturnType<typeof readInput>;

export function validate(this: IExecuteFunctions, itemIndex: number): Input {
	return readInput(this, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	input: Input,
): Promise<Settling> {
	const { phoneNumberId, status, timezoneId, weeklyHours, mode, clock, replacement } = input;

	// The same read-modify-write as the holiday operations: in keep mode the stored holidays stay, and a
	// concurrent holiday change is not lost (see shared/execution/accountUpdate.ts).
	let droppedPast: Holiday[] = [];
	const { plan, outcome } = await updateCallHours(this, itemIndex, graph, phoneNumberId, (stored) => {
		let holidays = replacement;
		if (mode === 'keep') {
			// "Today" is judged in the new timezone: that is the one Meta will check the dates against.
			const storedHolidays = stored?.holidays ?? [];
			holidays = futureHolidays(storedHolidays, clock);
			const kept = new Set(holidays.map((h) => h.date));
			droppedPast = storedHolidays.filter((h) => !kept.has(h.date));
		}
		return { next: { status, timezoneId, weeklyHours, holidays }, report: {} };
	});
	return new Settling(
		outcome.then((written) => ({
			phoneNumberId,
			...written,
			holidayMode: mode,
			calling: { call_hours: callHoursToWire(plan.next) as unknown as IDataObject },
			droppedPastHolidays: droppedPast.map(holidayToJson),
		})),
	);
}
