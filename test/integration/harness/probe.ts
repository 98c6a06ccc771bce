import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/** A test-only node that calls GET /<version>/me with the credential, to prove the harness end to end. */
export class ProbeNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'test only',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'metaCallingApi', required: true }],
		properties: [{ displayName: 'Label', name: 'label', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('metaCallingApi');
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const answer = await this.helpers.httpRequestWithAuthentication.call(this, 'metaCallingApi', {
				method: 'GET',
				url: `${credentials.baseUrl}/${credentials.graphApiVersion}/me`,
				json: true,
			});
			out.push({ json: { answer, label: this.getNodeParameter('label', i) }, pairedItem: { item: i } });
		}
		return [out];
	}
}
