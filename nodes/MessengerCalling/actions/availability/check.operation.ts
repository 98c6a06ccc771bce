import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readPageId } from '../../../shared/accounts/locators';
import { availabilityAnswer, availabilityCheckParameters, readAvailabilityCheck } from '../../../shared/calendar/checkOption';
import type { GraphClient } from '../../../shared/transport/graph';
import { fetchStoredAvailability } from '../api';

export const description = availabilityCheckParameters('The weekly hours are applied in the Page’s call hours timezone.');

export function validate(this: IExecuteFunctions, itemIndex: number) {
	return { pageId: readPageId(this, itemIndex), ...readAvailabilityCheck(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const stored = await fetchStoredAvailability(graph, input.pageId);
	return { pageId: input.pageId, ...(await availabilityAnswer(this, input, stored)) };
}
