import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

/**
 * The frame both action nodes share: one input, one output, usable as an AI tool, "operation: resource"
 * as subtitle. The node fills in what is its own, and declares the credential in its own file (n8n's
 * lint rules look for it there).
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
		properties: node.properties,
	};
}
