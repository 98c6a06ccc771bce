import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import { availabilityAnswer, availabilityCheckParameters, readAvailabilityCheck } from '../../../shared/calendar/checkOption';
import type { GraphClient } from '../../../shared/transport/graph';
import { fetchStoredAvailability } from '../api';

export const description = availabilityCheckParameters('Weekly hours and holidays are applied in the business timezone.');

export function validate(this: IExecuteFunctions, itemIndex: number) {
	return { phoneNumberId: readPhoneNumberId(this, itemIndex), ...readAvailabilityCheck(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const stored = await fetchStoredAvailability(graph, input.phoneNumberId);
	return { phoneNumberId: input.phoneNumberId, ...(await availabilityAnswer(this, input, stored)) };
}
