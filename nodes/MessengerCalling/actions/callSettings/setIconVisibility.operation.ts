import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { callSettingsPath } from '../../helpers/callSettings';
import { readDryRun, readPageId, sendWrites, writeResult } from '../common';

const displayOptions = showFor('callSettings', 'setIconVisibility');

export const description: INodeProperties[] = [
	{
		displayName: 'Icon Enabled',
		name: 'iconEnabled',
		type: 'boolean',
		default: true,
		description:
			'Whether the call icon shows in the Page’s Messenger threads. When hidden, people can still call from a call prompt message.',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: true }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const iconEnabled = this.getNodeParameter('iconEnabled', itemIndex, true) as unknown;
	if (typeof iconEnabled !== 'boolean') throw new InputError('iconEnabled', 'must be true or false');
	const outcome = await sendWrites(
		this,
		graph,
		[{ method: 'POST', path: callSettingsPath(pageId), body: { icon_enabled: iconEnabled } }],
		readDryRun(this, itemIndex),
	);
	return { pageId, ...writeResult(outcome), icon_enabled: iconEnabled };
}
