import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { callSettingsFieldsFromParameter } from '../../helpers/callSettings';
import { fetchCallSettings, readPageId } from '../common';

const displayOptions = showFor('callSettings', 'get');

export const description: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		options: [
			{ name: 'Audio Enabled', value: 'audio_enabled', description: 'Whether audio calls are on' },
			{ name: 'Call Hours', value: 'call_hours', description: 'Timezone and weekly hours; null when the Page has none' },
			{ name: 'Call Routing', value: 'call_routing', description: 'Where incoming calls ring (META or PARTNERS)' },
			{ name: 'Icon Enabled', value: 'icon_enabled', description: 'Whether the call icon shows in Messenger threads' },
			{ name: 'Video Enabled', value: 'video_enabled', description: 'Whether video calls are on' },
		],
		default: ['call_hours', 'call_routing', 'icon_enabled', 'audio_enabled', 'video_enabled'],
		description: 'The settings to read. None selected reads all.',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: false }),
];

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(ctx, itemIndex);
	const fields = callSettingsFieldsFromParameter(ctx.getNodeParameter('fields', itemIndex, []), 'fields');
	return { pageId, fields };
}

type Input = ReturnType<typeof readInput>;

export function validate(this: IExecuteFunctions, itemIndex: number): Input {
	return readInput(this, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	graph: GraphClient,
	input: Input,
): Promise<IDataObject> {
	const { pageId, fields } = input;
	const { settings } = await fetchCallSettings(graph, pageId, fields);
	return { pageId, settings: settings as IDataObject };
}
