import type { INodeCredentialDescription, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

/** Every node of this package uses the one credential, tested by the function in shared/credentialTest.ts. */
export const metaCallingCredentials: INodeCredentialDescription[] = [
	{ name: 'metaCallingApi', required: true, testedBy: 'metaCallingApiTest' },
];

/**
 * The frame both action nodes share: one input, one output, usable as an AI tool, "operation: resource"
 * as subtitle. The node fills in what is its own.
 */
export function actionNodeDescription(node: {
	displayName: string;
	name: string;
	description: string;
	properties: INodeProperties[];
}): INodeTypeDescription {
	return {
		displayName: node.displayName,
		name: node.name,
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: node.description,
		defaults: { name: node.displayName },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: metaCallingCredentials,
		properties: node.properties,
	};
}
