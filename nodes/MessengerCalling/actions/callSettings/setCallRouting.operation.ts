import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPageId } from '../../../shared/accounts/locators';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError } from '../../../shared/validation';
import { RING_TARGETS, type RingTarget } from '../../helpers/callSettings';
import { setSettings } from '../api';

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

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(this, itemIndex);
	const raw = String(this.getNodeParameter('ringTarget', itemIndex, 'META')).trim().toUpperCase();
	if (!(RING_TARGETS as readonly string[]).includes(raw)) {
		throw new InputError('ringTarget', `must be ${RING_TARGETS.join(' or ')}`);
	}
	return { pageId, callRouting: { ring_target: raw as RingTarget }, options: readOptions(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	return await setSettings(this.getNode(), graph, input, { call_routing: input.callRouting });
}
