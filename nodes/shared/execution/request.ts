import type { IDataObject } from 'n8n-workflow';

import type { GraphClient, GraphRequest, GraphRequestPreview } from '../transport/types';

export interface DryRunResult extends IDataObject {
	dryRun: true;
	request: GraphRequestPreview & IDataObject;
}

/** The one switch every write goes through: with dryRun, show the request and send nothing. */
export async function sendOrPreview<T = IDataObject>(
	graph: GraphClient,
	req: GraphRequest,
	dryRun: boolean,
): Promise<T | DryRunResult> {
	if (dryRun) return { dryRun: true, request: { ...graph.describe(req) } };
	return await graph.request<T>(req);
}
