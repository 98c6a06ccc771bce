import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';

import { DateTime } from 'luxon';

import { ALLOWS_CALLS_BODY, CALL_ME_BACK_BODIES, CALL_ME_BODIES, tryItCommand } from '../../scripts/start/examples';
import { publicHolidays } from '../../tools/sandbox/calendar/publicHolidays';
import { pointCalendarsAt } from '../../tools/n8n/calendarUrls';
import { clearDataTable, dataTableRows, ensureDataTable, type DataTableRef } from '../../tools/n8n/dataTables';
import { e2eContext } from './harness/context';
import { REPO_ROOT } from '../../tools/n8n/lines';

/**
 * The workflows of examples/, run in real n8n against the sandbox (calendar sources pointed at it). The harness imports and activates
 * every file of examples/ as it is: the trigger and webhook examples are called exactly as shipped. A
 * schedule cannot be called, so the schedule examples run as a copy whose Schedule Triggers are swapped
 * for Webhook triggers of the same name (done here, from the example file, so every other node is the
 * example's own); the holiday-eve copy also gets today's dates, since "is today a holiday eve" is the
 * point of it.
 */

const PHONE = '3000000000000001';
const PAGE = '4000000000000001';
const PSID = '5000000000000001';
const APP_ID = '1000000000000001';
const APP_TOKEN = '1000000000000001|sandbox-app-secret';
const ACCESS_TOKEN = 'sandbox-access-token';

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, any>;
	webhookId?: string;
	credentials?: Record<string, unknown>;
}

interface WorkflowFile {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

function example(file: string): WorkflowFile {
	return JSON.parse(readFileSync(join(REPO_ROOT, 'examples', file), 'utf8')) as WorkflowFile;
}

/** Today's date (YYYY-MM-DD) in a timezone, shifted by whole days. */
function dateIn(timeZone: string, shiftDays = 0): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
	const date = new Date(`${today}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + shiftDays);
	return date.toISOString().slice(0, 10);
}

/** The sandbox's public holidays of the next 366 days (from today in `zone`), nation-wide plus the subdivision's. */
function upcomingPublicHolidays(countryCode: string, subdivision: string, zone: string): string[] {
	const today = dateIn(zone);
	const last = dateIn(zone, 365);
	const year = Number(today.slice(0, 4));
	return [year, year + 1]
		.flatMap((y) => publicHolidays(y, countryCode) ?? [])
		.filter((h) => h.types.includes('Public') && (h.global || (h.counties ?? []).includes(subdivision)))
		.map((h) => h.date)
		.filter((date) => date >= today && date <= last);
}

/** The copy: each Schedule Trigger becomes a Webhook trigger of the same name at `<prefix>-<n>`; returns the paths by trigger name. */
function withWebhookTriggers(workflow: WorkflowFile, prefix: string): { workflow: WorkflowFile; paths: Record<string, string> } {
	const paths: Record<string, string> = {};
	const nodes = workflow.nodes.map((node) => {
		if (node.type !== 'n8n-nodes-base.scheduleTrigger') return node;
		const path = `${prefix}-${Object.keys(paths).length + 1}`;
		paths[node.name] = path;
		return {
			id: node.id,
			name: node.name,
			position: node.position,
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		};
	});
	expect(Object.keys(paths).length).toBeGreaterThan(0);
	return { workflow: { ...workflow, name: `e2e copy: ${workflow.name}`, nodes }, paths };
}

/** Sets one field of a Set node of the copy (the field must exist in the example). */
function setField(workflow: WorkflowFile, nodeName: string, field: string, value: string): void {
	const node = workflow.nodes.find((n) => n.name === nodeName);
	const assignment = node?.parameters.assignments?.assignments?.find((a: { name: string }) => a.name === field);
	if (!assignment) throw new Error(`example has no field ${field} in node ${nodeName}`);
	assignment.value = value;
}

/**
 * n8n 1.x's Data table node (version 1 only) has no "By Name" mode: a user there picks the table from
 * the list, which stores its id. The test does the same where the line needs it.
 */
function pickDataTable(workflow: WorkflowFile, table: { id: string }, line: string): void {
	if (line !== '1') return;
	for (const node of workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.dataTable')) {
		node.parameters.dataTableId = { __rl: true, mode: 'id', value: table.id };
	}
}

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: the example workflows against the sandbox`, () => {
	const e2e = e2eContext();
	const created: string[] = [];

	/** Creates and activates a workflow through the public API (n8n 2.x calls it publishing); returns its id. */
	async function activeCopy(workflow: WorkflowFile): Promise<string> {
		const { name, nodes, connections, settings } = workflow;
		const answer = await e2e.rest.publicApi('POST', '/workflows', { name, nodes, connections, settings: settings ?? {} });
		expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({ status: 200, text: expect.any(String) });
		const id = answer.body.id as string;
		created.push(id);
		let activated = await e2e.rest.publicApi('POST', `/workflows/${id}/activate`);
		if (activated.status === 404) activated = await e2e.rest.publicApi('POST', `/workflows/${id}/publish`);
		expect({ status: activated.status, text: activated.text.slice(0, 300) }).toEqual({ status: 200, text: expect.any(String) });
		return id;
	}

	async function sandboxRequests(): Promise<Array<{ method: string; path: string; body?: any }>> {
		return await e2e.sandbox('GET', 'requests');
	}

	/** A Graph call straight to the sandbox, to put the demo data in the state a test needs. */
	async function graph(method: string, path: string, body: Record<string, unknown>): Promise<void> {
		const response = await fetch(`${e2e.sandboxUrl}/v26.0${path}`, {
			method,
			headers: { 'content-type': 'application/json', authorization: `Bearer ${ACCESS_TOKEN}` },
			body: JSON.stringify(body),
		});
		expect({ path, status: response.status, body: await response.text() }).toEqual({ path, status: 200, body: expect.any(String) });
	}

	beforeEach(async () => {
		await e2e.sandbox('POST', 'reset', {});
	});

	afterAll(async () => {
		for (const id of created) await e2e.rest.publicApi('DELETE', `/workflows/${id}`);
	});

	describe('1. sync WhatsApp holidays from public holidays', () => {
		const file = example('1-whatsapp-close-calling-on-public-holidays.json');

		it('makes the holiday schedule the upcoming public holidays of Germany and Berlin; a second run writes nothing', async () => {
			const expected = upcomingPublicHolidays('DE', 'DE-BE', 'Europe/Berlin').slice(0, 20);
			expect(expected.length).toBeGreaterThan(5);
			const before = (await e2e.sandbox('GET', 'state')).state.phoneNumbers[PHONE].calling.call_hours;

			const { workflow, paths } = withWebhookTriggers(pointCalendarsAt(file, e2e.sandboxUrl), `e2e-example-holidays-${randomUUID().slice(0, 8)}`);
			await activeCopy(workflow);
			const answer = await e2e.callWebhook(paths['Every Monday at 06:00'], {});
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual([
				expect.objectContaining({ phoneNumberId: PHONE, syncMode: 'mirror', added: expected, removed: [], deferred: [], unchanged: false, writes: 1 }),
			]);
			const after = (await e2e.sandbox('GET', 'state')).state.phoneNumbers[PHONE].calling.call_hours;
			expect(after).toEqual({ ...before, holiday_schedule: expected.map((date) => ({ date, start_time: '0000', end_time: '2359' })) });
			// read, write, and the check for concurrent writers
			expect((await sandboxRequests()).map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET /${PHONE}/settings`,
				`POST /${PHONE}/settings`,
				`GET /${PHONE}/settings`,
			]);

			// Next Monday: nothing new, nothing written.
			await e2e.sandbox('DELETE', 'requests');
			const again = await e2e.callWebhook(paths['Every Monday at 06:00'], {});
			expect(again.body).toEqual([expect.objectContaining({ unchanged: true, added: [], removed: [], writes: 0 })]);
			expect((await sandboxRequests()).map((r) => r.method)).toEqual(['GET']);
		});
	});

	describe('2. Messenger: hide the call button on holiday eves, restore it next morning', () => {
		const file = example('2-messenger-hide-call-button-on-holiday-eves.json');
		const pageState = async () => (await e2e.sandbox('GET', 'state')).state.pages[PAGE];

		// The example keeps Close Calling's snapshot in this data table (npm start creates it; users create it once).
		let table: DataTableRef;
		beforeAll(async () => {
			table = await ensureDataTable(e2e.rest, 'messenger_call_snapshots', [
				{ name: 'pageId', type: 'string' },
				{ name: 'snapshot', type: 'string' },
			]);
		});
		beforeEach(async () => await clearDataTable(e2e.rest, table));

		it('hides the icon on the evening of a listed date, keeps the snapshot in the data table, restores it exactly the next morning', async () => {
			const { workflow, paths } = withWebhookTriggers(file, `e2e-example-eves-${randomUUID().slice(0, 8)}`);
			// Yesterday and today are both eves: tonight closes, and "this morning" follows yesterday's eve.
			const zone = String(file.settings?.timezone);
			setField(workflow, 'Holiday eves', 'holidayEves', JSON.stringify([dateIn(zone, -1), dateIn(zone)]));
			pickDataTable(workflow, table, e2e.line);
			await activeCopy(workflow);
			const before = await pageState();
			expect(before.icon_enabled).toBe(true);

			const evening = await e2e.callWebhook(paths['Every evening at 18:00'], {});
			expect(evening.status).toBe(200);
			expect((await pageState()).icon_enabled).toBe(false);
			const [row] = await dataTableRows(e2e.rest, table);
			expect(row).toMatchObject({ pageId: PAGE });
			const kept = JSON.parse(String(row.snapshot));
			expect(kept).toMatchObject({ pageId: PAGE, settings: { icon_enabled: true } });

			// A second close the same evening keeps the first snapshot (not the closed state).
			expect((await e2e.callWebhook(paths['Every evening at 18:00'], {})).status).toBe(200);
			const rows = await dataTableRows(e2e.rest, table);
			expect(rows).toHaveLength(1);
			expect(JSON.parse(String(rows[0].snapshot))).toEqual(kept);

			const morning = await e2e.callWebhook(paths['Every morning at 08:00'], {});
			expect(morning.status).toBe(200);
			expect(await pageState()).toEqual(before);
			expect(await dataTableRows(e2e.rest, table)).toEqual([]);
			const writes = (await sandboxRequests()).filter((r) => r.method === 'POST');
			expect(writes.map((r) => r.body)).toEqual([{ icon_enabled: false }, { icon_enabled: true }]);
		});

		it('changes nothing on an evening that is not listed', async () => {
			const { workflow, paths } = withWebhookTriggers(file, `e2e-example-eves-${randomUUID().slice(0, 8)}`);
			const zone = String(file.settings?.timezone);
			setField(workflow, 'Holiday eves', 'holidayEves', JSON.stringify([dateIn(zone, 3)]));
			await activeCopy(workflow);

			expect((await e2e.callWebhook(paths['Every evening at 18:00'], {})).status).toBe(200);
			expect((await e2e.callWebhook(paths['Every morning at 08:00'], {})).status).toBe(200);
			expect(await sandboxRequests()).toEqual([]);
			expect((await pageState()).icon_enabled).toBe(true);
		});
	});

	describe('3. alert when Meta restricts calling (the example as shipped, driven by a signed webhook)', () => {
		const file = example('3-whatsapp-alert-when-meta-restricts-calling.json');
		const trigger = file.nodes.find((n) => n.type === 'n8n-nodes-meta-calling.whatsAppCallingTrigger');

		/** What the dashboard set-up does: the sandbox verifies the URL with the trigger's Verify Token. */
		async function subscribeTrigger(): Promise<void> {
			const subscribe = await fetch(`${e2e.sandboxUrl}/v26.0/${APP_ID}/subscriptions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${APP_TOKEN}` },
				body: JSON.stringify({
					object: 'whatsapp_business_account',
					callback_url: `${e2e.n8nUrl}/webhook/${trigger?.webhookId}/webhook`,
					fields: 'account_update',
					verify_token: trigger?.parameters.verifyToken,
					include_values: true,
				}),
			});
			expect({ status: subscribe.status, body: await subscribe.text() }).toEqual({ status: 200, body: '{"success":true}' });
		}

		it("makes of the README's try-it command (sent as npm start prints it) the alert the README quotes", async () => {
			await subscribeTrigger();
			const before = new Set((await e2e.executions({ workflowId: file.id })).map((execution) => execution.id));
			const command = tryItCommand({ ...file, file: '3-whatsapp-alert-when-meta-restricts-calling.json' }, { n8n: e2e.n8nUrl, sandbox: e2e.sandboxUrl });
			const payload = JSON.parse(/-d '(.+)'$/.exec(command)?.[1] ?? 'null');
			expect((await e2e.sandbox('POST', 'emit', payload)).status).toBe(200);

			const execution = await e2e.waitForExecution({ workflowId: file.id, includeData: true }, (e) => !before.has(e.id) && e.status === 'success');
			const alert = execution.data.resultData.runData['Alert message'][0].data.main[0][0].json;
			expect({ subject: alert.subject, text: alert.text }).toEqual({
				subject: 'Meta paused WhatsApp calling for 15550100001',
				text: 'customers cannot call you until Tue 1 Jan 2030, 00:00 UTC',
			});
			const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
			expect(readme).toContain(`"${alert.subject}" / "${alert.text}"`);
		});

		it('turns a calling restriction into a readable alert, and ignores account updates about other things', async () => {
			expect(trigger?.webhookId).toBeTruthy();
			await subscribeTrigger();

			const earlier = new Set((await e2e.executions({ workflowId: file.id })).map((execution) => execution.id));
			const accountUpdate = (value: Record<string, unknown>) => ({
				object: 'whatsapp_business_account',
				body: {
					object: 'whatsapp_business_account',
					entry: [{ id: '2000000000000001', time: Math.floor(Date.now() / 1000), changes: [{ field: 'account_update', value }] }],
				},
			});
			const unrelated = await e2e.sandbox('POST', 'emit', accountUpdate({ phone_number: '15550100001', event: 'VERIFIED_ACCOUNT' }));
			expect(unrelated.status).toBe(200);

			const expiration = Math.floor(Date.UTC(2026, 11, 1, 9, 30) / 1000);
			const restriction = await e2e.sandbox(
				'POST',
				'emit',
				accountUpdate({
					phone_number: '15550100001',
					event: 'ACCOUNT_RESTRICTION',
					restriction_info: [{ restriction_type: 'RESTRICTED_USER_INITIATED_CALLING', expiration }],
				}),
			);
			expect(restriction.status).toBe(200);

			const execution = await e2e.waitForExecution({ workflowId: file.id, includeData: true }, (e) => !earlier.has(e.id) && e.status === 'success');
			const alert = execution.data.resultData.runData['Alert message'][0].data.main[0][0].json;
			expect(alert).toEqual({
				subject: 'Meta paused WhatsApp calling for 15550100001',
				text: 'customers cannot call you until Tue 1 Dec 2026, 09:30 UTC',
				phoneNumber: '15550100001',
				receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			});
			expect(execution.data.resultData.runData['Send the alert (replace me)'][0].data.main[0]).toHaveLength(1);
			// The unrelated update started nothing: one new execution only.
			expect((await e2e.executions({ workflowId: file.id })).length).toBe(earlier.size + 1);
		});
	});

	describe('4. send a call prompt only while the Page is open (the example as shipped)', () => {
		const path = example('4-messenger-send-call-prompt-while-open.json').nodes.find((n) => n.type === 'n8n-nodes-base.webhook')
			?.parameters.path as string;

		it('sends the prompt while the Page takes calls', async () => {
			const allWeek = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({
				day_of_week: day,
				open_time: '0000',
				close_time: '2359',
			}));
			await graph('POST', `/${PAGE}/messenger_call_settings`, {
				call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: allWeek },
			});
			const answer = await e2e.callWebhook(path, { recipientId: PSID });
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual({ sent: true, recipientId: PSID, messageId: expect.any(String) });
			const messages = await e2e.sandbox<any[]>('GET', 'messages');
			expect(messages).toEqual([
				expect.objectContaining({ pageId: PAGE, recipientId: PSID, messageId: answer.body.messageId, callPromptTtlDays: 1 }),
			]);
			expect(messages[0].message.attachment.payload).toEqual({ template_type: 'call_prompt', ttl_days: 1 });
		});

		it('answers a missing recipient with HTTP 400 first, even while the Page is closed, asking Meta nothing', async () => {
			await graph('POST', `/${PAGE}/messenger_call_settings`, { icon_enabled: false });
			const before = (await sandboxRequests()).length;
			for (const body of [{}, { recipientId: '  ' }]) {
				const answer = await e2e.callWebhook(path, body);
				expect(answer.status).toBe(400);
				expect(answer.body).toEqual({ sent: false, error: 'Recipient ID: missing', howToFix: expect.stringContaining('recipientId'), code: null });
			}
			expect((await sandboxRequests()).length).toBe(before);
			expect(await e2e.sandbox('GET', 'messages')).toEqual([]);
		});

		it('shows both paths on any day with the commands npm start prints (an `at` in the request)', async () => {
			const [monday, saturday] = CALL_ME_BODIES;
			const sent = await e2e.callWebhook(path, monday);
			expect([sent.status, sent.body]).toEqual([200, { sent: true, recipientId: PSID, messageId: expect.any(String) }]);
			const closed = await e2e.callWebhook(path, saturday);
			expect([closed.status, closed.body]).toEqual([200, { sent: false, reason: 'outside_hours', nextOpenAt: '2030-01-07T09:00:00-08:00' }]);
			expect(await e2e.sandbox<any[]>('GET', 'messages')).toHaveLength(1);
		});

		it('sends nothing while the call icon is hidden, and says why', async () => {
			await graph('POST', `/${PAGE}/messenger_call_settings`, { icon_enabled: false });
			const answer = await e2e.callWebhook(path, { recipientId: PSID });
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual({ sent: false, reason: 'icon_hidden', nextOpenAt: null });
			expect(await e2e.sandbox('GET', 'messages')).toEqual([]);
			expect((await sandboxRequests()).map((r) => r.method)).toEqual(['POST', 'GET']);
		});
	});
	describe('6. answer a WhatsApp "call me back" request (the example as shipped)', () => {
		const file = example('6-whatsapp-call-me-back.json');
		const path = file.nodes.find((n) => n.type === 'n8n-nodes-base.webhook')?.parameters.path as string;
		const [doesNot] = CALL_ME_BACK_BODIES;
		const allowsCalls = ALLOWS_CALLS_BODY;
		const everyDay = (open: string, close: string) =>
			['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day_of_week: day, open_time: open, close_time: close }));
		const setHours = async (status: string, weekly: unknown[], holidays: unknown[] = []) =>
			await graph('POST', `/${PHONE}/settings`, {
				calling: { call_hours: { status, timezone_id: 'Europe/Berlin', weekly_operating_hours: weekly, holiday_schedule: holidays } },
			});

		it('a person who allowed calls: the team is alerted, nothing is sent', async () => {
			const answer = await e2e.callWebhook(path, allowsCalls);
			expect([answer.status, answer.body]).toEqual([200, { callBack: true, sent: false }]);
			const execution = await e2e.waitForExecution({ workflowId: file.id, includeData: true }, (e) => e.status === 'success');
			expect(execution.data.resultData.runData['Alert message'][0].data.main[0][0].json).toEqual({
				subject: 'Call back +4915123456780',
				text: 'They asked to be called back and allow calls at any time.',
			});
			expect(await e2e.sandbox('GET', 'messages')).toEqual([]);
		});

		it('a person who did not, while the number is open: the call button is sent', async () => {
			await setHours('ENABLED', everyDay('0000', '2359'));
			const answer = await e2e.callWebhook(path, doesNot);
			expect([answer.status, answer.body]).toEqual([200, { callBack: false, sent: true, messageId: expect.any(String) }]);
			const messages = await e2e.sandbox<any[]>('GET', 'messages');
			expect(messages).toEqual([expect.objectContaining({ phoneNumberId: PHONE, recipientId: '4915123456789', messageId: answer.body.messageId })]);
			expect(messages[0].message.action).toEqual({ name: 'voice_call', parameters: { display_text: 'Call us', ttl_minutes: 120 } });
		});

		it('a person who did not, while the number is closed (Only While Open): nothing sent, the next opening', async () => {
			const today = DateTime.now().setZone('Europe/Berlin');
			const holidays = [0, 1].map((days) => ({ date: today.plus({ days }).toISODate(), start_time: '0000', end_time: '2359' }));
			await setHours('ENABLED', everyDay('0900', '1700'), holidays);
			const answer = await e2e.callWebhook(path, doesNot);
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual({ callBack: false, sent: false, reason: 'holiday', nextOpenAt: `${today.plus({ days: 2 }).toISODate()}T09:00:00${today.plus({ days: 2 }).set({ hour: 9 }).toFormat('ZZ')}` });
			expect(await e2e.sandbox('GET', 'messages')).toEqual([]);
		});

		it('a missing phone number or one Meta refuses: HTTP 400 with the field named', async () => {
			const missing = await e2e.callWebhook(path, {});
			expect([missing.status, missing.body.error]).toEqual([400, expect.stringMatching(/^Recipient: must be a phone number/)]);
			await e2e.sandbox('POST', 'whatsapp-users', { waId: '4915100000009', withinWindow: false });
			await setHours('ENABLED', everyDay('0000', '2359'));
			const outside = await e2e.callWebhook(path, { phone: '+49 151 00000009' });
			expect([outside.status, outside.body.code]).toEqual([400, 131047]);
			expect(outside.body.howToFix).toMatch(/only templates.*VOICE_CALL button/);
		});
	});
	describe('5. Messenger: close on public holidays and company closures', () => {
		const file = example('5-messenger-close-on-public-holidays-and-company-closures.json');
		const pageState = async () => (await e2e.sandbox('GET', 'state')).state.pages[PAGE];

		it('closes the Page while a closure of the feed is in force and restores exactly its settings after; no write when nothing changes', async () => {
			const { workflow, paths } = withWebhookTriggers(pointCalendarsAt(file, e2e.sandboxUrl), `e2e-example-closures-${randomUUID().slice(0, 8)}`);
			// The copy checks the moment the test names, so that before, during and after can be run now.
			const sync = workflow.nodes.find((n) => n.name === 'Sync closure from calendar') as WorkflowNode;
			sync.parameters.at = '={{ $json.body.at }}';
			await activeCopy(workflow);
			const zone = String(file.settings?.timezone);
			// The sandbox's closures feed has an all-day "Company offsite" 10 days ahead (Berlin dates).
			const offsite = dateIn('Europe/Berlin', 10);
			const noon = (days: number) => DateTime.fromISO(`${offsite}T12:00`, { zone }).plus({ days }).toISO();
			const before = await pageState();

			const quiet = await e2e.callWebhook(paths['Every 15 minutes'], { at: noon(-1) });
			expect(quiet.body).toEqual([expect.objectContaining({ pageId: PAGE, action: 'none', reason: 'open' })]);
			expect((await sandboxRequests()).filter((r) => r.method === 'POST')).toEqual([]);

			const closing = await e2e.callWebhook(paths['Every 15 minutes'], { at: noon(0) });
			expect(closing.body).toEqual([
				expect.objectContaining({ action: 'closed', closure: expect.objectContaining({ summary: 'Company offsite' }), changed: ['icon_enabled', 'call_hours'] }),
			]);
			expect(await pageState()).toMatchObject({ icon_enabled: false, call_hours: { timezone_id: zone, weekly_operating_hours: [] } });

			await e2e.sandbox('DELETE', 'requests');
			const still = await e2e.callWebhook(paths['Every 15 minutes'], { at: noon(0) });
			expect(still.body).toEqual([expect.objectContaining({ action: 'none', reason: 'already_closed' })]);
			expect((await sandboxRequests()).filter((r) => r.method === 'POST')).toEqual([]);

			const reopening = await e2e.callWebhook(paths['Every 15 minutes'], { at: noon(1) });
			// The snapshot was kept in the workflow between the executions (one n8n process).
			expect(reopening.body).toEqual([expect.objectContaining({ action: 'restored', reason: 'closure_ended' })]);
			expect(await pageState()).toEqual(before);
		});
	});
});
