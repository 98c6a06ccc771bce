import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { readPhoneNumberId } from '../../shared/accounts/locators';
import { accountKey, updateAccount, writesReport, type AccountUpdateResult } from '../../shared/execution/accountUpdate';
import { readDryRun, readVerifyWrites, sendOrPreview, type DryRunResult } from '../../shared/execution/request';
import { isWriteFailure, writeNotAppliedError } from '../../shared/execution/writeAnswer';
import {
	applyCallHoursChange,
	callHoursChange,
	callHoursToWire,
	holdsCallHoursChange,
	type CallHoursChange,
	holidaysFromJson,
	holidaysFromParameter,
	validateHolidays,
	type BusinessClock,
	type CallHours,
	type Holiday,
} from '../../shared/hours';
import type { GraphClient } from '../../shared/transport/graph';
import { InputError } from '../../shared/validation';
import { readCallingSettings, storedCallHours, type CallingSettings } from '../helpers/settingsAnswer';

/** What every operation reads the same way: the phone number, dry run, the settings endpoint. */

export { readPhoneNumberId };

export { readDryRun };

export function settingsPath(phoneNumberId: string): string {
	return `/${phoneNumberId}/settings`;
}

export async function fetchSettings(
	graph: GraphClient,
	phoneNumberId: string,
	qs?: IDataObject,
): Promise<CallingSettings> {
	const answer = await graph.request({ method: 'GET', path: settingsPath(phoneNumberId), qs });
	return readCallingSettings(answer);
}

/** POSTs `{calling}`; with dryRun only describes the request. An answer of `success: false` is an error. */
export async function writeCalling(
	node: INode,
	graph: GraphClient,
	phoneNumberId: string,
	calling: IDataObject,
	dryRun: boolean,
): Promise<IDataObject | DryRunResult> {
	const answer = await sendOrPreview<IDataObject>(
		graph,
		{ method: 'POST', path: settingsPath(phoneNumberId), body: { calling } },
		dryRun,
	);
	if (answer.dryRun !== true && isWriteFailure(answer)) {
		throw writeNotAppliedError(node, `calling.${Object.keys(calling).join(', calling.')}`, answer);
	}
	return answer;
}

/** Writes the WHOLE call_hours: Meta replaces the stored value, so every part of it must be sent. */
export async function writeCallHours(
	node: INode,
	graph: GraphClient,
	phoneNumberId: string,
	callHours: CallHours,
	dryRun: boolean,
): Promise<IDataObject | DryRunResult> {
	const callHoursWire = callHoursToWire(callHours) as unknown as IDataObject;
	return await writeCalling(node, graph, phoneNumberId, { call_hours: callHoursWire }, dryRun);
}

/** The output fields of a write: `success: true` (a refused write already threw), or the dry-run preview. */
export function writeOutcome(answer: IDataObject | DryRunResult): IDataObject {
	if (answer.dryRun === true) return { dryRun: true, request: answer.request };
	return { success: true };
}

/** The new call hours an operation decided on the stored ones, and what it reports about them. */
export interface CallHoursPlan {
	next: CallHours;
	report: IDataObject;
}

export interface CallHoursUpdate {
	/** The call hours stored when the change was decided (undefined: none). */
	stored: CallHours | undefined;
	plan: CallHoursPlan;
	/** Meta's answer (or the dry-run preview) and how the write went, once the write is checked. */
	outcome: Promise<IDataObject>;
}

function outcomeOf(result: AccountUpdateResult<CallHours | undefined, unknown>): IDataObject {
	// Nothing written: the stored call hours already held the change.
	const outcome = result.answer ? writeOutcome(result.answer) : { success: true };
	if (outcome.dryRun !== true) Object.assign(outcome, writesReport(result));
	return outcome;
}

/**
 * Every change of call_hours: reads them, lets `decide` compute the new ones (it throws, and nothing is
 * written, when a rule breaks), writes them whole (Meta replaces the stored value), and — across items,
 * executions and queue-mode workers — makes sure no concurrent writer's stale write dropped the change
 * (shared/execution/accountUpdate.ts). A write that must be repeated applies only this item's difference
 * to what is stored by then.
 */
export async function updateCallHours(
	ctx: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	phoneNumberId: string,
	decide: (stored: CallHours | undefined) => CallHoursPlan,
): Promise<CallHoursUpdate> {
	const dryRun = readDryRun(ctx, itemIndex);
	const pending = await updateAccount(
		graph,
		{
			key: accountKey(graph, phoneNumberId),
			read: async (g) => storedCallHours((await fetchSettings(g, phoneNumberId)).calling),
			decide: (stored) => {
				const plan = decide(stored);
				return { change: callHoursChange(stored, plan.next), plan };
			},
			write: async (g, current, change: CallHoursChange) => {
				if (!dryRun && holdsCallHoursChange(current, change)) return undefined;
				return await writeCallHours(ctx.getNode(), g, phoneNumberId, applyCallHoursChange(current, change, new Date()), dryRun);
			},
			holds: holdsCallHoursChange,
		},
		{ dryRun, verify: readVerifyWrites(ctx, itemIndex) },
		ctx.getNode(),
	);
	return { stored: pending.before, plan: pending.decision.plan, outcome: pending.settled.then(outcomeOf) };
}

/** Holiday operations change only the holiday list: without stored call hours there is nothing to keep. */
export function requireCallHours(hours: CallHours | undefined): CallHours {
	if (!hours) {
		throw new InputError(
			'phoneNumberId',
			'has no call hours stored yet; set call hours first (Resource "Calling Setting" → "Set Call Hours"), then manage holidays',
		);
	}
	return hours;
}

export interface HolidaysInput {
	holidays: Holiday[];
	/** the parameter they came from, so later rules (past dates, at most 20) name it in their errors */
	field: 'holidays' | 'holidaysJson';
}

/** The holidays of `add`/`replace` (and setCallHours' replace mode): from the form or as JSON. */
export function readHolidaysInput(ctx: IExecuteFunctions, itemIndex: number): HolidaysInput {
	const input = ctx.getNodeParameter('holidaysInput', itemIndex, 'fields') as string;
	if (input === 'json') {
		const json = ctx.getNodeParameter('holidaysJson', itemIndex, '[]');
		return { holidays: holidaysFromJson(json, 'holidaysJson'), field: 'holidaysJson' };
	}
	const fields = ctx.getNodeParameter('holidays', itemIndex, {});
	return { holidays: holidaysFromParameter(fields, 'holidays'), field: 'holidays' };
}

// A clock before every date a user can type: with it validateHolidays checks every holiday rule except
// "not in the past", which needs the stored timezone and is checked again after the read.
const BEFORE_ANY_HOLIDAY: BusinessClock = { timezoneId: 'UTC', now: new Date(0) };

/** Dates, times, start before end, one entry per date, at most 20: checked before the first request. */
export function checkHolidaysBeforeRead(input: HolidaysInput): void {
	validateHolidays(input.holidays, { ...BEFORE_ANY_HOLIDAY, field: input.field });
}

export function holidayToJson(holiday: Holiday): IDataObject {
	return { date: holiday.date, startTime: holiday.startTime, endTime: holiday.endTime };
}
