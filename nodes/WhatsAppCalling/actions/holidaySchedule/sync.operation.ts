import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { calendarOptions, calendarSourceFields, readCalendarSource } from '../../../shared/descriptions/calendar';
import { closureDays, prepareSource } from '../../../shared/calendar';
import { DAY_MS } from '../../../shared/calendar/wall';
import { callHoursChange, holdsCallHoursChange, todayIn } from '../../../shared/hours';
import type { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { InputError } from '../../../shared/validation';
import { planHolidaySync, SYNC_MODES, type SyncMode } from '../../helpers/holidaySync';
import { changeHolidays, keepsEverythingElseNotice } from './write';
import { holidayToJson, readPhoneNumberId } from '../common';

const displayOptions = showFor('holidaySchedule', 'sync');

export const DEFAULT_LOOK_AHEAD_DAYS = 366;
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

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const phoneNumberId = readPhoneNumberId(ctx, itemIndex);
	const source = readCalendarSource(ctx, itemIndex);
	const mode = String(ctx.getNodeParameter('syncMode', itemIndex, 'mirror'));
	if (!(SYNC_MODES as readonly string[]).includes(mode)) throw new InputError('syncMode', `must be one of ${SYNC_MODES.join(', ')}`);
	const lookAheadDays = Number(ctx.getNodeParameter('options.lookAheadDays', itemIndex, DEFAULT_LOOK_AHEAD_DAYS));
	if (!Number.isInteger(lookAheadDays) || lookAheadDays < 1 || lookAheadDays > MAX_LOOK_AHEAD_DAYS) {
		throw new InputError('options.lookAheadDays', `must be a whole number from 1 to ${MAX_LOOK_AHEAD_DAYS}`);
	}
	const allowEmptyCalendar = ctx.getNodeParameter('options.allowEmptyCalendar', itemIndex, false) === true;
	return { phoneNumberId, source, mode: mode as SyncMode, lookAheadDays, allowEmptyCalendar };
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
	const { phoneNumberId, source, mode, lookAheadDays, allowEmptyCalendar } = input;
	const now = new Date();
	// The source is read before the settings: if it fails, no request goes to Meta at all.
	const prepared = await prepareSource(this, source, { from: now.getTime() - DAY_MS, to: now.getTime() + (lookAheadDays + 1) * DAY_MS });
	return await changeHolidays(this, itemIndex, graph, phoneNumberId, (stored) => {
		const clock = { timezoneId: stored.timezoneId, now };
		const today = DateTime.fromISO(todayIn(clock), { zone: stored.timezoneId });
		const window = { from: today.toMillis(), to: today.plus({ days: lookAheadDays }).toMillis() };
		const { closures, summary } = prepared.closuresFor(window, stored.timezoneId);
		const lastDate = today.plus({ days: lookAheadDays - 1 }).toISODate() as string;
		const days = closureDays(closures, stored.timezoneId, window).filter((day) => day.date >= (today.toISODate() as string) && day.date <= lastDate);
		const plan = planHolidaySync(stored.holidays, days, mode, clock, allowEmptyCalendar);
		const next = { ...stored, holidays: plan.holidays };
		const unchanged = holdsCallHoursChange(stored, callHoursChange(stored, next));
		return {
			holidays: plan.holidays,
			droppedPast: plan.droppedPast,
			report: {
				syncMode: mode,
				added: plan.added,
				removed: plan.removed,
				kept: plan.kept,
				deferred: plan.deferred,
				unchanged,
				calendar: { ...summary, days: days.length, from: today.toISODate(), to: lastDate },
				calendarDays: days.map(holidayToJson),
			},
		};
	});
}
