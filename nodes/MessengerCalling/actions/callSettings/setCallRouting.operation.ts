import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { RING_TARGETS, type RingTarget } from '../../helpers/callSettings';
import { readPageId, writeCallSettings } from '../common';

const displayOptions = showFor('callSettings', 'setCallRouting');

export const description: INodeProperties[] = [
	{
		displayName: 'Ring Target',
		name: 'ringTarget',
		type: 'options',
		options: [
			{
				name: 'Meta',
				value: 'META',
				description: 'Calls ring Meta’s own apps (Business Inbox in Messenger, Meta Business Suite)',
			},
			{
				name: 'Partners',
				value: 'PARTNERS',
				description:
					'Calls ring third-party apps only. Needs the app subscribed to the "calls" webhook field of the Page first.',
			},
		],
		default: 'META',
		description:
			'Where calls that people start ring. Affects only calls started by people, not calls the business places. PARTNERS needs the app subscribed to the "calls" webhook field.',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: true }),
];

function readInput(ctx: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(ctx, itemIndex);
	const raw = String(ctx.getNodeParameter('ringTarget', itemIndex, 'META')).trim().toUpperCase();
	if (!(RING_TARGETS as readonly string[]).includes(raw)) {
		throw new InputError('ringTarget', `must be ${RING_TARGETS.join(' or ')}`);
	}
	return { pageId, callRouting: { ring_target: raw as RingTarget } };
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
	const { pageId, callRouting } = input;
	return await writeCallSettings(this, itemIndex, graph, pageId, { call_routing: callRouting });
}
