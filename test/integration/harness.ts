/**
 * Runs one node of this package through n8n-core's real WorkflowExecute, with n8n-workflow's real
 * Workflow, parameter resolution, expressions and credential authentication. Only the pieces that
 * an n8n server would normally provide (stored credentials, lifecycle hooks) are supplied here.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { Container } from '@n8n/di';
import { Credentials, ExecutionLifecycleHooks, InstanceSettings, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
	type NodeParameterValueType,
} from 'n8n-workflow';

import { MetaCallingApi } from '../../credentials/MetaCallingApi.credentials';

export const SANDBOX_TOKEN = 'sandbox-access-token';
export const SANDBOX_APP_ID = '1000000000000001';
export const SANDBOX_APP_SECRET = 'sandbox-app-secret';

/** Credential data as a user would type it, pointing at a sandbox URL. */
export function sandboxCredentials(
	baseUrl: string,
	overrides: Partial<Record<'accessToken' | 'appId' | 'appSecret' | 'graphApiVersion', string>> = {},
): ICredentialDataDecryptedObject {
	return {
		accessToken: SANDBOX_TOKEN,
		appId: SANDBOX_APP_ID,
		appSecret: '',
		graphApiVersion: 'v26.0',
		baseUrl,
		...overrides,
	};
}

const credentialTypes: Record<string, ICredentialType> = { metaCallingApi: new MetaCallingApi() };

/** Hands the node the credential data given to the run, and applies the credential's own authenticate. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate !== 'function') return requestOptions;
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No credential data of type ${type} was given to the test run`);
		return data;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties() {
		return credentialTypes.metaCallingApi.properties;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}
}

export class SingleNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string) {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunNodeOptions {
	node: INodeType;
	parameters: INodeParameters;
	/** Credential data by type; usually `{ metaCallingApi: sandboxCredentials(sandbox.url) }`. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Input items; default one empty item. */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node's On Error setting; 'continueErrorOutput' gives the node a second (error) output. */
	onError?: INode['onError'];
	/** Workflow static data carried from an earlier run (e.g. Messenger snapshots). */
	staticData?: IDataObject;
	typeVersion?: number;
}

export interface NodeRunResult {
	/** Items of the node's first output (empty when the node failed). */
	items: INodeExecutionData[];
	/** All outputs. */
	outputs: INodeExecutionData[][];
	/** The error the node threw, when it failed. */
	error?: Error & IDataObject;
	/** Workflow static data after the run. */
	staticData: IDataObject;
	run: IRun;
}

let containerReady = false;

/** n8n-core reads a few services from its DI container; give them a throwaway user folder. */
export function prepareContainer() {
	if (containerReady) return;
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-test-'));
	process.env.N8N_ENCRYPTION_KEY ??= 'integration-tests-only';
	// n8n-core logs every node error to the console; the tests assert on the errors themselves.
	process.env.N8N_LOG_LEVEL ??= 'silent';
	Container.get(InstanceSettings);
	containerReady = true;
}

export async function runNode(options: RunNodeOptions): Promise<NodeRunResult> {
	prepareContainer();
	const typeName = `test.${options.node.description.name}`;
	const nodeTypes = new SingleNodeTypes({ [typeName]: options.node });
	const version = options.typeVersion ?? latestVersion(options.node);

	const node: INode = {
		id: 'node-under-test',
		name: options.node.description.displayName,
		type: typeName,
		typeVersion: version,
		position: [0, 0],
		parameters: options.parameters,
		continueOnFail: options.continueOnFail ?? false,
		...(options.onError ? { onError: options.onError } : {}),
		credentials: options.node.description.credentials?.length
			? Object.fromEntries(
					options.node.description.credentials.map((c) => [c.name, { id: 'cred-1', name: `${c.name} (test)` }]),
				)
			: undefined,
	};

	const workflow = new Workflow({
		id: 'integration-test',
		name: 'integration test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		// A JSON round trip, as n8n saves static data between runs.
		staticData: options.staticData ? JSON.parse(JSON.stringify(options.staticData)) : {},
		settings: { executionOrder: 'v1' },
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'integration-test-run', {
		id: 'integration-test',
		name: 'integration test',
		nodes: [node],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);

	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(options.credentials ?? {}),
		hooks,
		executionId: 'integration-test-run',
		restApiUrl: 'http://127.0.0.1:1/rest',
		instanceBaseUrl: 'http://127.0.0.1:1/',
		formWaitingBaseUrl: 'http://127.0.0.1:1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:1/webhook-test',
		currentNodeParameters: undefined,
		variables: {},
		userId: 'integration-tester',
		executeWorkflow: async () => {
			throw new Error('not available in integration tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not available in integration tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [options.items ?? [{ json: {} }]] }, source: null }],
		},
	});

	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const task = run.data.resultData.runData[node.name]?.[0];
	const outputs = (task?.data?.main ?? []).map((output) => output ?? []);
	const error = (task?.error ?? run.data.resultData.error) as (Error & IDataObject) | undefined;
	return {
		items: outputs[0] ?? [],
		outputs,
		error,
		// n8n-core changes the workflow's static data in place; a server would save it after the run.
		staticData: workflow.staticData as IDataObject,
		run,
	};
}

function latestVersion(node: INodeType): number {
	const version = node.description.version;
	return Array.isArray(version) ? Math.max(...version) : version;
}

/** Shortcut for a parameter value in tests. */
export type ParameterValue = NodeParameterValueType;
