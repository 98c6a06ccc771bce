import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { readPageId, writeCallSettings } from '../common';

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

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(ctx, itemIndex);
	const iconEnabled = ctx.getNodeParameter('iconEnabled', itemIndex, true) as unknown;
	if (typeof iconEnabled !== 'boolean') throw new InputError('iconEnabled', 'must be true or false');
	return { pageId, iconEnabled };
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
): Promise<IDataObject> {
	const { pageId, iconEnabled } = input;
	return await writeCallSettings(this, itemIndex, graph, pageId, { icon_enabled: iconEnabled });
}
