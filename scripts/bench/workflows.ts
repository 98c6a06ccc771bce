import { createHmac } from 'crypto';

import { DEMO } from '../../tools/sandbox';
import { SANDBOX_CREDENTIAL_ID, SANDBOX_CREDENTIAL_NAME } from '../../tools/n8n/userFolder';

/*
 * The workflows the benchmark imports into n8n. Every action workflow has the same front:
 *   Webhook (POST, answers with every item of the last node) -> Split Out (body.items) -> the node(s) under test
 * so the client measures the whole run from one HTTP call, and both contenders pay the same fixed costs.
 * The body carries `baseUrl` (the sandbox, for the HTTP Request node's URL), `holidayDate` and `items`.
 *
 * Both contenders have n8n's "On Error: Continue" setting, so a failed item comes out as an item with an
 * `error` field instead of stopping the run: that is how failed items are counted.
 * Successful executions are not saved (workflow setting), so SQLite writes of thousands of items do not
 * blur what the nodes themselves cost; that applies to every workflow alike.
 */

export interface BenchWorkflow {
	id: string;
	name: string;
	/** Production webhook path, relative to /webhook/. */
	webhookPath: string;
	json: Record<string, unknown>;
}

type NodeJson = Record<string, unknown>;

const CREDENTIALS = { metaCallingApi: { id: SANDBOX_CREDENTIAL_ID, name: SANDBOX_CREDENTIAL_NAME } };
const BASE_URL = "$('Webhook').first().json.body.baseUrl";
const HOLIDAY_DATE = "$('Webhook').first().json.body.holidayDate";
const GRAPH_VERSION = 'v26.0';

/** The one field scenario 1/2/4 change: the demo numbers start with it DISABLED, so a write is visible. */
export const UPDATED_FIELD = { node: 'callbackPermissionStatus', wire: 'callback_permission_status', value: 'ENABLED' };

/** What our credential adds to every call (Bearer token + appsecret_proof), so the HTTP Request node sends the same. */
const APPSECRET_PROOF = createHmac('sha256', DEMO.appSecret).update(DEMO.accessToken).digest('hex');

let nodeCounter = 0;
function node(name: string, type: string, typeVersion: number, parameters: NodeJson, extra: NodeJson = {}): NodeJson {
	nodeCounter++;
	const id = `b3c4d5e6-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`;
	return { id, name, type, typeVersion, position: [nodeCounter * 220, 0], parameters, ...extra };
}

function chain(names: string[]): NodeJson {
	const connections: NodeJson = {};
	for (let i = 0; i + 1 < names.length; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

function workflow(id: string, name: string, webhookPath: string, nodes: NodeJson[]): BenchWorkflow {
	return {
		id,
		name,
		webhookPath,
		json: {
			id,
			name,
			nodes,
			connections: chain(nodes.map((n) => n.name as string)),
			settings: {
				executionOrder: 'v1',
				saveDataSuccessExecution: 'none',
				saveManualExecutions: false,
				saveExecutionProgress: false,
			},
			active: false,
		},
	};
}

/** Webhook + Split Out, the front every action workflow shares; alone it is the baseline of scenario 4. */
function front(path: string): NodeJson[] {
	return [
		node(
			'Webhook',
			'n8n-nodes-base.webhook',
			2,
			{ httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			{ webhookId: webhookIdFor(path) },
		),
		node('Split Out', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} }),
	];
}

/** A stable UUID-shaped id per path (n8n keys production webhooks by it for some node types). */
function webhookIdFor(path: string): string {
	const hex = createHmac('sha256', 'bench').update(path).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const CONTINUE = { onError: 'continueRegularOutput' };

function ourNode(name: string, parameters: NodeJson): NodeJson {
	return node(name, 'n8n-nodes-meta-calling.whatsAppCalling', 1, parameters, { credentials: CREDENTIALS, ...CONTINUE });
}

function ourUpdate(dryRun: boolean): NodeJson {
	return ourNode('WhatsApp Calling', {
		resource: 'callingSettings',
		operation: 'update',
		phoneNumberId: '={{ $json.phoneNumberId }}',
		updateFields: { [UPDATED_FIELD.node]: UPDATED_FIELD.value },
		options: dryRun ? { dryRun: true } : {},
	});
}

/** `verifyWrites: false` switches off the check for concurrent writers (scenario 6 compares both). */
function ourHolidayAdd(verifyWrites = true): NodeJson {
	return ourNode('WhatsApp Calling', {
		resource: 'holidaySchedule',
		operation: 'add',
		phoneNumberId: '={{ $json.phoneNumberId }}',
		holidays: { holiday: [{ date: `={{ ${HOLIDAY_DATE} }}`, startTime: '0000', endTime: '2359' }] },
		options: verifyWrites ? {} : { verifyWrites: false },
	});
}

export interface Batching {
	batchSize: number;
	batchIntervalMs: number;
}

/** HTTP Request node (4.2) calling a Graph settings URL with the same token and appsecret_proof as ours. */
function httpNode(name: string, method: 'GET' | 'POST', phoneIdExpression: string, jsonBody: string | undefined, batching?: Batching): NodeJson {
	const parameters: NodeJson = {
		method,
		url: `={{ ${BASE_URL} }}/${GRAPH_VERSION}/{{ ${phoneIdExpression} }}/settings`,
		authentication: 'none',
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'appsecret_proof', value: APPSECRET_PROOF }] },
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${DEMO.accessToken}` }] },
		sendBody: jsonBody !== undefined,
		options: batching ? { batching: { batch: { batchSize: batching.batchSize, batchInterval: batching.batchIntervalMs } } } : {},
	};
	if (jsonBody !== undefined) Object.assign(parameters, { contentType: 'json', specifyBody: 'json', jsonBody });
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, parameters, CONTINUE);
}

function httpUpdate(batching?: Batching): NodeJson {
	const body = JSON.stringify({ calling: { [UPDATED_FIELD.wire]: UPDATED_FIELD.value } });
	return httpNode('HTTP Request', 'POST', '$json.phoneNumberId', body, batching);
}

/**
 * What a user builds for "add a holiday" without our node: read the settings, then write call_hours back
 * with the holiday appended (Meta replaces call_hours as a whole). No past-date pruning or de-duplication.
 */
function httpHolidayAdd(batching?: Batching): NodeJson[] {
	const holiday = `{ date: ${HOLIDAY_DATE}, start_time: '0000', end_time: '2359' }`;
	const hours = '$json.calling.call_hours';
	const body =
		`={{ { calling: { call_hours: Object.assign({}, ${hours}, ` +
		`{ holiday_schedule: (${hours}.holiday_schedule || []).concat([${holiday}]) }) } } }}`;
	return [
		httpNode('Read Settings', 'GET', '$json.phoneNumberId', undefined, batching),
		httpNode('Write Settings', 'POST', "$('Split Out').item.json.phoneNumberId", body, batching),
	];
}

/** The signed-delivery side of scenario 5: our trigger, as a user sets it up by hand (manual subscription). */
function triggerWorkflow(): BenchWorkflow {
	const trigger = node(
		'WhatsApp Calling Trigger',
		'n8n-nodes-meta-calling.whatsAppCallingTrigger',
		1.1,
		{ events: ['accountSettingsUpdate', 'callingRestriction'], subscription: 'manual', verifyToken: 'bench', options: {} },
		{ credentials: CREDENTIALS, webhookId: TRIGGER_WEBHOOK_ID },
	);
	return workflow('benchS5Trigger01', 'bench 5: WhatsApp Calling Trigger', `${TRIGGER_WEBHOOK_ID}/webhook`, [trigger]);
}

const TRIGGER_WEBHOOK_ID = 'b3c4d5e6-5555-4000-8000-000000000005';

function plainWebhookWorkflow(): BenchWorkflow {
	const path = 'bench-s5-plain-webhook';
	const hook = node(
		'Webhook',
		'n8n-nodes-base.webhook',
		2,
		{ httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		{ webhookId: webhookIdFor(path) },
	);
	return workflow('benchS5PlainHook', 'bench 5: plain Webhook node', path, [hook]);
}

/** The Crypto node's credential for the hand-built signature check: its HMAC secret is the app secret. */
export const CRYPTO_CREDENTIAL = { id: 'benchCryptoCred1', name: 'Bench HMAC (app secret)', type: 'crypto', data: { hmacSecret: DEMO.appSecret } };

/**
 * What a user builds to check Meta's signature without our trigger (issue 12): Webhook with the Raw Body
 * option (n8n 2.40.7 puts the exact bytes into binary property `data`, base64, beside the parsed body) ->
 * Crypto HMAC-SHA256 of that binary with the app secret, hex -> If the X-Hub-Signature-256 header equals
 * "sha256=" + that digest. It answers "Immediately" like the plain Webhook row, so a forged delivery gets
 * 200 and stops at the If (ours answers 401). `check`: a variant answering with the last node's item, and
 * a Set node on the If's true branch, which the warm-up uses to prove that the chain tells signed from forged.
 */
function signatureChainWorkflow(check: boolean): BenchWorkflow {
	const path = check ? 'bench-s5-signature-chain-check' : 'bench-s5-signature-chain';
	const response = check ? { responseMode: 'lastNode', responseData: 'firstEntryJson' } : { responseMode: 'onReceived' };
	const hook = node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, ...response, options: { rawBody: true } }, { webhookId: webhookIdFor(path) });
	const hmac = node(
		'Crypto',
		'n8n-nodes-base.crypto',
		2,
		{ action: 'hmac', type: 'SHA256', binaryData: true, binaryPropertyName: 'data', dataPropertyName: 'signature', encoding: 'hex' },
		{ credentials: { crypto: { id: CRYPTO_CREDENTIAL.id, name: CRYPTO_CREDENTIAL.name } } },
	);
	const compare = node('If', 'n8n-nodes-base.if', 2.2, {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
			conditions: [
				{
					id: 'b3c4d5e6-5555-4000-8000-00000000c0de',
					leftValue: "={{ $json.headers['x-hub-signature-256'] }}",
					rightValue: '=sha256={{ $json.signature }}',
					operator: { type: 'string', operation: 'equals' },
				},
			],
			combinator: 'and',
		},
		options: {},
	});
	const nodes = [hook, hmac, compare];
	if (check) {
		nodes.push(
			node('Verified', 'n8n-nodes-base.set', 3.4, {
				assignments: { assignments: [{ id: 'b3c4d5e6-5555-4000-8000-0000000000ff', name: 'verified', value: true, type: 'boolean' }] },
				options: {},
			}),
		);
	}
	return workflow(check ? 'benchS5ChainChk1' : 'benchS5Chain0001', `bench 5: Webhook -> Crypto -> If${check ? ' (check)' : ''}`, path, nodes);
}

/** Throttle that keeps the HTTP Request node at 100 requests/s: 10 items every 100 ms (the setting). */
export const THROTTLED: Batching = { batchSize: 10, batchIntervalMs: 100 };

/**
 * Scenario 7 (hostile feeds): Webhook -> one calendar operation, the source taken from the body
 * (`calendarSource`, `calendarUrl` or `calendarJson`); the WhatsApp sync writes for real (verifyWrites off).
 */
function feedWorkflow(kind: 'whatsapp' | 'messenger'): BenchWorkflow {
	const path = `bench-feeds-${kind}`;
	const hook = node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: webhookIdFor(path) });
	const source = {
		calendarSource: '={{ $json.body.calendarSource }}',
		// Required when the source is Public Holidays (n8n checks it at activation), unused here.
		countryCode: "={{ $json.body.countryCode ?? '' }}",
		calendarUrl: "={{ $json.body.calendarUrl ?? '' }}",
		calendarJson: "={{ $json.body.calendarJson ?? '[]' }}",
	};
	const calendarNode =
		kind === 'whatsapp'
			? ourNode('WhatsApp Calling', { resource: 'holidaySchedule', operation: 'sync', phoneNumberId: DEMO.phoneNumberId, ...source, syncMode: 'mirror', options: { verifyWrites: false, allowEmptyCalendar: true } })
			: node('Messenger Calling', 'n8n-nodes-meta-calling.messengerCalling', 1, { resource: 'callSettings', operation: 'syncClosure', pageId: DEMO.pageId, ...source, options: { verifyWrites: false } }, { credentials: CREDENTIALS, ...CONTINUE });
	return workflow(kind === 'whatsapp' ? 'benchFeedsWhatsA' : 'benchFeedsMessen', `bench 7: ${kind} calendar operation`, path, [hook, calendarNode]);
}

/** Every workflow of the benchmark, by key. */
export function benchWorkflows(): Record<string, BenchWorkflow> {
	const w = (id: string, name: string, path: string, nodes: NodeJson[]) => workflow(id, name, path, [...front(path), ...nodes]);
	return {
		updateOurs: w('benchUpdateOurs1', 'bench: update, ours', 'bench-update-ours', [ourUpdate(false)]),
		updateHttp: w('benchUpdateHttp1', 'bench: update, HTTP Request', 'bench-update-http', [httpUpdate()]),
		updateHttpThrottled: w('benchUpdateHttpT', 'bench: update, HTTP Request throttled', 'bench-update-http-throttled', [
			httpUpdate(THROTTLED),
		]),
		holidayOurs: w('benchHolidayOurs', 'bench: holiday add, ours', 'bench-holiday-ours', [ourHolidayAdd()]),
		holidayOursUnchecked: w('benchHolidayOurN', 'bench: holiday add, ours without the check', 'bench-holiday-ours-unchecked', [ourHolidayAdd(false)]),
		holidayHttp: w('benchHolidayHttp', 'bench: holiday add, HTTP Request', 'bench-holiday-http', httpHolidayAdd()),
		holidayHttpThrottled: w('benchHolidayHttT', 'bench: holiday add, HTTP Request throttled', 'bench-holiday-http-throttled', httpHolidayAdd(THROTTLED)),
		dryRunOurs: w('benchDryRunOurs1', 'bench: update dry run, ours', 'bench-dryrun-ours', [ourUpdate(true)]),
		frontOnly: w('benchFrontOnly01', 'bench: Webhook + Split Out only', 'bench-front-only', []),
		trigger: triggerWorkflow(),
		plainWebhook: plainWebhookWorkflow(),
		signatureChain: signatureChainWorkflow(false),
		signatureChainCheck: signatureChainWorkflow(true),
		feedsWhatsApp: feedWorkflow('whatsapp'),
		feedsMessenger: feedWorkflow('messenger'),
	};
}
