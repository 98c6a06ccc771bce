import { DEMO, MESSENGER_RULES as R, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { expectMetaError, expectRule, graph } from './helpers';

const SETTINGS = `/${DEMO.pageId}/messenger_call_settings`;
const day = (d: string, open = '0900', close = '1700') => ({ day_of_week: d, open_time: open, close_time: close });

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const post = (body: unknown, path = SETTINGS) => graph(sandbox, 'POST', path, { body });

describe('GET /<PAGE_ID>/messenger_call_settings', () => {
	it('answers the requested fields flat, as documented', async () => {
		const result = await graph(sandbox, 'GET', SETTINGS, { query: { fields: 'call_hours,call_routing' } });
		expect(result.status).toBe(200);
		expect(Object.keys(result.body).sort()).toEqual(['call_hours', 'call_routing']);
		expect(result.body.call_routing).toEqual({ ring_target: 'META' });
		expect(result.body.call_hours.timezone_id).toBe('America/Los_Angeles');
		expect(result.body.call_hours.weekly_operating_hours).toHaveLength(5);
	});

	it('leaves call_hours out for the Page without hours', async () => {
		const result = await graph(sandbox, 'GET', `/${DEMO.pageWithoutHoursId}/messenger_call_settings`, { query: { fields: 'call_hours,icon_enabled' } });
		expect(result.body).toEqual({ icon_enabled: true });
	});

	it('answers in the {"data":[...]} form when the Page is set to', async () => {
		sandbox.setAnswerStyle(DEMO.pageId, { dataArray: true });
		const result = await graph(sandbox, 'GET', SETTINGS, { query: { fields: 'call_routing' } });
		expect(result.body).toEqual({ data: [{ call_routing: { ring_target: 'META' } }] });
	});

	it('refuses an unknown field', async () => {
		const error = expectMetaError(await graph(sandbox, 'GET', SETTINGS, { query: { fields: 'holidays' } }), 100);
		expect(error.message).toMatch(/nonexisting field \(holidays\)/);
	});
});

describe('POST /<PAGE_ID>/messenger_call_settings', () => {
	it('answers the icon switch with {"result":"success"}', async () => {
		expect((await post({ icon_enabled: false })).body).toEqual({ result: 'success' });
		expect(sandbox.page(DEMO.pageId).icon_enabled).toBe(false);
	});

	it('answers hours and routing with {"success":true}', async () => {
		expect((await post({ call_routing: { ring_target: 'PARTNERS' } })).body).toEqual({ success: true });
		expect(sandbox.page(DEMO.pageId).call_routing.ring_target).toBe('PARTNERS');
		expect((await post({ call_hours: { timezone_id: 'Europe/Paris', weekly_operating_hours: [day('MONDAY')] } })).body).toEqual({
			success: true,
		});
	});

	it('erases previous hours: days left out are closed', async () => {
		await post({ call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: [day('TUESDAY', '0930', '1830')] } });
		const result = await graph(sandbox, 'GET', SETTINGS, { query: { fields: 'call_hours' } });
		expect(result.body.call_hours).toEqual({
			timezone_id: 'America/Los_Angeles',
			weekly_operating_hours: [day('TUESDAY', '0930', '1830')],
		});
	});

	it('accepts an empty weekly list (closed every day)', async () => {
		expect((await post({ call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: [] } })).body).toEqual({ success: true });
		expect(sandbox.page(DEMO.pageId).call_hours?.weekly_operating_hours).toEqual([]);
	});

	it('accepts form-encoded booleans', async () => {
		const result = await graph(sandbox, 'POST', SETTINGS, { form: true, body: { audio_enabled: 'false' } });
		expect(result.body).toEqual({ success: true });
		expect(sandbox.page(DEMO.pageId).audio_enabled).toBe(false);
	});

	const bad: Array<[string, unknown, string]> = [
		['time not hhmm', { call_hours: { timezone_id: 'UTC', weekly_operating_hours: [day('MONDAY', '25:00')] } }, R.invalidTime],
		['close before open', { call_hours: { timezone_id: 'UTC', weekly_operating_hours: [day('MONDAY', '1700', '0900')] } }, R.closeBeforeOpen],
		['duplicate day', { call_hours: { timezone_id: 'UTC', weekly_operating_hours: [day('MONDAY', '0800', '1000'), day('MONDAY', '1200', '1400')] } }, R.duplicateDay],
		['routing value', { call_routing: { ring_target: 'EVERYWHERE' } }, R.invalidRouting],
		['routing not an object', { call_routing: 'META' }, R.invalidRouting],
		['timezone', { call_hours: { timezone_id: 'Nowhere/Land', weekly_operating_hours: [] } }, R.invalidTimezone],
		['day name', { call_hours: { timezone_id: 'UTC', weekly_operating_hours: [day('FUNDAY')] } }, R.invalidDay],
		['icon_enabled not boolean', { icon_enabled: 'yes' }, 'Param icon_enabled must be a boolean'],
		['nothing to change', { colour: 'blue' }, R.nothingToUpdate],
	];

	it.each(bad)('rejects %s with the documented message', async (_name, body, rule) => {
		const before = JSON.stringify(sandbox.page(DEMO.pageId));
		expectRule(await post(body), rule);
		expect(JSON.stringify(sandbox.page(DEMO.pageId))).toBe(before);
	});

	it('answers "Invalid page-id" for an id that is not a Page', async () => {
		expectRule(await post({ icon_enabled: true }, '/4999999999999999/messenger_call_settings'), R.invalidPageId);
		expectRule(await graph(sandbox, 'GET', `/${DEMO.phoneNumberId}/messenger_call_settings`), R.invalidPageId);
	});

	it('refuses PARTNERS routing for a Page not yet eligible', async () => {
		sandbox.updateObject(DEMO.pageId, { partnersEligible: false });
		expectRule(await post({ call_routing: { ring_target: 'PARTNERS' } }), R.notEligible);
	});
});

describe('call_prompt through the Send API', () => {
	const prompt = (recipient: string = DEMO.psid, ttl?: number) => ({
		recipient: { id: recipient },
		messaging_type: 'RESPONSE',
		message: { attachment: { type: 'template', payload: { template_type: 'call_prompt', ...(ttl ? { ttl_days: ttl } : {}) } } },
	});

	it('sends to /<PAGE_ID>/messages and /me/messages and records each delivery', async () => {
		const first = await graph(sandbox, 'POST', `/${DEMO.pageId}/messages`, { body: prompt(DEMO.psid, 3) });
		expect(first.status).toBe(200);
		expect(first.body).toEqual({ recipient_id: DEMO.psid, message_id: expect.stringMatching(/^m_/) });
		const second = await graph(sandbox, 'POST', '/me/messages', { body: prompt() });
		expect(second.body.message_id).not.toBe(first.body.message_id);
		expect(sandbox.sentMessages.map((m) => [m.pageId, m.callPromptTtlDays])).toEqual([
			[DEMO.pageId, 3],
			[DEMO.pageId, 7],
		]);
	});

	it('refuses an unknown PSID, a closed window, a missing permission and a Page without calling', async () => {
		const unknown = expectMetaError(await graph(sandbox, 'POST', `/${DEMO.pageId}/messages`, { body: prompt('5999999999999999') }), 100);
		expect(unknown.error_subcode).toBe(2018001);

		sandbox.addRecipient({ id: '5000000000000002', withinWindow: false });
		const outside = expectMetaError(await graph(sandbox, 'POST', `/${DEMO.pageId}/messages`, { body: prompt('5000000000000002') }), 10);
		expect(outside.error_subcode).toBe(2018278);

		sandbox.updateObject(DEMO.pageId, { callingEnabled: false });
		expectMetaError(await graph(sandbox, 'POST', `/${DEMO.pageId}/messages`, { body: prompt() }), 138000);

		sandbox.updateObject(DEMO.pageId, { canSendMessages: false });
		expectMetaError(await graph(sandbox, 'POST', `/${DEMO.pageId}/messages`, { body: prompt() }), 200);

		expect(sandbox.sentMessages).toHaveLength(0);
	});

	it('refuses a bad ttl_days and a missing recipient', async () => {
		const ttl = expectMetaError(await graph(sandbox, 'POST', `/${DEMO.pageId}/messages`, { body: prompt(DEMO.psid, -1) }), 100);
		expect(ttl.message).toMatch(/ttl_days/);
		const noRecipient = expectMetaError(await graph(sandbox, 'POST', `/${DEMO.pageId}/messages`, { body: { message: {} } }), 100);
		expect(noRecipient.message).toMatch(/recipient/);
	});
});
