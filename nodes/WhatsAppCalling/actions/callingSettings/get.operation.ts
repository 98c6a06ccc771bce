import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import type { GraphClient } from '../../../shared/transport/graph';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { fetchSettings } from '../api';

const displayOptions = showFor('callingSettings', 'get');

export const description: INodeProperties[] = [
	optionsCollection(displayOptions, {
		write: false,
		extra: [
			{
				displayName: 'Include SIP Credentials',
				name: 'includeSipCredentials',
				type: 'boolean',
				default: false,
				description:
					'Whether to include the SIP user password of each SIP server (sip.servers[].sip_user_password) in the output',
			},
		],
	}),
];

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { phoneNumberId: readPhoneNumberId(this, itemIndex), includeSipCredentials: options.includeSipCredentials === true };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const { phoneNumberId } = input;
	const settings = await fetchSettings(graph, phoneNumberId, input.includeSipCredentials ? { include_sip_credentials: true } : undefined);
	return { phoneNumberId, calling: settings.calling, restrictions: settings.restrictions };
}
