import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import { optionsCollection, readOptionValues, showFor } from '../../../shared/descriptions/options';
import { onlyWhileOpenOption } from '../../../shared/descriptions/availability';
import { closedNow } from '../../../shared/hours/availability';
import type { GraphClient } from '../../../shared/transport/types';
import { bodyTextField, parseBodyText, parseLifetime, parseOptionalText, readRecipient, recipientField, recipientText } from './fields';
import { callButtonRequest, fetchStoredAvailability, sendMessage } from '../api';

const displayOptions = showFor('message', 'sendCallButton');

export const description: INodeProperties[] = [
	recipientField(displayOptions),
	bodyTextField(displayOptions, 'The text above the button'),
	optionsCollection(displayOptions, {
		write: true,
		extra: [
			{
				displayName: 'Button Active For',
				name: 'buttonLifetime',
				type: 'string',
				default: '',
				placeholder: '7d',
				description: 'E.g. 30m, 12h, 7d or 1d 12h; at most 30d. Empty = 7 days.',
			},
			{
				displayName: 'Button Text',
				name: 'displayText',
				type: 'string',
				default: '',
				placeholder: 'Call Now',
				description: 'At most 20 characters. Empty = "Call Now".',
			},
			onlyWhileOpenOption,
			{
				displayName: 'Tracking Payload',
				name: 'payload',
				type: 'string',
				default: '',
				description: 'Up to 512 characters, returned as cta_payload in the calls webhook',
			},
		],
	}),
];

/** A message must never arrive twice: with On Error: Stop nothing after a failed send is sent (shared/execution/runItems.ts). */
export const sequentialOnStop = true;

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const { dryRun, values } = readOptionValues(this, itemIndex);
	return {
		phoneNumberId: readPhoneNumberId(this, itemIndex),
		recipient: readRecipient(this, itemIndex),
		button: {
			bodyText: parseBodyText(this.getNodeParameter('bodyText', itemIndex, '')),
			displayText: parseOptionalText(values.displayText, 'options.displayText', 20),
			ttlMinutes: parseLifetime(values.buttonLifetime, 'options.buttonLifetime'),
			payload: parseOptionalText(values.payload, 'options.payload', 512),
		},
		onlyWhileOpen: values.onlyWhileOpen === true,
		dryRun,
	};
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const { phoneNumberId, recipient, button, onlyWhileOpen, dryRun } = input;
	const sent = { phoneNumberId, recipient: recipientText(recipient) };
	if (onlyWhileOpen) {
		const closed = closedNow({ at: new Date(), ...(await fetchStoredAvailability(graph, phoneNumberId)) });
		if (closed) return { ...sent, ...closed };
	}
	// repeatable: false — the transport never sends it twice, whatever happens to the first attempt's answer.
	return { ...sent, ...(await sendMessage(graph, callButtonRequest(phoneNumberId, recipient, button), dryRun)) };
}
