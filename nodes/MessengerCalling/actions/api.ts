import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { ItemOptions } from '../../shared/descriptions/options';
import { accountKey, updateAccount, writesReport, type AccountUpdateResult, type Decision } from '../../shared/execution/accountUpdate';
import { isWriteFailure, writeNotAppliedError } from '../../shared/execution/writeAnswer';
import type { AvailabilityInput } from '../../shared/hours/availability';
import type { GraphClient, GraphRequest } from '../../shared/transport/graph';
import { CALL_SETTINGS_FIELDS, callHoursOf, readCallSettingsAnswer, type CallSettingsField, type CallSettingsReading } from '../helpers/callSettings';
import { missingChanges, type SettingsChanges } from '../helpers/snapshot';

/*
 * Messenger at Meta, in one place: the call settings' path, read, writes and the read-modify-write of
 * close, restore and sync, and the call prompt's request. The rules they apply (reading Meta's answer,
 * what a close changes) are pure and live in helpers/.
 */

export function settingsPath(pageId: string): string {
	return `/${pageId}/messenger_call_settings`;
}

/** The read every operation starts from, parsed and normalized (helpers/callSettings.ts). */
export async function fetchSettings(
	graph: GraphClient,
	pageId: string,
	fields: readonly CallSettingsField[] = CALL_SETTINGS_FIELDS,
): Promise<CallSettingsReading> {
	const answer = await graph.request({ method: 'GET', path: settingsPath(pageId), qs: { fields: fields.join(',') } });
	return readCallSettingsAnswer(answer, fields);
}

/**
 * What the Page has stored that decides whether people can call it (Availability → Check, Only While Open).
 * A Page has no calling on/off switch of its own; the icon and the hours decide. Meta shows the icon unless told otherwise.
 */
export async function fetchStoredAvailability(graph: GraphClient, pageId: string): Promise<Omit<AvailabilityInput, 'at'>> {
	const { settings } = await fetchSettings(graph, pageId, ['call_hours', 'icon_enabled']);
	return { callingEnabled: true, callHours: callHoursOf(settings), iconEnabled: settings.icon_enabled ?? true };
}

/** Which writes go first: a close hides the icon first, a restore shows it last. */
export type WriteOrder = 'close' | 'restore';

/*
 * One POST per field: Meta documents a different answer for each ({"result"} for the icon, {"success"} for
 * hours and routing), so each write can be checked on its own. The order matters while the writes are in
 * flight: a close stops new calls at once, a restore offers calls only once the hours and routing are back.
 */
const FIELD_ORDER: Record<WriteOrder, Array<keyof SettingsChanges>> = {
	close: ['icon_enabled', 'call_hours', 'call_routing', 'audio_enabled', 'video_enabled'],
	restore: ['call_hours', 'call_routing', 'audio_enabled', 'video_enabled', 'icon_enabled'],
};

export function settingsWriteRequests(pageId: string, changes: SettingsChanges, order: WriteOrder): GraphRequest[] {
	return FIELD_ORDER[order]
		.filter((field) => changes[field] !== undefined)
		.map((field) => ({ method: 'POST', path: settingsPath(pageId), body: { [field]: changes[field] } as GraphRequest['body'] }));
}

/** Meta's answers to the writes; with dryRun, the requests as they would have left (nothing sent). */
export type WriteAnswer = { dryRun: true; requests: IDataObject[] } | { answers: IDataObject[] };

/**
 * Sends the writes one after another (each only once the last has worked) or, with dryRun, only describes
 * them. Meta's {"result": "failure"} or {"success": false} arrives with HTTP 200: it is an error here.
 */
export async function writeSettings(
	node: INode,
	graph: GraphClient,
	requests: readonly GraphRequest[],
	dryRun: boolean,
): Promise<WriteAnswer> {
	if (dryRun) return { dryRun: true, requests: requests.map((request) => ({ ...graph.describe(request) })) };
	const answers: IDataObject[] = [];
	for (const request of requests) {
		const answer = await graph.request<IDataObject>(request);
		if (isWriteFailure(answer)) throw writeNotAppliedError(node, Object.keys(request.body ?? {}).join(', '), answer);
		answers.push(answer);
	}
	return { answers };
}

/** The output fields of one write: success (a refused write has thrown), or the dry-run preview. */
export function writeOutcome(answer: WriteAnswer): IDataObject {
	return 'dryRun' in answer ? { dryRun: true, request: answer.requests[0] } : { success: true };
}

/** The Set operations: one POST of `settings`, and the output item that names the Page and what was set. */
export async function setSettings(
	node: INode,
	graph: GraphClient,
	{ pageId, options }: { pageId: string; options: ItemOptions },
	settings: IDataObject,
): Promise<IDataObject> {
	const answer = await writeSettings(node, graph, [{ method: 'POST', path: settingsPath(pageId), body: settings }], options.dryRun);
	return { pageId, ...writeOutcome(answer), settings };
}

/** What a close, restore or sync decides on its read: the fields to set, the order of their writes, what it reports. */
export interface SettingsDecision extends Decision<SettingsChanges> {
	order: WriteOrder;
}

export interface SettingsUpdate<D extends SettingsDecision> {
	/** The settings the decision was made on. */
	before: CallSettingsReading;
	decision: D;
	/** Once the writes are checked: their output fields (writesReport), or with dryRun the requests. */
	outcome: Promise<IDataObject>;
}

function updateOutcome({ answer, ...result }: AccountUpdateResult<CallSettingsReading, unknown>): IDataObject {
	return answer?.dryRun === true ? { dryRun: true, requests: answer.requests } : writesReport(result);
}

/**
 * Every read-modify-write of a Page's call settings (close, restore, sync): reads all fields, lets `decide`
 * choose the changes (it throws, and nothing is written, when a rule breaks), sends only the fields that
 * differ, and — across items, executions and queue-mode workers — writes them again when a concurrent
 * writer's stale write dropped them (shared/execution/accountUpdate.ts).
 */
export async function updateSettings<D extends SettingsDecision>(
	ctx: IExecuteFunctions,
	graph: GraphClient,
	pageId: string,
	options: ItemOptions,
	decide: (reading: CallSettingsReading) => D,
): Promise<SettingsUpdate<D>> {
	const { dryRun } = options;
	const node = ctx.getNode();
	const pending = await updateAccount<CallSettingsReading, SettingsChanges, D>(
		graph,
		{
			key: accountKey(graph, pageId),
			read: async (g) => await fetchSettings(g, pageId),
			decide,
			write: async (g, current, change, decision) => {
				const missing = dryRun ? change : missingChanges(current.settings, change);
				if (!dryRun && Object.keys(missing).length === 0) return undefined;
				return await writeSettings(node, g, settingsWriteRequests(pageId, missing, decision.order), dryRun);
			},
			holds: (current, change) => Object.keys(missingChanges(current.settings, change)).length === 0,
		},
		{ dryRun, verify: options.verifyWrites },
		node,
	);
	return { before: pending.before, decision: pending.decision, outcome: pending.settled.then(updateOutcome) };
}

/** The call_prompt template: a message with a button that lets the person call the Page for ttl_days. */
export function callPromptRequest(pageId: string, recipientId: string, ttlDays: number): GraphRequest {
	return {
		method: 'POST',
		path: `/${pageId}/messages`,
		body: {
			recipient: { id: recipientId },
			message: {
				attachment: { type: 'template', payload: { template_type: 'call_prompt', ttl_days: ttlDays } },
			},
		},
		// A message must not arrive twice: never retried unless Meta's answer proves it was not processed.
		repeatable: false,
	};
}
