import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { control, expectMetaError, expectRule, graph } from './helpers';

/** The sandbox's WhatsApp call messages and permission state, over HTTP, with a clock the test moves. */

const MESSAGES = `/${DEMO.phoneNumberId}/messages`;
const PERMISSIONS = `/${DEMO.phoneNumberId}/call_permissions`;
const HOUR = 3600 * 1000;

let sandbox: Sandbox;
let now = Date.UTC(2026, 11, 7, 10);
beforeAll(async () => {
	sandbox = await startSandbox({ now: () => new Date(now) });
});
beforeEach(() => {
	sandbox.reset();
	now = Date.UTC(2026, 11, 7, 10);
});
afterAll(() => sandbox.close());

const send = (interactive: unknown, to: string = DEMO.waUser) =>
	graph(sandbox, 'POST', MESSAGES, { body: { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'interactive', interactive } });
const askPermission = () => send({ type: 'call_permission_request', body: { text: 'May we call?' }, action: { name: 'call_permission_request' } });
const permissionState = () => graph(sandbox, 'GET', PERMISSIONS, { query: { user_wa_id: DEMO.waUser } });
const requestAction = (body: any) => body.actions.find((a: any) => a.action_name === 'send_call_permission_request');

describe('POST /<PHONE_NUMBER_ID>/messages: call button', () => {
	it('answers like any Cloud API send', async () => {
		const result = await send({ type: 'voice_call', body: { text: 'Call us' }, action: { name: 'voice_call' } });
		expect(result.body).toEqual({ messaging_product: 'whatsapp', contacts: [{ input: DEMO.waUser, wa_id: DEMO.waUser }], messages: [{ id: expect.stringMatching(/^wamid\./) }] });
	});

	it.each([
		[{ display_text: 'x'.repeat(21) }, 'display_text must be a string of at most 20 characters'],
		[{ ttl_minutes: 43201 }, 'ttl_minutes must be an integer from 1 to 43200'],
		[{ ttl_minutes: 0 }, 'ttl_minutes must be an integer from 1 to 43200'],
		[{ payload: 'x'.repeat(513) }, 'payload must be a string of at most 512 characters'],
	])('refuses parameters that break a rule: %#', async (parameters, rule) => {
		expectRule(await send({ type: 'voice_call', body: { text: 'Call us' }, action: { name: 'voice_call', parameters } }), rule);
		expect(sandbox.sentMessages).toEqual([]);
	});

	it('outside the window 131047, a client too old 131026', async () => {
		await control(sandbox, 'POST', 'whatsapp-users', { waId: '4915100000001', withinWindow: false });
		await control(sandbox, 'POST', 'whatsapp-users', { waId: '4915100000002', clientTooOld: true });
		const button = { type: 'voice_call', body: { text: 'Call us' }, action: { name: 'voice_call' } };
		expectMetaError(await send(button, '4915100000001'), 131047);
		expectMetaError(await send(button, '4915100000002'), 131026);
	});
});

describe('call permission requests and GET call_permissions', () => {
	it('counts requests per number and person across time: 1 per 24 hours, 2 per 7 days', async () => {
		expect((await askPermission()).status).toBe(200);
		expect(requestAction((await permissionState()).body)).toEqual({
			action_name: 'send_call_permission_request',
			can_perform_action: false,
			limits: [
				{ time_period: 'PT24H', max_allowed: 1, current_usage: 1, limit_expiration_time: now / 1000 + 24 * 3600 },
				{ time_period: 'P7D', max_allowed: 2, current_usage: 1 },
			],
		});
		expectRule(await askPermission(), 'Call permission request limit reached (1 per PT24H)');

		now += 25 * HOUR;
		expect((await askPermission()).status).toBe(200);
		now += 25 * HOUR;
		const weekly = requestAction((await permissionState()).body);
		expect(weekly.can_perform_action).toBe(false);
		expect(weekly.limits[1]).toEqual({ time_period: 'P7D', max_allowed: 2, current_usage: 2, limit_expiration_time: Date.UTC(2026, 11, 14, 10) / 1000 });
		expectRule(await askPermission(), 'Call permission request limit reached (2 per P7D)');
	});

	it('a temporary permission runs out; a permanent one leaves nothing to ask', async () => {
		await control(sandbox, 'POST', 'whatsapp-users', { waId: DEMO.waUser, permission: { status: 'temporary', expiration_time: now / 1000 + 3600 } });
		const temporary = (await permissionState()).body;
		expect(temporary.permission).toEqual({ status: 'temporary', expiration_time: now / 1000 + 3600 });
		expect(temporary.actions[1]).toMatchObject({ action_name: 'start_call', can_perform_action: true });
		now += 2 * HOUR;
		expect((await permissionState()).body.permission).toEqual({ status: 'no_permission' });

		await control(sandbox, 'POST', 'whatsapp-users', { waId: DEMO.waUser, permission: { status: 'permanent' } });
		expect(requestAction((await permissionState()).body).can_perform_action).toBe(false);
		expectRule(await askPermission(), 'The user has already granted permanent call permission');
	});

	it('asks for user_wa_id', async () => {
		expectMetaError(await graph(sandbox, 'GET', PERMISSIONS), 100);
	});
});
