import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { queueFor } from '../../../shared/execution/perKeyQueue';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { CALL_SETTINGS_FIELDS } from '../../helpers/callSettings';
import { settingsWriteRequests } from '../../helpers/requests';
import { restoreChanges, settingsEqual, type CallSettingsSnapshot } from '../../helpers/snapshot';
import { forgetSnapshot, snapshotFromParameter, storedSnapshot, storedSnapshotIfReadable } from '../../helpers/snapshotInput';
import { fetchCallSettings, readDryRun, readPageId, sendWrites } from '../common';

const displayOptions = showFor('callSettings', 'restoreCalling');

export const description: INodeProperties[] = [
	{
		displayName: 'Snapshot',
		name: 'snapshot',
		type: 'json',
		default: '',
		description:
			'The output of Close Calling as JSON: the whole item or its "snapshot" field, e.g. an expression that points at the Close Calling node. Leave empty to use the latest snapshot of this Page kept in the workflow.',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: true }),
];

function sameSnapshot(a: CallSettingsSnapshot, b: CallSettingsSnapshot): boolean {
	return a.takenAt === b.takenAt && settingsEqual(a.settings, b.settings);
}

/** The Page and a given snapshot; whether a kept snapshot exists is known only when the item runs. */
export function validate(this: IExecuteFunctions, itemIndex: number): void {
	snapshotFromParameter(this.getNodeParameter('snapshot', itemIndex, ''), readPageId(this, itemIndex));
}

export async function execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	// A read-modify-write of the Page: items on the same Page take turns (see shared/execution/perKeyQueue.ts).
	return await queueFor(graph).run(pageId, async () => {
		const dryRun = readDryRun(this, itemIndex);
		const staticData = this.getWorkflowStaticData('global');
		const given = snapshotFromParameter(this.getNodeParameter('snapshot', itemIndex, ''), pageId);
		const snapshot = given ?? storedSnapshot(staticData, pageId);
		if (!snapshot) {
			throw new InputError(
				'snapshot',
				`is empty, and this workflow keeps no snapshot of Page ${pageId}: run Close Calling for this Page first, or pass its output here`,
			);
		}

		// Only what differs is written, so a restore can be repeated and a dry run shows the real changes.
		const { settings: current } = await fetchCallSettings(graph, pageId, CALL_SETTINGS_FIELDS);
		const plan = restoreChanges(snapshot.settings, current);
		const outcome = await sendWrites(this, graph, settingsWriteRequests(pageId, plan.changes, 'restore'), dryRun);

		if (!dryRun) {
			// A used snapshot is forgotten: restoring it again later would undo changes made since.
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
		if (dryRun) Object.assign(result, { dryRun: true, requests: outcome.previews });
		return result;
	});
}
