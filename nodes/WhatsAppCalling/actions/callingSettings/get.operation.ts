import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/transport/graph';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import { fetchSettings, readPhoneNumberId } from '../common';

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

export function validate(this: IExecuteFunctions, itemIndex: number): string {
	return readPhoneNumberId(this, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	graph: GraphClient,
	phoneNumberId: string,
): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = options.includeSipCredentials === true ? { include_sip_credentials: true } : undefined;
	const settings = await fetchSettings(graph, phoneNumberId, qs);
	return { phoneNumberId, calling: settings.calling, restrictions: settings.restrictions };
}
