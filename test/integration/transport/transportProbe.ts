import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { optionsCollection } from '../../../nodes/shared/descriptions/options';
import { sendOrPreview } from '../../../nodes/shared/execution/request';
import { runItems } from '../../../nodes/shared/execution/runItems';
import type { GraphRequest } from '../../../nodes/shared/transport/types';
import { InputError } from '../../../nodes/shared/validation';

/**
 * A test-only node over the shared core: each input item carries the Graph request to make
 * (`json.request`), so transport tests drive any call through runItems and the GraphClient as a real
 * node would. `json.fail` throws an InputError instead, before any request.
 */
export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'test only',
		defaults: { name: 'Transport Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'metaCallingApi', required: true }],
		properties: [
			{ displayName: 'Backoff Base (Ms)', name: 'backoffBaseMs', type: 'number', default: 5 },
			{ displayName: 'Backoff Cap (Ms)', name: 'backoffCapMs', type: 'number', default: 40 },
			{ displayName: 'Jitter (0 = Random)', name: 'jitter', type: 'number', default: 0 },
			optionsCollection({}, { write: true }),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const backoff = {
			baseMs: this.getNodeParameter('backoffBaseMs', 0) as number,
			capMs: this.getNodeParameter('backoffCapMs', 0) as number,
		};
		const jitter = this.getNodeParameter('jitter', 0) as number;
		return await runItems(
			this,
			async (itemIndex, graph) => {
				const json = items[itemIndex].json as { request?: GraphRequest; fail?: string; times?: number };
				if (json.fail) throw new InputError(json.fail, 'is broken on purpose');
				const dryRun = this.getNodeParameter('options.dryRun', itemIndex, false) as boolean;
				const answer = await sendOrPreview(graph, json.request as GraphRequest, dryRun);
				if (json.times) return Array.from({ length: json.times }, (_, n) => ({ n, ...answer }));
				return answer as IDataObject;
			},
			{ backoff, random: jitter > 0 ? () => jitter : undefined },
		);
	}
}
