import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPageId } from '../../../shared/accounts/locators';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import { Settling } from '../../../shared/execution/settling';
import type { GraphClient } from '../../../shared/transport/graph';
import { closeChanges, snapshotToKeep, takeSnapshot, type CallSettingsSnapshot } from '../../helpers/snapshot';
import { snapshotFromParameter, storeSnapshot, storedSnapshotIfReadable } from '../../helpers/snapshotInput';
import { updateSettings, type SettingsDecision } from '../api';
import { closeModeField, readCloseMode } from './fields';

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

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(this, itemIndex);
	const mode = readCloseMode(this, itemIndex);
	const given = snapshotFromParameter(this.getNodeParameter('keptSnapshot', itemIndex, ''), pageId, 'keptSnapshot');
	return { pageId, mode, given, options: readOptions(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

interface CloseDecision extends SettingsDecision {
	/** what Restore Calling puts back */
	snapshot: CallSettingsSnapshot;
	/** the Page still showed our last close of `snapshot`, which is kept */
	alreadyClosed: boolean;
	/** the Page had no call hours, so only its icon could be hidden */
	hadNoHours: boolean;
}

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<Settling> {
	const { pageId, mode, given, options } = input;
	const staticData = this.getWorkflowStaticData('global');
	const update = await updateSettings(this, graph, pageId, options, (reading): CloseDecision => {
		const fresh = takeSnapshot(pageId, reading, new Date());
		// Closing a Page our last close already closed keeps that snapshot: the fresh one would hold the closed state.
		const kept = snapshotToKeep(fresh, given ?? storedSnapshotIfReadable(staticData, pageId));
		const change = closeChanges(fresh.settings, mode);
		// Stored before writing, so that even a close that fails half-way can be undone.
		if (!options.dryRun) storeSnapshot(staticData, kept.snapshot);
		return { change, order: 'close', ...kept, hadNoHours: fresh.settings.call_hours === null };
	});
	return new Settling(update.outcome.then((written) => closeResult(input, update.decision, written)));
}

function closeResult({ pageId, mode }: Input, decision: CloseDecision, written: IDataObject): IDataObject {
	const result: IDataObject = {
		pageId,
		closeMode: mode,
		changed: Object.keys(decision.change),
		alreadyClosed: decision.alreadyClosed,
		snapshot: decision.snapshot as unknown as IDataObject,
	};
	if (mode === 'both' && decision.hadNoHours) {
		result.note =
			'This Page has no call hours, so only its icon was hidden: Meta cannot remove hours once set, and the Page could not be restored exactly.';
	}
	return Object.assign(result, written);
}
