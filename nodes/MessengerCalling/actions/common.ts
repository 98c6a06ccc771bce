import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { sendOrPreview } from '../../shared/execution/request';
import type { GraphClient, GraphRequest } from '../../shared/transport/graph';
import {
	isWriteFailure,
	readCallSettingsAnswer,
	validatePageId,
	type CallSettingsField,
	type CallSettingsReading,
} from '../helpers/callSettings';
import { readSettingsRequest } from '../helpers/requests';

/** What every Messenger operation reads the same way: the Page, dry run, the settings endpoint. */

export function readPageId(ctx: IExecuteFunctions, itemIndex: number): string {
	return validatePageId(ctx.getNodeParameter('pageId', itemIndex, ''));
}

export { readDryRun } from '../../shared/execution/request';

export async function fetchCallSettings(
	graph: GraphClient,
	pageId: string,
	fields: readonly CallSettingsField[],
): Promise<CallSettingsReading> {
	return readCallSettingsAnswer(await graph.request(readSettingsRequest(pageId, fields)), fields);
}

export interface WritesOutcome {
	/** with dryRun: the requests as they would leave */
	previews: IDataObject[];
	answers: IDataObject[];
}

/**
 * Sends the writes one after another (each depends on the last having worked) or, with dryRun, only
 * describes them. Meta's {"result": "failure"} arrives with HTTP 200, so it is turned into an error here.
 */
export async function sendWrites(
	ctx: IExecuteFunctions,
	graph: GraphClient,
	requests: readonly GraphRequest[],
	dryRun: boolean,
): Promise<WritesOutcome> {
	const outcome: WritesOutcome = { previews: [], answers: [] };
	for (const request of requests) {
		const answer = await sendOrPreview<IDataObject>(graph, request, dryRun);
		if (answer.dryRun === true) {
			outcome.previews.push(answer.request as IDataObject);
			continue;
		}
		if (isWriteFailure(answer)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Meta answered "failure" when setting ${Object.keys(request.body ?? {}).join(', ')}`,
				{ description: `Answer: ${JSON.stringify(answer)}. Earlier writes of this item, if any, were applied.` },
			);
		}
		outcome.answers.push(answer as IDataObject);
	}
	return outcome;
}

/** The output fields of one write: Meta's answer normalized to success, or the dry-run preview. */
export function writeResult(outcome: WritesOutcome): IDataObject {
	if (outcome.previews.length > 0) return { dryRun: true, request: outcome.previews[0] };
	return { success: true };
}
