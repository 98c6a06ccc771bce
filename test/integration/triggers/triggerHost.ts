/**
 * A small stand-in for n8n's webhook server, enough to run one trigger node for real: it listens on
 * 127.0.0.1, routes /webhook/<webhookId>/webhook to the node's `webhook()` through n8n-core's own
 * WebhookContext (with `req.rawBody` kept as n8n does), runs `webhookMethods` through n8n-core's
 * HookContext, and records each execution the node asks for. Graph calls go through the real
 * transport and credential to the sandbox.
 */
import http, { type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type WebhookType,
} from 'n8n-workflow';

import { prepareContainer, SingleNodeTypes, TestCredentialsHelper } from '../harness';

export interface Execution {
	items: IDataObject[];
}

export interface TriggerHostOptions {
	node: INodeType;
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Fixed so tests know the URL; n8n gives each trigger node a UUID. */
	webhookId?: string;
	/**
	 * How the body reaches the node: 'kept' = read, `req.rawBody` set (n8n once it parsed the body);
	 * 'lazy' = unread, only n8n's `req.readRawBody()` is there; 'none' = parsed body, no raw bytes.
	 */
	rawBody?: 'kept' | 'lazy' | 'none';
}

/** Each host is its own trigger node: the trigger keeps its app secret per workflow, node and credential. */
let hostsStarted = 0;

export class TriggerHost {
	readonly executions: Execution[] = [];
	/** Every answer the host gave, in order: status and whether an execution started. */
	readonly answers: Array<{ method: string; status: number; started: boolean }> = [];
	readonly node: INode;
	readonly workflow: Workflow;
	private readonly server: http.Server;
	private additionalData!: IWorkflowExecuteAdditionalData;
	private readonly nodeType: INodeType;
	baseUrl = '';

	constructor(private readonly options: TriggerHostOptions) {
		prepareContainer();
		this.nodeType = options.node;
		this.node = {
			id: `trigger-node-${++hostsStarted}`,
			name: options.node.description.displayName,
			type: `test.${options.node.description.name}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			webhookId: options.webhookId ?? 'f2a6c0de-5e1f-4b1a-9a57-0c4c2f7e2b10',
			credentials: { metaCallingApi: { id: 'cred-1', name: 'Meta (sandbox)' } },
		};
		this.workflow = new Workflow({
			id: 'trigger-workflow',
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			nodeTypes: new SingleNodeTypes({ [`test.${options.node.description.name}`]: options.node }),
			active: true,
			staticData: {},
			settings: { executionOrder: 'v1' },
		});
		this.server = http.createServer((req, res) => {
			this.onRequest(req, res).catch((error: unknown) => {
				// n8n answers a throwing webhook with 500; the tests assert this never happens.
				this.answers.push({ method: req.method ?? '', status: 500, started: false });
				if (!res.headersSent) res.writeHead(500).end(String(error));
			});
		});
	}

	async start(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.additionalData = {
			credentialsHelper: new TestCredentialsHelper({ metaCallingApi: this.options.credentials }),
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
			formWaitingBaseUrl: `${this.baseUrl}/form-waiting`,
			instanceBaseUrl: `${this.baseUrl}/`,
			restApiUrl: `${this.baseUrl}/rest`,
			variables: {},
			executionId: 'trigger-host',
			userId: 'trigger-tester',
			currentNodeParameters: undefined,
		} as unknown as IWorkflowExecuteAdditionalData;
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	/** The production URL n8n would show: /webhook/<webhookId>/webhook. */
	get webhookUrl(): string {
		return `${this.baseUrl}/webhook/${this.node.webhookId}/webhook`;
	}

	/** What the node keeps in its static data about automatic subscription (n8n stores it per node). */
	subscriptionRecord(): unknown {
		const nodeData = (this.workflow.staticData as IDataObject)[`node:${this.node.name}`] as IDataObject | undefined;
		return nodeData?.metaSubscription;
	}

	private webhookData(name: WebhookType): IWebhookData {
		const description = this.nodeType.description.webhooks!.find((w) => w.name === name)!;
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData,
			webhookId: this.node.webhookId,
		};
	}

	private hookContext(activation: 'activate' | 'manual'): HookContext {
		return new HookContext(this.workflow, this.node, this.additionalData, 'trigger', activation, this.webhookData('default'));
	}

	/** What n8n does on activation: checkExists, then create when it says false. */
	async activate(): Promise<void> {
		const methods = this.nodeType.webhookMethods!.default!;
		const context = this.hookContext('activate');
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
	}

	/** What n8n does for "Listen for test event": the same two methods, in manual mode. */
	async listenForTestEvent(): Promise<void> {
		const methods = this.nodeType.webhookMethods!.default!;
		const context = this.hookContext('manual');
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
	}

	async deactivate(): Promise<void> {
		await this.nodeType.webhookMethods!.default!.delete.call(this.hookContext('activate'));
	}

	/** Sets a parameter as if the user changed it (before the next activation). */
	setParameter(name: string, value: INodeParameters[string]): void {
		this.node.parameters[name] = value;
	}

	private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', this.baseUrl);
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.pathname !== `/webhook/${this.node.webhookId}/webhook` || (method !== 'GET' && method !== 'POST')) {
			res.writeHead(404).end('not registered');
			return;
		}
		const request = req as IncomingMessage & IDataObject;
		request.query = Object.fromEntries(url.searchParams);
		request.params = {};
		const readBytes = async () => {
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			return Buffer.concat(chunks);
		};
		const mode = this.options.rawBody ?? 'kept';
		if (mode === 'lazy') {
			request.readRawBody = async () => {
				request.rawBody ??= await readBytes();
			};
		} else {
			// Like n8n: the raw bytes are kept on the request, the JSON body parsed beside them.
			const raw = await readBytes();
			if (mode === 'kept') request.rawBody = raw;
			try {
				request.body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
			} catch {
				request.body = {};
			}
		}
		const additionalData = { ...this.additionalData, httpRequest: req, httpResponse: res } as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = this.webhookData(method === 'GET' ? 'setup' : 'default');
		const context = new WebhookContext(this.workflow, this.node, additionalData, 'webhook', webhookData, [], null);
		const result = await this.nodeType.webhook!.call(context);
		if (result.workflowData !== undefined) {
			this.executions.push({ items: result.workflowData[0].map((item) => item.json) });
		}
		if (result.noWebhookResponse === true) {
			this.answers.push({ method, status: res.statusCode, started: result.workflowData !== undefined });
			return;
		}
		// responseMode onReceived: n8n answers at once, before the execution runs.
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"message":"Workflow was started"}');
		this.answers.push({ method, status: 200, started: result.workflowData !== undefined });
	}
}
