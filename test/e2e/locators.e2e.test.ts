import { e2eContext } from './harness/context';

/**
 * The account ID fields as resource locators inside real n8n: the editor's "From List" request runs the
 * node's listSearch against the sandbox, and a workflow saved with locator values ({__rl, mode, value})
 * runs. Workflows with plain-string IDs (saved before the fields were locators) are covered by
 * workflows/calendar-sync.json and workflows/trigger-whatsapp.json (kept so on purpose, see
 * test/unit/release/exampleLocators.test.ts); every other workflow stores the locator's shape.
 */
const e2e = e2eContext();
beforeEach(async () => await e2e.sandbox('POST', 'reset', {}));

/** What the editor asks when a "From List" dropdown opens or its search changes. */
async function listSearch(nodeType: string, methodName: string, filter?: string) {
	const answer = await e2e.rest.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
		nodeTypeAndVersion: { name: `n8n-nodes-meta-calling.${nodeType}`, version: 1 },
		methodName,
		path: 'parameters.id',
		currentNodeParameters: {},
		credentials: { metaCallingApi: { id: e2e.credentialId, name: e2e.credentialName } },
		...(filter === undefined ? {} : { filter }),
	});
	if (answer.status !== 200) throw new Error(`resource-locator-results answered ${answer.status}: ${answer.text.slice(0, 500)}`);
	return answer.body.data.results as Array<{ name: string; value: string; description?: string }>;
}

it('From List shows the sandbox’s phone numbers, WABAs and Pages, and a search narrows each', async () => {
	expect((await listSearch('whatsAppCalling', 'searchPhoneNumbers')).map((r) => r.value).sort()).toEqual([
		'3000000000000001',
		'3000000000000002',
	]);
	expect(await listSearch('whatsAppCalling', 'searchPhoneNumbers', 'support')).toEqual([
		expect.objectContaining({ name: '+1 555-010-0002 · Sandbox Support · quality YELLOW', value: '3000000000000002' }),
	]);
	expect((await listSearch('whatsAppCallingTrigger', 'searchWabas')).map((r) => r.value)).toEqual(['2000000000000001']);
	expect((await listSearch('messengerCalling', 'searchPages')).map((r) => r.value).sort()).toEqual(['4000000000000001', '4000000000000002']);
	expect((await listSearch('messengerCalling', 'searchPages', 'two')).map((r) => r.value)).toEqual(['4000000000000002']);
	const zones = await listSearch('messengerCalling', 'searchTimezones', 'kolkata');
	expect(zones).toEqual([expect.objectContaining({ value: 'Asia/Kolkata', description: 'UTC+05:30 now' })]);
});

it('a workflow saved with locator values (From List, By URL, a listed timezone) runs', async () => {
	const answer = await e2e.callWebhook('e2e-locator-values', {});
	expect(answer.status).toBe(200);
	expect(answer.body).toMatchObject({ pageId: '4000000000000002' });
	const { state } = await e2e.sandbox('GET', 'state');
	expect(state.pages['4000000000000002'].call_hours.timezone_id).toBe('Asia/Kolkata');
	const requests: Array<{ method: string; path: string }> = await e2e.sandbox('GET', 'requests');
	expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(
		expect.arrayContaining(['GET /3000000000000001/settings', 'POST /4000000000000002/messenger_call_settings']),
	);
});
