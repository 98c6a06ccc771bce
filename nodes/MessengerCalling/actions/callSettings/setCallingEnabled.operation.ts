import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { readPageId, writeCallSettings } from '../common';

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

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(ctx, itemIndex);
	const body: IDataObject = {};
	const audio = readSwitch(ctx, itemIndex, 'audioEnabled');
	const video = readSwitch(ctx, itemIndex, 'videoEnabled');
	if (audio !== 'keep') body.audio_enabled = audio === 'on';
	if (video !== 'keep') body.video_enabled = video === 'on';
	if (Object.keys(body).length === 0) {
		throw new InputError('audioEnabled', 'nothing to change: set Audio Calls or Video Calls to On or Off');
	}
	return { pageId, body };
}

type Input = ReturnType<typeof readInput>;

export function validate(this: IExecuteFunctions, itemIndex: number): Input {
	return readInput(this, itemIndex);
}

/** One POST with both flags: Meta answers {"success": true} for the whole write. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	input: Input,
): Promise<IDataObject> {
	const { pageId, body } = input;
	return await writeCallSettings(this, itemIndex, graph, pageId, body);
}
