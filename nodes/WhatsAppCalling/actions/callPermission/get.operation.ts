import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import { optionsCollection, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/types';
import { readRecipient, recipientField } from '../message/fields';
import { fetchCallPermission } from '../api';

const displayOptions = showFor('callPermission', 'get');

export const description: INodeProperties[] = [recipientField(displayOptions, false), optionsCollection(displayOptions, { write: false })];

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const { phone } = readRecipient(this, itemIndex, true);
	return { phoneNumberId: readPhoneNumberId(this, itemIndex), phone: phone as string };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const { phoneNumberId, phone } = input;
	return { phoneNumberId, recipient: phone, ...(await fetchCallPermission(graph, phoneNumberId, phone)) };
}
