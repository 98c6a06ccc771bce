import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { readPageId } from '../../../shared/accounts/locators';
import { callSettingsFieldsFromParameter } from '../../helpers/callSettings';
import { fetchSettings } from '../api';

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

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(this, itemIndex);
	const fields = callSettingsFieldsFromParameter(this.getNodeParameter('fields', itemIndex, []), 'fields');
	return { pageId, fields };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const { pageId, fields } = input;
	const { settings } = await fetchSettings(graph, pageId, fields);
	return { pageId, settings: settings as IDataObject };
}
