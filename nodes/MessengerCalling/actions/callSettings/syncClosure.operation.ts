import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { closureStateAt, prepareSource, type Closure } from '../../../shared/calendar';
import { locatorValue } from '../../../shared/accounts/locators';
import { DAY_MS } from '../../../shared/calendar/wall';
import { checkTimeParameter, readCheckTime } from '../../../shared/descriptions/availability';
import { calendarOptions, calendarSourceFields, readCalendarSource } from '../../../shared/descriptions/calendar';
import { timezoneIdField, weeklyHoursField, withShow } from '../../../shared/descriptions/hours';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { Settling } from '../../../shared/execution/settling';
import { validateTimezone, validateWeeklyHours, weeklyHoursFromParameter } from '../../../shared/hours';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError, isBlank } from '../../../shared/validation';
import { CALL_SETTINGS_FIELDS, RING_TARGETS, type MessengerCallSettings } from '../../helpers/callSettings';
import {
	closeChanges,
	isClosedStateOf,
	restoreChanges,
	takeSnapshot,
	type CallSettingsSnapshot,
	type CloseMode,
	type SettingsChanges,
} from '../../helpers/snapshot';
import {
	forgetSnapshot,
	snapshotFromParameter,
	storeSnapshot,
	storedSnapshotIfReadable,
	SYNC_SNAPSHOT_STORE_KEY,
} from '../../helpers/snapshotInput';
import { readDryRun, readPageId, updateCallSettings } from '../common';
import { closeModeField, readCloseMode } from './closeMode';

/*
 * Sync Closure From Calendar: run on a schedule, it closes the Page while a calendar closure is in force
 * and reopens it afterwards. Closing is Close Calling's (same modes, a snapshot kept); reopening is Restore
 * Calling's, from that snapshot, or — with openState "parameters" — from the normal state given in the
 * node, which needs no memory between executions (queue mode).
 */

const displayOptions = showFor('callSettings', 'syncClosure');
const bySnapshot = withShow(displayOptions, { openState: ['snapshot'] });
const byParameters = withShow(displayOptions, { openState: ['parameters'] });

/** How far ahead nextChangeAt is looked for. */
const LOOK_AHEAD_DAYS = 366;

export const description: INodeProperties[] = [
	...calendarSourceFields(displayOptions),
	closeModeField(displayOptions),
	{
		displayName: 'Open State',
		name: 'openState',
		type: 'options',
		options: [
			{
				name: 'Snapshot',
				value: 'snapshot',
				description: 'Keep the settings read when a closure starts and put them back when it ends (pass the snapshot in and out, e.g. with a Data table, in queue mode)',
			},
			{
				name: 'Parameters',
				value: 'parameters',
				description: 'The Page’s normal hours, timezone, icon and routing are given here and applied whenever no closure is in force: nothing is remembered',
			},
		],
		default: 'snapshot',
		displayOptions,
	},
	{
		displayName: 'Snapshot',
		name: 'snapshot',
		type: 'json',
		default: '{}',
		description:
			'The snapshot this operation output when the closure started (its "snapshot" field), e.g. the snapshot column of a Data table Get. Leave {} to use the one kept in the workflow (single n8n process only).',
		displayOptions: bySnapshot,
	},
	{
		displayName: 'Timezone',
		name: 'timezoneId',
		type: 'string',
		default: '',
		placeholder: 'Europe/Berlin',
		description: 'The timezone calendar dates are read in when the Page has no call hours (otherwise the call hours’ timezone is used)',
		displayOptions: bySnapshot,
	},
	timezoneIdField(byParameters),
	weeklyHoursField(byParameters),
	{
		displayName: 'Icon Enabled',
		name: 'iconEnabled',
		type: 'boolean',
		default: true,
		description: 'Whether the call icon shows in Messenger threads while open',
		displayOptions: byParameters,
	},
	{
		displayName: 'Ring Target',
		name: 'ringTarget',
		type: 'options',
		options: [
			{ name: 'Meta (Messenger Apps)', value: 'META' },
			{ name: 'Partners (Your App, via the Calls Webhook)', value: 'PARTNERS' },
		],
		default: 'META',
		description: 'Where calls ring while open',
		displayOptions: byParameters,
	},
	checkTimeParameter(displayOptions, 'Calendar days are read in the Page’s call hours timezone.'),
	optionsCollection(displayOptions, { write: true, readModifyWrite: true, extra: calendarOptions() }),
];

type OpenState = { kind: 'snapshot'; given: CallSettingsSnapshot | undefined; timezoneId: string | undefined } | { kind: 'parameters'; settings: MessengerCallSettings };

function readOpenState(ctx: IExecuteFunctions, itemIndex: number, pageId: string): OpenState {
	const kind = String(ctx.getNodeParameter('openState', itemIndex, 'snapshot'));
	if (kind === 'snapshot') {
		// The same name is a locator under Open State = Parameters: a value saved there may be one.
		const rawZone = locatorValue(ctx.getNodeParameter('timezoneId', itemIndex, ''));
		return {
			kind,
			given: snapshotFromParameter(ctx.getNodeParameter('snapshot', itemIndex, ''), pageId),
			timezoneId: isBlank(rawZone) ? undefined : validateTimezone(rawZone, 'timezoneId'),
		};
	}
	if (kind !== 'parameters') throw new InputError('openState', 'must be snapshot or parameters');
	const timezoneId = validateTimezone(locatorValue(ctx.getNodeParameter('timezoneId', itemIndex, '')), 'timezoneId');
	const weekly = validateWeeklyHours(weeklyHoursFromParameter(ctx.getNodeParameter('weeklyHours', itemIndex, {}), 'weeklyHours'), {
		maxPerDay: 1,
		allowEmpty: false,
		field: 'weeklyHours',
	});
	const ringTarget = String(ctx.getNodeParameter('ringTarget', itemIndex, 'META')).toUpperCase();
	if (!(RING_TARGETS as readonly string[]).includes(ringTarget)) throw new InputError('ringTarget', `must be ${RING_TARGETS.join(' or ')}`);
	return {
		kind,
		settings: {
			call_hours: {
				timezone_id: timezoneId,
				weekly_operating_hours: weekly.map((e) => ({ day_of_week: e.dayOfWeek, open_time: e.openTime, close_time: e.closeTime })),
			},
			call_routing: { ring_target: ringTarget },
			icon_enabled: ctx.getNodeParameter('iconEnabled', itemIndex, true) !== false,
		},
	};
}

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(ctx, itemIndex);
	return {
		pageId,
		source: readCalendarSource(ctx, itemIndex),
		mode: readCloseMode(ctx, itemIndex),
		open: readOpenState(ctx, itemIndex, pageId),
		at: readCheckTime(ctx, itemIndex),
	};
}

type Input = ReturnType<typeof readInput>;

export function validate(this: IExecuteFunctions, itemIndex: number): Input {
	return readInput(this, itemIndex);
}

type Action = 'closed' | 'restored' | 'none';

interface Decision {
	action: Action;
	reason: string;
	changes: SettingsChanges;
	timezoneId: string;
	closure: Closure | undefined;
	nextChangeAt: number | undefined;
	/** the snapshot that describes the open Page, while closed (snapshot mode) */
	snapshot: CallSettingsSnapshot | undefined;
	/** the restore used this snapshot: forget it once Meta accepted */
	restoredFrom: CallSettingsSnapshot | undefined;
}

function decide(
	current: MessengerCallSettings,
	fresh: () => CallSettingsSnapshot,
	open: OpenState,
	kept: CallSettingsSnapshot | undefined,
	mode: CloseMode,
	state: { active: Closure | undefined; nextChangeAt: number | undefined },
	timezoneId: string,
): Decision {
	const base = { timezoneId, closure: state.active, nextChangeAt: state.nextChangeAt, restoredFrom: undefined };
	if (state.active) {
		if (open.kind === 'snapshot' && kept && isClosedStateOf(kept, current)) {
			return { ...base, action: 'none', reason: 'already_closed', changes: {}, snapshot: kept };
		}
		const changes = closeChanges(current, mode);
		if (Object.keys(changes).length === 0) return { ...base, action: 'none', reason: 'already_closed', changes, snapshot: kept };
		return { ...base, action: 'closed', reason: 'closure_started', changes, snapshot: open.kind === 'snapshot' ? fresh() : undefined };
	}
	if (open.kind === 'parameters') {
		const { changes } = restoreChanges(open.settings, current);
		if (Object.keys(changes).length === 0) return { ...base, action: 'none', reason: 'open', changes, snapshot: undefined };
		return { ...base, action: 'restored', reason: 'no_closure', changes, snapshot: undefined };
	}
	if (!kept) return { ...base, action: 'none', reason: 'open', changes: {}, snapshot: undefined };
	const plan = restoreChanges(kept.settings, current);
	return {
		...base,
		action: Object.keys(plan.changes).length === 0 ? 'none' : 'restored',
		reason: 'closure_ended',
		changes: plan.changes,
		snapshot: undefined,
		restoredFrom: kept,
	};
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	input: Input,
): Promise<Settling> {
	const { pageId, source, mode, open, at } = input;
	const dryRun = readDryRun(this, itemIndex);
	const staticData = this.getWorkflowStaticData('global');
	const window = { from: at.getTime() - DAY_MS, to: at.getTime() + LOOK_AHEAD_DAYS * DAY_MS };
	// The calendar is read first: if it fails, nothing is read from or written to Meta.
	const prepared = await prepareSource(this, source, window);
	const kept = open.kind === 'snapshot' ? (open.given ?? storedSnapshotIfReadable(staticData, pageId, SYNC_SNAPSHOT_STORE_KEY)) : undefined;

	let decision: Decision | undefined;
	let summary: IDataObject = {};
	const update = await updateCallSettings(
		this,
		itemIndex,
		graph,
		pageId,
		// Closing hides the icon first, restoring shows it last, as Close and Restore Calling do.
		() => (decision?.action === 'closed' ? 'close' : 'restore'),
		(reading) => {
			const current = reading.settings;
			const zone = current.call_hours?.timezone_id ?? (open.kind === 'parameters' ? open.settings.call_hours?.timezone_id : open.timezoneId);
			if (!zone) {
				throw new InputError('timezoneId', 'is required: this Page has no call hours, so the calendar needs a timezone to read its dates in');
			}
			const loaded = prepared.closuresFor(window, zone);
			summary = loaded.summary;
			decision = decide(current, () => takeSnapshot(pageId, reading, new Date()), open, kept, mode, closureStateAt(loaded.closures, at.getTime()), zone);
			// Kept before writing, so that even a close that fails half-way can be undone (as Close Calling does).
			if (!dryRun && decision.action === 'closed' && decision.snapshot) storeSnapshot(staticData, decision.snapshot, SYNC_SNAPSHOT_STORE_KEY);
			return decision.changes;
		},
		CALL_SETTINGS_FIELDS,
	);

	return new Settling(
		update.outcome.then(({ report, previews }) => {
			const d = decision as Decision;
			if (!dryRun && d.restoredFrom) forgetSnapshot(staticData, pageId, SYNC_SNAPSHOT_STORE_KEY);
			const local = (millis: number | undefined) =>
				millis === undefined ? null : DateTime.fromMillis(millis, { zone: d.timezoneId }).toISO({ suppressMilliseconds: true });
			const result: IDataObject = {
				pageId,
				action: d.action,
				reason: d.reason,
				at: at.toISOString(),
				timezoneId: d.timezoneId,
				closure: d.closure ? { summary: d.closure.summary, start: local(d.closure.start), end: local(d.closure.end) } : null,
				nextChangeAt: local(d.nextChangeAt),
				changed: Object.keys(d.changes),
				calendar: summary,
			};
			if (open.kind === 'snapshot') result.snapshot = (d.snapshot ?? null) as unknown as IDataObject;
			if (d.action === 'restored' && d.restoredFrom) result.restoredFrom = d.restoredFrom as unknown as IDataObject;
			if (dryRun) Object.assign(result, { dryRun: true, requests: previews });
			else Object.assign(result, report);
			return result;
		}),
	);
}
