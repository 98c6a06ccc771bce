import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPageId } from '../../../shared/accounts/locators';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { setSettings } from '../api';

const displayOptions = showFor('callSettings', 'setCallingEnabled');

// Three choices rather than a boolean: a user who switches only video off must not switch audio on by default.
const SWITCH_OPTIONS = [
	{ name: 'Keep As Is', value: 'keep', description: 'Not sent; Meta keeps the stored value' },
	{ name: 'On', value: 'on' },
	{ name: 'Off', value: 'off' },
];

type Switch = 'keep' | 'on' | 'off';

export const description: INodeProperties[] = [
	{
		displayName: 'Audio Calls',
		name: 'audioEnabled',
		type: 'options',
		options: SWITCH_OPTIONS,
		default: 'keep',
		description: 'Whether people can call the Page by voice in Messenger (Meta’s audio_enabled)',
		displayOptions,
	},
	{
		displayName: 'Video Calls',
		name: 'videoEnabled',
		type: 'options',
		options: SWITCH_OPTIONS,
		default: 'keep',
		description: 'Whether people can video-call the Page in Messenger (Meta’s video_enabled)',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: true }),
];

function readSwitch(ctx: IExecuteFunctions, itemIndex: number, name: string): Switch {
	const raw = String(ctx.getNodeParameter(name, itemIndex, 'keep')).trim().toLowerCase();
	if (raw === 'keep' || raw === 'on' || raw === 'off') return raw;
	if (raw === 'true') return 'on';
	if (raw === 'false') return 'off';
	throw new InputError(name, 'must be Keep As Is, On or Off (keep, on, off)');
}

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(this, itemIndex);
	const body: IDataObject = {};
	const audio = readSwitch(this, itemIndex, 'audioEnabled');
	const video = readSwitch(this, itemIndex, 'videoEnabled');
	if (audio !== 'keep') body.audio_enabled = audio === 'on';
	if (video !== 'keep') body.video_enabled = video === 'on';
	if (Object.keys(body).length === 0) {
		throw new InputError('audioEnabled', 'nothing to change: set Audio Calls or Video Calls to On or Off');
	}
	return { pageId, body, options: readOptions(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

/** One POST with both flags: Meta answers {"success": true} for the whole write. */
export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	return await setSettings(this.getNode(), graph, input, input.body);
}
