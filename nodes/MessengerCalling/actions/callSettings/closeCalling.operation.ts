import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { CALL_SETTINGS_FIELDS } from '../../helpers/callSettings';
import { closeChanges, snapshotToKeep, takeSnapshot, type CallSettingsSnapshot } from '../../helpers/snapshot';
import { snapshotFromParameter, storeSnapshot, storedSnapshotIfReadable } from '../../helpers/snapshotInput';
import { readDryRun, readPageId, updateCallSettings } from '../common';
import { closeModeField, readCloseMode } from './closeMode';

const displayOptions = showFor('callSettings', 'closeCalling');

export const description: INodeProperties[] = [
	{
		displayName:
			'Reads the current settings first and outputs them as "snapshot"; Restore Calling puts them back exactly. Keep that output for the restore, e.g. in a Data table (Upsert one row per Page): that works on every n8n set-up, queue mode included. The latest snapshot of each Page is also kept in the workflow itself, which a Restore Calling node of the same workflow finds on a single n8n process (for active workflows, not manual test runs), but not in queue mode.',
		name: 'closeCallingNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	closeModeField(displayOptions),
	{
		displayName: 'Kept Snapshot',
		name: 'keptSnapshot',
		type: 'json',
		default: '{}',
		description:
			'The snapshot kept from an earlier close of this Page, if any, e.g. the snapshot column of a Data table Get. When the Page is still closed by that close, it is output again instead of a snapshot of the closed settings, so closing twice never loses the open settings. Leave {} to use the snapshot kept in the workflow (single n8n process only).',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: true, readModifyWrite: true }),
];

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(ctx, itemIndex);
	const mode = readCloseMode(ctx, itemIndex);
	const given = snapshotFromParameter(ctx.getNodeParameter('keptSnapshot', itemIndex, ''), pageId, 'keptSnapshot');
	return { pageId, mode, given, dryRun: readDryRun(ctx, itemIndex) };
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
	const { pageId, mode, given, dryRun } = input;
	const staticData = this.getWorkflowStaticData('global');

	let fresh: CallSettingsSnapshot | undefined;
	let kept: { snapshot: CallSettingsSnapshot; alreadyClosed: boolean } | undefined;
	const update = await updateCallSettings(
		this,
		itemIndex,
		graph,
		pageId,
		'close',
		(reading) => {
			fresh = takeSnapshot(pageId, reading, new Date());
			// Closing a Page our last close already closed keeps that snapshot: the fresh one would hold the closed state.
			kept = snapshotToKeep(fresh, given ?? storedSnapshotIfReadable(staticData, pageId));
			const changes = closeChanges(fresh.settings, mode);
			// Stored before writing, so that even a close that fails half-way can be undone.
			if (!dryRun) storeSnapshot(staticData, kept.snapshot);
			return changes;
		},
		CALL_SETTINGS_FIELDS,
	);

	return new Settling(
		update.outcome.then(({ report, previews }) => {
			const { snapshot, alreadyClosed } = kept as { snapshot: CallSettingsSnapshot; alreadyClosed: boolean };
			const result: IDataObject = {
				pageId,
				closeMode: mode,
				changed: Object.keys(update.changes),
				alreadyClosed,
				snapshot: snapshot as unknown as IDataObject,
			};
			if (mode === 'both' && fresh?.settings.call_hours === null) {
				result.note =
					'This Page has no call hours, so only its icon was hidden: Meta cannot remove hours once set, and the Page could not be restored exactly.';
			}
			if (dryRun) Object.assign(result, { dryRun: true, requests: previews });
			else Object.assign(result, report);
			return result;
		}),
	);
}
