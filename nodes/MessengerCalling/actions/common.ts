import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readPageId } from '../../shared/accounts/locators';
import { accountKey, updateAccount, writesReport, type AccountUpdateResult } from '../../shared/execution/accountUpdate';
import { readDryRun, readVerifyWrites, sendOrPreview } from '../../shared/execution/request';
import { isWriteFailure, writeNotAppliedError } from '../../shared/execution/writeAnswer';
import type { GraphClient, GraphRequest } from '../../shared/transport/graph';
import {
	callSettingsPath,
	readCallSettingsAnswer,
	type CallSettingsField,
	type CallSettingsReading,
} from '../helpers/callSettings';
import { readSettingsRequest, settingsWriteRequests } from '../helpers/requests';
import { missingChanges, type SettingsChanges } from '../helpers/snapshot';

/** What every Messenger operation reads the same way: the Page, dry run, the settings endpoint. */

export { readPageId };

export { readDryRun };

export async function fetchCallSettings(
	graph: GraphClient,
	pageId: string,
	fields: readonly CallSettingsField[],
): Promise<CallSettingsReading> {
	return readCallSettingsAnswer(await graph.request(readSettingsRequest(pageId, fields)), fields);
}

export interface WritesOutcome {
	/** with dryRun: the requests as they would leave */
	previews: IDataObject[];
	answers: IDataObject[];
}

/**
 * Sends the writes one after another (each depends on the last having worked) or, with dryRun, only
 * describes them. Meta's {"result": "failure"} or {"success": false} arrives with HTTP 200, so it is turned into an error here.
 */
export async function sendWrites(
	ctx: IExecuteFunctions,
	graph: GraphClient,
	requests: readonly GraphRequest[],
	dryRun: boolean,
): Promise<WritesOutcome> {
	const outcome: WritesOutcome = { previews: [], answers: [] };
	for (const request of requests) {
		const answer = await sendOrPreview<IDataObject>(graph, request, dryRun);
		if (answer.dryRun === true) {
			outcome.previews.push(answer.request as IDataObject);
			continue;
		}
		if (isWriteFailure(answer)) {
			throw writeNotAppliedError(ctx.getNode(), Object.keys(request.body ?? {}).join(', '), answer);
		}
		outcome.answers.push(answer as IDataObject);
	}
	return outcome;
}

/** The output fields of one write: Meta's answer normalized to success, or the dry-run preview. */
export function writeResult(outcome: WritesOutcome): IDataObject {
	if (outcome.previews.length > 0) return { dryRun: true, request: outcome.previews[0] };
	return { success: true };
}

/**
 * The Set operations: one POST of `settings` to the Page's call settings (or its dry-run preview), and the
 * output item that names the Page and what was set.
 */
export async function writeCallSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	pageId: string,
	settings: IDataObject,
): Promise<IDataObject> {
	const request: GraphRequest = { method: 'POST', path: callSettingsPath(pageId), body: settings };
	const outcome = await sendWrites(ctx, graph, [request], readDryRun(ctx, itemIndex));
	return { pageId, ...writeResult(outcome), settings };
}

export type WritePurpose = 'close' | 'restore';

export interface CallSettingsUpdate {
	/** The settings the change was decided on. */
	before: CallSettingsReading;
	/** The fields this item sets, as decided on that read. */
	changes: SettingsChanges;
	/** Once the writes are checked: what the item says of them (writesReport), dry-run previews. */
	outcome: Promise<{ report: IDataObject; previews: IDataObject[] }>;
}

/**
 * Every read-modify-write of a Page's call settings (close, restore): reads all fields, lets `decide`
 * choose the changes (it throws, and nothing is written, when a rule breaks), sends only the fields that
 * differ, and — across items, executions and queue-mode workers — writes them again when a concurrent
 * writer's stale write dropped them (shared/execution/accountUpdate.ts).
 */
export async function updateCallSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	pageId: string,
	/** the order of the writes; a function when only the decision tells (Sync Closure From Calendar) */
	purpose: WritePurpose | (() => WritePurpose),
	decide: (reading: CallSettingsReading) => SettingsChanges,
	fields: readonly CallSettingsField[],
): Promise<CallSettingsUpdate> {
	const dryRun = readDryRun(ctx, itemIndex);
	let previews: IDataObject[] = [];
	const pending = await updateAccount(
		graph,
		{
			key: accountKey(graph, pageId),
			read: async (g) => await fetchCallSettings(g, pageId, fields),
			decide: (reading: CallSettingsReading) => ({ change: decide(reading) }),
			write: async (g, current, changes: SettingsChanges) => {
				const missing = dryRun ? changes : missingChanges(current.settings, changes);
				if (!dryRun && Object.keys(missing).length === 0) return undefined;
				const order = typeof purpose === 'function' ? purpose() : purpose;
				const outcome = await sendWrites(ctx, g, settingsWriteRequests(pageId, missing, order), dryRun);
				previews = outcome.previews;
				return { answers: outcome.answers };
			},
			holds: (current, changes) => Object.keys(missingChanges(current.settings, changes)).length === 0,
		},
		{ dryRun, verify: readVerifyWrites(ctx, itemIndex) },
		ctx.getNode(),
	);
	const outcome = pending.settled.then((result: AccountUpdateResult<CallSettingsReading, unknown>) => ({
		report: writesReport(result),
		previews,
	}));
	return { before: pending.before, changes: pending.decision.change, outcome };
}
