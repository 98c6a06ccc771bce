import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listPhoneNumbers } from '../../../shared/accounts/accounts';
import { locatorValue, wabaIdLocator } from '../../../shared/accounts/locators';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/graph';
import { InputError, parseObjectId } from '../../../shared/validation';
import { fetchSettings } from '../api';

/** Phone Number → Get Many: the numbers of a WABA, one output item each, so "do X for every number" is one node. */

const displayOptions = showFor('phoneNumber', 'getAll');

const MAX_LIMIT = 1000;

export const description: INodeProperties[] = [
	wabaIdLocator({ displayOptions }),
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
	},
	optionsCollection(displayOptions, {
		write: false,
		extra: [
			{
				displayName: 'Include Calling Settings',
				name: 'includeCallingSettings',
				type: 'boolean',
				default: false,
				description:
					'Whether to read each number’s calling settings too (status, call icon, call hours, ...) and its calling restrictions: one more request per number',
			},
		],
	}),
];

/** The limit of an item; undefined = Return All. */
function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	const given = ctx.getNodeParameter('limit', itemIndex, 50);
	if (typeof given !== 'number' || !Number.isInteger(given) || given < 1 || given > MAX_LIMIT) {
		throw new InputError('limit', `must be a whole number from 1 to ${MAX_LIMIT}, or switch on Return All (got ${JSON.stringify(given)})`);
	}
	return given;
}

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const wabaId = parseObjectId(
		locatorValue(this.getNodeParameter('wabaId', itemIndex, '')),
		'wabaId',
		'must be the numeric ID of the WhatsApp Business Account (WhatsApp Manager → Account tools → Business account ID)',
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { wabaId, limit: readLimit(this, itemIndex), includeCallingSettings: options.includeCallingSettings === true };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject[]> {
	const numbers = await listPhoneNumbers(graph, input.wabaId, { max: input.limit });
	if (!input.includeCallingSettings) return numbers.map((number) => ({ ...number }));
	// The shared client's congestion window bounds how many of these reads are in flight at once.
	return await Promise.all(
		numbers.map(async (number) => {
			const settings = await fetchSettings(graph, number.phoneNumberId);
			return { ...number, calling: settings.calling, restrictions: settings.restrictions };
		}),
	);
}
