import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { queueFor } from '../../../shared/execution/perKeyQueue';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { CALL_SETTINGS_FIELDS } from '../../helpers/callSettings';
import { settingsWriteRequests } from '../../helpers/requests';
import {
	CLOSE_MODES,
	closeChanges,
	snapshotToKeep,
	takeSnapshot,
	type CloseMode,
} from '../../helpers/snapshot';
import { storeSnapshot, storedSnapshotIfReadable } from '../../helpers/snapshotInput';
import { fetchCallSettings, readDryRun, readPageId, sendWrites } from '../common';

const displayOptions = showFor('callSettings', 'closeCalling');

export const description: INodeProperties[] = [
	{
		displayName:
			'Reads the current settings first and outputs them as "snapshot"; Restore Calling puts them back exactly. The latest snapshot of each Page is also kept in the workflow, for a Restore Calling node of the same workflow (n8n keeps it between runs only for active workflows, not for manual test runs).',
		name: 'closeCallingNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	{
		displayName: 'Close Mode',
		name: 'closeMode',
		type: 'options',
		options: [
			{
				name: 'Both',
				value: 'both',
				description:
					'Hide the icon and close every day. A Page without call hours gets no hours (Meta could not remove them again): only its icon is hidden.',
			},
			{
				name: 'Close Hours',
				value: 'closeHours',
				description: 'Keep the timezone but close every day; refused for a Page without call hours',
			},
			{
				name: 'Hide Icon',
				value: 'hideIcon',
				description: 'Hide the call icon in Messenger threads; the hours stay as they are',
			},
		],
		default: 'both',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: true }),
];

function readCloseMode(ctx: IExecuteFunctions, itemIndex: number): CloseMode {
	const raw = String(ctx.getNodeParameter('closeMode', itemIndex, 'both'));
	if (!(CLOSE_MODES as readonly string[]).includes(raw)) {
		throw new InputError('closeMode', `must be one of ${CLOSE_MODES.join(', ')}`);
	}
	return raw as CloseMode;
}

export function validate(this: IExecuteFunctions, itemIndex: number): void {
	readPageId(this, itemIndex);
	readCloseMode(this, itemIndex);
}

export async function execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	// A read-modify-write of the Page: items on the same Page take turns (see shared/execution/perKeyQueue.ts).
	return await queueFor(graph).run(pageId, async () => {
		const mode = readCloseMode(this, itemIndex);
		const dryRun = readDryRun(this, itemIndex);

		const fresh = takeSnapshot(pageId, await fetchCallSettings(graph, pageId, CALL_SETTINGS_FIELDS), new Date());
		const staticData = this.getWorkflowStaticData('global');
		// Closing a Page our last close already closed keeps that snapshot: the fresh one would hold the closed state.
		const { snapshot, alreadyClosed } = snapshotToKeep(fresh, storedSnapshotIfReadable(staticData, pageId));

		const changes = closeChanges(fresh.settings, mode);
		// Stored before writing, so that even a close that fails half-way can be undone.
		if (!dryRun) storeSnapshot(staticData, snapshot);
		const outcome = await sendWrites(this, graph, settingsWriteRequests(pageId, changes, 'close'), dryRun);

		const result: IDataObject = {
			pageId,
			closeMode: mode,
			changed: Object.keys(changes),
			alreadyClosed,
			snapshot: snapshot as unknown as IDataObject,
		};
		if (mode === 'both' && fresh.settings.call_hours === null) {
			result.note =
				'This Page has no call hours, so only its icon was hidden: Meta cannot remove hours once set, and the Page could not be restored exactly.';
		}
		if (dryRun) Object.assign(result, { dryRun: true, requests: outcome.previews });
		return result;
	});
}
