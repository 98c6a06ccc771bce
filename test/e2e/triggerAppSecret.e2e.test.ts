import { randomUUID } from 'crypto';

import { e2eContext } from './harness/context';

/**
 * Triggers require an App Secret (issue 11), in real n8n: a trigger whose credential has none cannot be
 * activated and says why; no unsigned POST to a trigger's URL starts an execution. The credential and the
 * workflows are made here through n8n's public API (the harness activates every workflow file, and these
 * must fail to activate).
 */

const MESSAGE =
	"App Secret is required to verify Meta's signature on each delivery: set it in the Meta Calling API credential (App Dashboard → App settings → Basic)";
/** The always-active WhatsApp trigger of test/e2e/workflows/trigger-whatsapp.json (credential with secret). */
const ACTIVE_TRIGGER_WORKFLOW = 'e2eWaCallTrigger';
const ACTIVE_TRIGGER_WEBHOOK = '7c0f3a55-5e5e-4d2a-8f1b-e2e0a1d0f501';

const e2e = e2eContext();

const delivery = JSON.stringify({
	object: 'whatsapp_business_account',
	entry: [{ id: '2000000000000001', time: 1767225600, changes: [{ field: 'account_settings_update', value: { phone_number_settings: { phone_number_id: '3000000000000001', calling: { status: 'ENABLED' } } } }] }],
});

async function postUnsigned(webhookId: string): Promise<number> {
	const response = await fetch(`${e2e.n8nUrl}/webhook/${webhookId}/webhook`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: delivery,
		signal: AbortSignal.timeout(30000),
	});
	await response.arrayBuffer();
	return response.status;
}

/**
 * What the user is shown when activating. n8n 1.x activates while answering (the error is the answer);
 * n8n 2.x publishes after answering and shows the trigger's error from the publication status, which the
 * editor reads from GET /rest/workflows/<id>/publication-status.
 */
async function activationError(workflowId: string): Promise<string> {
	const activation = await e2e.rest.publicApi('POST', `/workflows/${workflowId}/activate`);
	if (activation.status !== 200) return activation.text;
	const deadline = Date.now() + 30000;
	for (;;) {
		const status = await e2e.rest.rest('GET', `/workflows/${workflowId}/publication-status`);
		// n8n 1.x has no publication status: its 200 above means the trigger was activated.
		if (status.status === 404) return `activated: ${activation.text.slice(0, 300)}`;
		const data = status.body?.data;
		if (status.status === 200 && data && data.status !== 'in_progress') {
			expect(data.status).toBe('failed');
			return JSON.stringify(data.triggers);
		}
		if (Date.now() > deadline) throw new Error(`publication of ${workflowId} did not settle: ${status.text.slice(0, 500)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * The editor's "Listen for test event": a manual run from the trigger (POST /rest/workflows/<id>/run).
 * n8n 1.x takes the workflow in the body, 2.x reads it from its database; both keys are sent.
 */
async function listenForTestEventError(workflowId: string, triggerName: string): Promise<string> {
	const stored = await e2e.rest.rest('GET', `/workflows/${workflowId}`);
	const answer = await e2e.rest.rest('POST', `/workflows/${workflowId}/run`, {
		workflowData: stored.body.data,
		triggerToStartFrom: { name: triggerName },
	});
	expect(answer.status).not.toBe(200);
	return answer.text;
}

let credentialId = '';

beforeAll(async () => {
	// Through the editor's REST API: n8n 1.x's public API wants extra fields in credential data.
	const created = await e2e.rest.rest('POST', '/credentials', {
		name: `Meta Calling API without App Secret ${randomUUID().slice(0, 8)}`,
		type: 'metaCallingApi',
		data: { accessToken: 'sandbox-access-token', appId: '1000000000000001', appSecret: '', graphApiVersion: 'v26.0', baseUrl: e2e.sandboxUrl },
	});
	if (created.status !== 200) throw new Error(`creating the credential answered ${created.status}: ${created.text.slice(0, 500)}`);
	credentialId = created.body.data.id;
});

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: triggers require an App Secret`, () => {
	it.each([
		['WhatsApp Calling Trigger', 'whatsAppCallingTrigger', { events: ['accountSettingsUpdate'], subscription: 'manual', options: {} }],
		['Messenger Calling Trigger', 'messengerCallingTrigger', { subscription: 'manual', options: {} }],
	])('%s with a credential without App Secret: activation and Listen for test event refused with the message, an unsigned POST starts 0 executions', async (name, type, parameters) => {
		const webhookId = randomUUID();
		const workflow = await e2e.rest.publicApi('POST', '/workflows', {
			name: `e2e ${name} without App Secret ${webhookId.slice(0, 8)}`,
			nodes: [
				{
					id: randomUUID(),
					name,
					type: `n8n-nodes-meta-calling.${type}`,
					typeVersion: 1.1,
					position: [0, 0],
					webhookId,
					credentials: { metaCallingApi: { id: credentialId, name: 'Meta Calling API without App Secret' } },
					parameters,
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		expect(workflow.status).toBe(200);
		const workflowId = workflow.body.id as string;

		expect(await activationError(workflowId)).toContain(MESSAGE);
		expect(await listenForTestEventError(workflowId, name)).toContain(MESSAGE);

		expect(await postUnsigned(webhookId)).toBe(404);
		expect(await e2e.executions({ workflowId })).toEqual([]);
	});

	it('an unsigned POST to an active trigger is 401 and starts 0 executions', async () => {
		const before = (await e2e.executions({ workflowId: ACTIVE_TRIGGER_WORKFLOW, limit: 250 })).map((e) => e.id);
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push(await postUnsigned(ACTIVE_TRIGGER_WEBHOOK));
		expect(statuses).toEqual([401, 401, 401, 401, 401]);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const fresh = (await e2e.executions({ workflowId: ACTIVE_TRIGGER_WORKFLOW, limit: 250 })).filter((e) => !before.includes(e.id));
		expect(fresh).toEqual([]);
	});
});
