/**
 * Runs a node's "From List" search (methods.listSearch) the way n8n's editor does: n8n-core's real
 * LoadOptionsContext, with the credential handed over by the same test credentials helper as runNode.
 */
import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { prepareContainer, SingleNodeTypes, TestCredentialsHelper } from './harness';

export interface ListSearchOptions {
	node: INodeType;
	method: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	filter?: string;
	parameters?: INodeParameters;
}

export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	prepareContainer();
	const typeName = `test.${options.node.description.name}`;
	const node: INode = {
		id: 'node-under-test',
		name: options.node.description.displayName,
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: { metaCallingApi: { id: 'cred-1', name: 'metaCallingApi (test)' } },
	};
	const workflow = new Workflow({
		id: 'list-search-test',
		nodes: [node],
		connections: {},
		nodeTypes: new SingleNodeTypes({ [typeName]: options.node }),
		active: false,
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(options.credentials),
		restApiUrl: 'http://127.0.0.1:1/rest',
		instanceBaseUrl: 'http://127.0.0.1:1/',
		variables: {},
		userId: 'integration-tester',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const search = options.node.methods?.listSearch?.[options.method];
	if (!search) throw new Error(`${options.node.description.name} has no listSearch method ${options.method}`);
	return await search.call(context, options.filter);
}
