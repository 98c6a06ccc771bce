import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readPageId } from '../../../shared/accounts/locators';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { restoreChanges, settingsEqual, type CallSettingsSnapshot, type RestorePlan } from '../../helpers/snapshot';
import { forgetSnapshot, snapshotFromParameter, storedSnapshot, storedSnapshotIfReadable } from '../../helpers/snapshotInput';
import { updateSettings, type SettingsDecision } from '../api';

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
export function validate(this: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(this, itemIndex);
	const given = snapshotFromParameter(this.getNodeParameter('snapshot', itemIndex, ''), pageId);
	return { pageId, given, options: readOptions(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

/** Only what differs is written, so a restore can be repeated and a dry run shows the real changes. */
type RestoreDecision = SettingsDecision & Pick<RestorePlan, 'notRestored'>;

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

export async function execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient, input: Input): Promise<Settling> {
	const { pageId, given, options } = input;
	const staticData = this.getWorkflowStaticData('global');
	const snapshot = given ?? storedSnapshot(staticData, pageId);
	if (!snapshot) throw noSnapshotError(this, pageId, itemIndex);

	const update = await updateSettings(this, graph, pageId, options, (reading): RestoreDecision => {
		const { changes, notRestored } = restoreChanges(snapshot.settings, reading.settings);
		return { change: changes, order: 'restore', notRestored };
	});

	return new Settling(
		update.outcome.then((written) => {
			if (!options.dryRun) {
				// Forgotten once Meta accepted the restore: restoring it again later would undo changes made since.
				const stored = given ? storedSnapshotIfReadable(staticData, pageId) : snapshot;
				if (stored && sameSnapshot(stored, snapshot)) forgetSnapshot(staticData, pageId);
			}
			return restoreResult(input, snapshot, update.decision, written);
		}),
	);
}

function restoreResult({ pageId, given }: Input, snapshot: CallSettingsSnapshot, decision: RestoreDecision, written: IDataObject): IDataObject {
	const { notRestored } = decision;
	const result: IDataObject = {
		pageId,
		source: given ? 'parameter' : 'stored',
		restored: Object.keys(decision.change),
		exact: notRestored.length === 0,
		snapshot: snapshot as unknown as IDataObject,
	};
	if (notRestored.length > 0) {
		result.notRestored = notRestored;
		result.note =
			'The snapshot says the Page had no call hours, but it has hours now (set since the snapshot was taken). Meta cannot remove call hours, so they were left as they are; everything else was restored.';
	}
	return Object.assign(result, written);
}
