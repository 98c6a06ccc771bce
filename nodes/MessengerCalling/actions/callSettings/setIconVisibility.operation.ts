import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPageId } from '../../../shared/accounts/locators';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { setSettings } from '../api';

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

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(this, itemIndex);
	const iconEnabled = this.getNodeParameter('iconEnabled', itemIndex, true) as unknown;
	if (typeof iconEnabled !== 'boolean') throw new InputError('iconEnabled', 'must be true or false');
	return { pageId, iconEnabled, options: readOptions(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	return await setSettings(this.getNode(), graph, input, { icon_enabled: input.iconEnabled });
}
