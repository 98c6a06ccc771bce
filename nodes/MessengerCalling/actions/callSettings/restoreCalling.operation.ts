import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { CALL_SETTINGS_FIELDS } from '../../helpers/callSettings';
import { restoreChanges, settingsEqual, type CallSettingsSnapshot, type RestorePlan } from '../../helpers/snapshot';
import { forgetSnapshot, snapshotFromParameter, storedSnapshot, storedSnapshotIfReadable } from '../../helpers/snapshotInput';
import { readDryRun, readPageId, updateCallSettings } from '../common';

const displayOptions = showFor('callSettings', 'restoreCalling');

export const description: INodeProperties[] = [
	{
		displayName: 'Snapshot',
		name: 'snapshot',
		type: 'json',
		default: '{}',
		description:
			'The output of Close Calling as JSON: the whole item or its "snapshot" field, e.g. the snapshot column of a Data table Get (works on every n8n set-up, queue mode included). Leave {} to use the latest snapshot of this Page kept in the workflow (single n8n process only).',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: true, readModifyWrite: true }),
];

function sameSnapshot(a: CallSettingsSnapshot, b: CallSettingsSnapshot): boolean {
	return a.takenAt === b.takenAt && settingsEqual(a.settings, b.settings);
}

/** The Page and a given snapshot; whether a kept snapshot exists is known only when the item runs. */
function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(ctx, itemIndex);
	const given = snapshotFromParameter(ctx.getNodeParameter('snapshot', itemIndex, ''), pageId);
	return { pageId, given, dryRun: readDryRun(ctx, itemIndex) };
}

type Input = ReturnType<typeof readInput>;

export function validate(this: IExecuteFunctions, itemIndex: number): Input {
	return readInput(this, itemIndex);
}

function noSnapshotError(ctx: IExecuteFunctions, pageId: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`Snapshot: empty, and this workflow keeps no snapshot of Page ${pageId} — in queue mode (or on several n8n processes) a snapshot kept in the workflow is not seen by later executions`,
		{
			itemIndex,
			description:
				'Pass the snapshot in: keep the output of Close Calling in a Data table (Close Calling → Data table "Upsert" with pageId and snapshot), and before restoring read it back (Data table "Get" by pageId → Restore Calling with Snapshot = {{ $json.snapshot }} → Data table "Delete"). On a single n8n process the snapshot kept in the workflow also works, but only for an active workflow whose Close Calling ran before.',
		},
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	input: Input,
): Promise<Settling> {
	const { pageId, given, dryRun } = input;
	const staticData = this.getWorkflowStaticData('global');
	const snapshot = given ?? storedSnapshot(staticData, pageId);
	if (!snapshot) throw noSnapshotError(this, pageId, itemIndex);

	// Only what differs is written, so a restore can be repeated and a dry run shows the real changes.
	let plan: RestorePlan = { changes: {}, notRestored: [] };
	const update = await updateCallSettings(
		this,
		itemIndex,
		graph,
		pageId,
		'restore',
		(reading) => {
			plan = restoreChanges(snapshot.settings, reading.settings);
			return plan.changes;
		},
		CALL_SETTINGS_FIELDS,
	);

	return new Settling(
		update.outcome.then(({ report, previews }) => {
			if (!dryRun) {
				// Forgotten once Meta accepted the restore: restoring it again later would undo changes made since.
				const stored = given ? storedSnapshotIfReadable(staticData, pageId) : snapshot;
				if (stored && sameSnapshot(stored, snapshot)) forgetSnapshot(staticData, pageId);
			}
			const result: IDataObject = {
				pageId,
				source: given ? 'parameter' : 'stored',
				restored: Object.keys(plan.changes),
				exact: plan.notRestored.length === 0,
				snapshot: snapshot as unknown as IDataObject,
			};
			if (plan.notRestored.length > 0) {
				result.notRestored = plan.notRestored;
				result.note =
					'The snapshot says the Page had no call hours, but it has hours now (set since the snapshot was taken). Meta cannot remove call hours, so they were left as they are; everything else was restored.';
			}
			if (dryRun) Object.assign(result, { dryRun: true, requests: previews });
			else Object.assign(result, report);
			return result;
		}),
	);
}
