import { e2eContext } from './harness/context';

/**
 * The messages that let a person call (issue 20) in real n8n. WhatsApp Send Call Permission Request
 * (workflow test/e2e/workflows/whatsapp-call-permission-request.json): Only If Allowed reads the permission
 * state, and Meta's limit (1 request per 24 hours per person) counts across runs. Messenger Send Call Prompt
 * with Only While Open (messenger-call-prompt-while-open.json). WhatsApp Send Call Button, Call Permission
 * → Get and Only While Open run in example 6 (examples.e2e.test.ts) and the MCP test.
 */

const PHONE = '3000000000000001';
const WA_USER = '4915123456789';
const PATH = 'e2e-wa-call-permission-request';
const PAGE = '4000000000000001';
const PSID = '5000000000000001';

/** A Graph call straight to the sandbox, to put the demo Page in the state a test needs. */
async function graph(sandboxUrl: string, path: string, body: Record<string, unknown>): Promise<void> {
	const response = await fetch(`${sandboxUrl}/v26.0${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: 'Bearer sandbox-access-token' },
		body: JSON.stringify(body),
	});
	expect({ path, status: response.status }).toEqual({ path, status: 200 });
}

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: WhatsApp call permission requests, Messenger call prompts only while open`, () => {
	const e2e = e2eContext();

	beforeEach(async () => {
		await e2e.sandbox('POST', 'reset', {});
	});

	it('sends the first request; the next run sends nothing and says when it can', async () => {
		const first = await e2e.callWebhook(PATH, { phone: `+${WA_USER}` });
		expect(first.status).toBe(200);
		const messages = await e2e.sandbox<any[]>('GET', 'messages');
		expect(messages).toEqual([
			expect.objectContaining({ phoneNumberId: PHONE, recipientId: WA_USER, message: expect.objectContaining({ type: 'call_permission_request' }) }),
		]);
		expect(first.body).toEqual({ phoneNumberId: PHONE, recipient: WA_USER, waId: WA_USER, messageId: messages[0].messageId });

		const second = await e2e.callWebhook(PATH, { phone: `+${WA_USER}` });
		expect(second.status).toBe(200);
		expect(second.body).toMatchObject({ sent: false, reason: 'limit_reached', permissionStatus: 'no_permission' });
		const hoursToWait = (Date.parse(second.body.nextAllowedAt) - Date.now()) / 3600_000;
		expect(hoursToWait).toBeGreaterThan(23);
		expect(await e2e.sandbox('GET', 'messages')).toHaveLength(1);
		const requests = await e2e.sandbox<Array<{ method: string; path: string }>>('GET', 'requests');
		expect(requests.filter((r) => r.path.startsWith(`/${PHONE}/`)).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /${PHONE}/call_permissions`,
			`POST /${PHONE}/messages`,
			`GET /${PHONE}/call_permissions`,
		]);
	});

	it('a person who allowed calls for good is not asked again', async () => {
		const answer = await e2e.callWebhook(PATH, { phone: '+49 151 23456780' });
		expect(answer.body).toMatchObject({ sent: false, reason: 'permission_permanent', nextAllowedAt: null, permissionStatus: 'permanent' });
		expect(await e2e.sandbox('GET', 'messages')).toEqual([]);
	});

	it('Messenger Send Call Prompt, Only While Open: sent while the Page takes calls, not while its icon is hidden', async () => {
		const allWeek = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({
			day_of_week: day,
			open_time: '0000',
			close_time: '2359',
		}));
		await graph(e2e.sandboxUrl, `/${PAGE}/messenger_call_settings`, { call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: allWeek } });
		const open = await e2e.callWebhook('e2e-ms-call-prompt-while-open', { recipientId: PSID });
		const messages = await e2e.sandbox<any[]>('GET', 'messages');
		expect(messages).toHaveLength(1);
		expect(open.body).toEqual({ pageId: PAGE, recipientId: PSID, messageId: messages[0].messageId });

		await graph(e2e.sandboxUrl, `/${PAGE}/messenger_call_settings`, { icon_enabled: false });
		const closed = await e2e.callWebhook('e2e-ms-call-prompt-while-open', { recipientId: PSID });
		expect(closed.body).toMatchObject({ pageId: PAGE, recipientId: PSID, sent: false, open: false, reason: 'icon_hidden', nextOpenAt: null });
		expect(await e2e.sandbox('GET', 'messages')).toHaveLength(1);
	});
});
