import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { checkAvailability, type AvailabilityInput } from './availability';

/*
 * "Only While Open" of both nodes' call-button messages (WhatsApp Send Call Button, Messenger Send Call
 * Prompt): the stored call hours and holidays decide, by the rules of Availability → Check.
 */

export const onlyWhileOpenOption: INodeProperties = {
	displayName: 'Only While Open',
	name: 'onlyWhileOpen',
	type: 'boolean',
	default: false,
	description:
		'Whether to send only while the stored call hours and holidays let people call (as Availability → Check); else the item says when (nextOpenAt)',
};

/** undefined while people can call (send); otherwise the output fields of the send that was left out. */
export function closedNow(input: AvailabilityInput): IDataObject | undefined {
	const availability = checkAvailability(input);
	if (availability.open) return undefined;
	return { sent: false, ...availability };
}
