import { sleep, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import { calendarOptions, calendarSourceFields, readCalendarSource } from '../../../shared/descriptions/calendar';
import { closureDays } from '../../../shared/calendar/days';
import { prepareSource, type PreparedSource } from '../../../shared/calendar/source';
import { DAY_MS } from '../../../shared/calendar/wall';
import { callHoursChange, holdsCallHoursChange } from '../../../shared/hours/change';
import { todayIn } from '../../../shared/hours/timezone';
import type { BusinessClock, CallHours } from '../../../shared/hours/types';
import type { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import { InputError } from '../../../shared/validation';
import { planHolidaySync, SYNC_MODES, type SyncMode } from '../../helpers/holidaySync';
import { holidayToJson, updateHolidays, type HolidayDecision } from '../api';
import { keepsEverythingElseNotice } from './holidayList';

const displayOptions = showFor('holidaySchedule', 'sync');

const DEFAULT_LOOK_AHEAD_DAYS = 366;
const MAX_LOOK_AHEAD_DAYS = 3660;

export const description: INodeProperties[] = [
	keepsEverythingElseNotice(displayOptions),
	...calendarSourceFields(displayOptions),
	{
		displayName: 'Sync Mode',
		name: 'syncMode',
		type: 'options',
		options: [
			{
				name: 'Mirror',
				value: 'mirror',
				description: 'The stored holidays become exactly the calendar’s upcoming days; holidays not in the calendar are removed',
			},
			{
				name: 'Merge',
				value: 'merge',
				description: 'Calendar days are added; every stored holiday is kept',
			},
		],
		default: 'mirror',
		displayOptions,
	},
	{
		displayName:
			'Meta keeps at most 20 holidays: the soonest 20 are written and the rest are output as "deferred". Run this on a schedule (e.g. weekly) and later days move in as earlier ones pass.',
		name: 'holidaySyncNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	optionsCollection(displayOptions, {
		write: true,
		readModifyWrite: true,
		extra: [
			{
				displayName: 'Allow Empty Calendar',
				name: 'allowEmptyCalendar',
				type: 'boolean',
				default: false,
				description:
					'Whether a mirror sync may delete every stored holiday when the calendar has no upcoming day. Off, such a sync fails and writes nothing (a broken or emptied calendar must not wipe the schedule).',
			},
			{
				displayName: 'Look-Ahead Days',
				name: 'lookAheadDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_LOOK_AHEAD_DAYS },
				default: DEFAULT_LOOK_AHEAD_DAYS,
				description: 'How many days from today (in the number’s timezone) the calendar is read for',
			},
			...calendarOptions(),
		],
	}),
];

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const phoneNumberId = readPhoneNumberId(this, itemIndex);
	const source = readCalendarSource(this, itemIndex);
	const mode = String(this.getNodeParameter('syncMode', itemIndex, 'mirror'));
	if (!(SYNC_MODES as readonly string[]).includes(mode)) throw new InputError('syncMode', `must be one of ${SYNC_MODES.join(', ')}`);
	const lookAheadDays = Number(this.getNodeParameter('options.lookAheadDays', itemIndex, DEFAULT_LOOK_AHEAD_DAYS));
	if (!Number.isInteger(lookAheadDays) || lookAheadDays < 1 || lookAheadDays > MAX_LOOK_AHEAD_DAYS) {
		throw new InputError('options.lookAheadDays', `must be a whole number from 1 to ${MAX_LOOK_AHEAD_DAYS}`);
	}
	const allowEmptyCalendar = this.getNodeParameter('options.allowEmptyCalendar', itemIndex, false) === true;
	return { phoneNumberId, source, mode: mode as SyncMode, lookAheadDays, allowEmptyCalendar, options: readOptions(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

/**
 * The holidays a sync writes on the stored call hours: the calendar's days from today (in the stored
 * timezone) for lookAheadDays, planned against the stored holidays. At the occurrence limit the zone step
 * and the day walk take tens of milliseconds each, so the event loop gets a turn between them.
 */
export async function decideSync(prepared: PreparedSource, stored: CallHours, clock: BusinessClock, sync: Pick<Input, 'mode' | 'lookAheadDays' | 'allowEmptyCalendar'>): Promise<HolidayDecision> {
	const { mode, lookAheadDays } = sync;
	const today = DateTime.fromISO(todayIn(clock), { zone: clock.timezoneId });
	const window = { from: today.toMillis(), to: today.plus({ days: lookAheadDays }).toMillis() };
	const { closures, summary } = prepared.closuresFor(window, clock.timezoneId);
	await sleep(0);
	const firstDate = today.toISODate() as string;
	const lastDate = today.plus({ days: lookAheadDays - 1 }).toISODate() as string;
	const days = closureDays(closures, clock.timezoneId, window).filter((day) => day.date >= firstDate && day.date <= lastDate);
	const plan = planHolidaySync(stored.holidays, days, mode, clock, sync.allowEmptyCalendar);
	const unchanged = holdsCallHoursChange(stored, callHoursChange(stored, { ...stored, holidays: plan.holidays }));
	const { holidays, droppedPast, added, removed, kept, deferred } = plan;
	return {
		holidays,
		droppedPast,
		report: {
			syncMode: mode,
			added,
			removed,
			kept,
			deferred,
			unchanged,
			calendar: { ...summary, days: days.length, from: firstDate, to: lastDate },
			calendarDays: days.map(holidayToJson),
		},
	};
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<Settling> {
	const now = new Date();
	// The source is read before the settings: if it fails, no request goes to Meta at all.
	const prepared = await prepareSource(this, input.source, { from: now.getTime() - DAY_MS, to: now.getTime() + (input.lookAheadDays + 1) * DAY_MS });
	return await updateHolidays(this, graph, input, async (stored) => await decideSync(prepared, stored, { timezoneId: stored.timezoneId, now }, input));
}
