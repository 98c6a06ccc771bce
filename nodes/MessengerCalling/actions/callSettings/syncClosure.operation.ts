import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { locatorValue, readPageId } from '../../../shared/accounts/locators';
import { prepareSource } from '../../../shared/calendar/source';
import { closureStateAt, type ClosureState } from '../../../shared/calendar/state';
import type { Closure } from '../../../shared/calendar/types';
import { DAY_MS } from '../../../shared/calendar/wall';
import { checkTimeParameter, readCheckTime } from '../../../shared/descriptions/availability';
import { calendarOptions, calendarSourceFields, readCalendarSource } from '../../../shared/descriptions/calendar';
import { timezoneIdField, weeklyHoursField, withShow } from '../../../shared/descriptions/hours';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import { Settling } from '../../../shared/execution/settling';
import { validateTimezone } from '../../../shared/hours/timezone';
import { messengerCallHoursToWire } from '../../../shared/hours/wire';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError, isBlank } from '../../../shared/validation';
import { RING_TARGETS, type CallSettingsReading, type MessengerCallSettings } from '../../helpers/callSettings';
import { closeChanges, isClosedStateOf, restoreChanges, takeSnapshot, type CallSettingsSnapshot } from '../../helpers/snapshot';
import {
	forgetSnapshot,
	snapshotFromParameter,
	storeSnapshot,
	storedSnapshotIfReadable,
	SYNC_SNAPSHOT_STORE_KEY,
} from '../../helpers/snapshotInput';
import { updateSettings, type SettingsDecision } from '../api';
import { closeModeField, readCallHoursFields, readCloseMode } from './fields';

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
	const { timezoneId, weeklyHours } = readCallHoursFields(ctx, itemIndex, false);
	const ringTarget = String(ctx.getNodeParameter('ringTarget', itemIndex, 'META')).toUpperCase();
	if (!(RING_TARGETS as readonly string[]).includes(ringTarget)) throw new InputError('ringTarget', `must be ${RING_TARGETS.join(' or ')}`);
	return {
		kind,
		settings: {
			call_hours: messengerCallHoursToWire(timezoneId, weeklyHours),
			call_routing: { ring_target: ringTarget },
			icon_enabled: ctx.getNodeParameter('iconEnabled', itemIndex, true) !== false,
		},
	};
}

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(this, itemIndex);
	return {
		pageId,
		source: readCalendarSource(this, itemIndex),
		mode: readCloseMode(this, itemIndex),
		open: readOpenState(this, itemIndex, pageId),
		at: readCheckTime(this, itemIndex),
		options: readOptions(this, itemIndex),
	};
}

type Input = ReturnType<typeof validate>;

type Action = 'closed' | 'restored' | 'none';

interface SyncDecision extends SettingsDecision {
	action: Action;
	reason: string;
	timezoneId: string;
	closure: Closure | undefined;
	nextChangeAt: number | undefined;
	/** the snapshot that describes the open Page, while closed (snapshot mode) */
	snapshot: CallSettingsSnapshot | undefined;
	/** the restore used this snapshot: forget it once Meta accepted */
	restoredFrom: CallSettingsSnapshot | undefined;
	/** what the calendar source held (source.ts) */
	calendar: IDataObject;
}

/** What the Page and the calendar say, when the settings are read. */
interface SyncState {
	reading: CallSettingsReading;
	/** the snapshot of the open Page, from the parameter or the workflow (snapshot mode) */
	kept: CallSettingsSnapshot | undefined;
	closures: ClosureState;
	timezoneId: string;
	calendar: IDataObject;
}

type Verdict = Pick<SyncDecision, 'action' | 'reason' | 'change' | 'snapshot'> & Partial<Pick<SyncDecision, 'restoredFrom'>>;

/** While a closure is in force: close the Page, unless it is closed already. */
function closeVerdict({ pageId, open, mode }: Input, { reading, kept }: SyncState): Verdict {
	const current = reading.settings;
	if (open.kind === 'snapshot' && kept && isClosedStateOf(kept, current)) {
		return { action: 'none', reason: 'already_closed', change: {}, snapshot: kept };
	}
	const change = closeChanges(current, mode);
	if (Object.keys(change).length === 0) return { action: 'none', reason: 'already_closed', change, snapshot: kept };
	const snapshot = open.kind === 'snapshot' ? takeSnapshot(pageId, reading, new Date()) : undefined;
	return { action: 'closed', reason: 'closure_started', change, snapshot };
}

/** Outside closures: open the Page, from the parameters or from the snapshot kept when it closed. */
function openVerdict({ open }: Input, { reading, kept }: SyncState): Verdict {
	const current = reading.settings;
	if (open.kind === 'parameters') {
		const { changes } = restoreChanges(open.settings, current);
		const none = Object.keys(changes).length === 0;
		return { action: none ? 'none' : 'restored', reason: none ? 'open' : 'no_closure', change: changes, snapshot: undefined };
	}
	if (!kept) return { action: 'none', reason: 'open', change: {}, snapshot: undefined };
	const { changes } = restoreChanges(kept.settings, current);
	const action = Object.keys(changes).length === 0 ? 'none' : 'restored';
	return { action, reason: 'closure_ended', change: changes, snapshot: undefined, restoredFrom: kept };
}

function decide(input: Input, state: SyncState): SyncDecision {
	const { active, nextChangeAt } = state.closures;
	const verdict = active ? closeVerdict(input, state) : openVerdict(input, state);
	return {
		restoredFrom: undefined,
		...verdict,
		// Closing hides the icon first, restoring shows it last, as Close and Restore Calling do.
		order: verdict.action === 'closed' ? 'close' : 'restore',
		timezoneId: state.timezoneId,
		closure: active,
		nextChangeAt,
		calendar: state.calendar,
	};
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<Settling> {
	const { pageId, source, open, at, options } = input;
	const staticData = this.getWorkflowStaticData('global');
	const window = { from: at.getTime() - DAY_MS, to: at.getTime() + LOOK_AHEAD_DAYS * DAY_MS };
	// The calendar is read first: if it fails, nothing is read from or written to Meta.
	const prepared = await prepareSource(this, source, window);
	const kept = open.kind === 'snapshot' ? (open.given ?? storedSnapshotIfReadable(staticData, pageId, SYNC_SNAPSHOT_STORE_KEY)) : undefined;

	const update = await updateSettings(this, graph, pageId, options, (reading) => {
		const zone = reading.settings.call_hours?.timezone_id ?? (open.kind === 'parameters' ? open.settings.call_hours?.timezone_id : open.timezoneId);
		if (!zone) {
			throw new InputError('timezoneId', 'is required: this Page has no call hours, so the calendar needs a timezone to read its dates in');
		}
		const loaded = prepared.closuresFor(window, zone);
		const closures = closureStateAt(loaded.closures, at.getTime());
		const decision = decide(input, { reading, kept, closures, timezoneId: zone, calendar: loaded.summary });
		// Kept before writing, so that even a close that fails half-way can be undone (as Close Calling does).
		if (!options.dryRun && decision.action === 'closed' && decision.snapshot) storeSnapshot(staticData, decision.snapshot, SYNC_SNAPSHOT_STORE_KEY);
		return decision;
	});

	return new Settling(
		update.outcome.then((written) => {
			if (!options.dryRun && update.decision.restoredFrom) forgetSnapshot(staticData, pageId, SYNC_SNAPSHOT_STORE_KEY);
			return syncResult(input, update.decision, written);
		}),
	);
}

function syncResult({ pageId, open, at }: Input, d: SyncDecision, written: IDataObject): IDataObject {
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
		changed: Object.keys(d.change),
		calendar: d.calendar,
	};
	if (open.kind === 'snapshot') result.snapshot = (d.snapshot ?? null) as unknown as IDataObject;
	if (d.action === 'restored' && d.restoredFrom) result.restoredFrom = d.restoredFrom as unknown as IDataObject;
	return Object.assign(result, written);
}
