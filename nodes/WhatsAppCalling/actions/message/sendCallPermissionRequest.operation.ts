import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import { optionsCollection, readOptionValues, showFor } from '../../../shared/descriptions/options';
import type { GraphClient } from '../../../shared/transport/types';
import { InputError } from '../../../shared/validation';
import { bodyTextField, parseBodyText, readRecipient, recipientField, recipientText } from './fields';
import { callPermissionRequestRequest, fetchCallPermission, permissionRequestBlocked, sendMessage } from '../api';

const displayOptions = showFor('message', 'sendCallPermissionRequest');

export const description: INodeProperties[] = [
	recipientField(displayOptions),
	bodyTextField(displayOptions, 'Why the business asks to call'),
	optionsCollection(displayOptions, {
		write: true,
		extra: [
			{
				displayName: 'Only If Allowed',
				name: 'onlyIfAllowed',
				type: 'boolean',
				default: true,
				description:
					'Whether to send nothing when Meta would refuse (1 request per 24 hours and 2 per 7 days, or permission already permanent), and say why and when it can be sent',
			},
		],
	}),
];

/** A message must never arrive twice: with On Error: Stop nothing after a failed send is sent. */
export const sequentialOnStop = true;

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const { dryRun, values } = readOptionValues(this, itemIndex);
	const onlyIfAllowed = values.onlyIfAllowed !== false;
	const recipient = readRecipient(this, itemIndex);
	if (onlyIfAllowed && !recipient.phone) {
		throw new InputError('recipient', 'must be a phone number while Only If Allowed is on (Meta looks permissions up by phone number)');
	}
	const bodyText = parseBodyText(this.getNodeParameter('bodyText', itemIndex, ''));
	return { phoneNumberId: readPhoneNumberId(this, itemIndex), recipient, bodyText, onlyIfAllowed, dryRun };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const { phoneNumberId, recipient, bodyText, onlyIfAllowed, dryRun } = input;
	const sent = { phoneNumberId, recipient: recipientText(recipient) };
	if (onlyIfAllowed) {
		const state = await fetchCallPermission(graph, phoneNumberId, recipient.phone as string);
		const blocked = permissionRequestBlocked(state);
		if (blocked) return { ...sent, sent: false, ...blocked, permissionStatus: state.status };
	}
	const request = callPermissionRequestRequest(phoneNumberId, recipient, bodyText);
	return { ...sent, ...(await sendMessage(graph, request, dryRun)) };
}
