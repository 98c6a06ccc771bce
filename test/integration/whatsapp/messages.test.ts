import { berlinDate, DEMO, jsonOf, runWhatsApp, storeHolidays, useSandbox } from './setup';

/** Message → Send Call Button / Send Call Permission Request and Call Permission → Get against the sandbox. */

const sandbox = useSandbox();

const OUTSIDE_WINDOW = '4915100000009';
const OTHER_PERSON = '4915100000008';
const OLD_CLIENT = '4915100000007';

const button = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendCallButton',
	recipient: '+49 151 23456789',
	bodyText: 'We are open again: tap to call us.',
	...extra,
});
const permissionRequest = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendCallPermissionRequest',
	recipient: DEMO.waUser,
	bodyText: 'May we call you back about your order?',
	...extra,
});
const messagePosts = () => sandbox.current.requests.filter((r) => r.method === 'POST' && r.path === `/${DEMO.phoneNumberId}/messages`);
const itemIndexOf = (error: unknown) => (error as { context?: { itemIndex?: number } } | undefined)?.context?.itemIndex;

beforeEach(() => {
	sandbox.current.addWhatsAppUser({ waId: OUTSIDE_WINDOW, withinWindow: false });
	sandbox.current.addWhatsAppUser({ waId: OTHER_PERSON });
	sandbox.current.addWhatsAppUser({ waId: OLD_CLIENT, clientTooOld: true });
	// Open every day, all day, unless a test says otherwise: the sends do not depend on the clock.
	const hours = sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours!;
	hours.weekly_operating_hours = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({
		day_of_week: day as 'MONDAY',
		open_time: '0000',
		close_time: '2359',
	}));
});

describe('Send Call Button', () => {
	it('sends a voice_call message with the options as Meta names them, and outputs the message ID', async () => {
		const options = { displayText: 'Call us', buttonLifetime: '1d 12h', payload: 'campaign-7' };
		const [out] = jsonOf(await runWhatsApp(sandbox.current, button({ options })));
		const [sent] = sandbox.current.sentMessages;
		expect(sent).toMatchObject({ phoneNumberId: DEMO.phoneNumberId, recipientId: DEMO.waUser });
		expect(sent.message).toEqual({
			type: 'voice_call',
			body: { text: 'We are open again: tap to call us.' },
			action: { name: 'voice_call', parameters: { display_text: 'Call us', ttl_minutes: 2160, payload: 'campaign-7' } },
		});
		expect(messagePosts()[0].body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: DEMO.waUser, type: 'interactive' });
		expect(out).toEqual({ phoneNumberId: DEMO.phoneNumberId, recipient: DEMO.waUser, waId: DEMO.waUser, messageId: sent.messageId });
	});

	it('leaves parameters out when no option is set (Meta: Call Now, 7 days)', async () => {
		await runWhatsApp(sandbox.current, button());
		expect(sandbox.current.sentMessages[0].message).toMatchObject({ action: { name: 'voice_call' } });
		expect((sandbox.current.sentMessages[0].message as { action: object }).action).not.toHaveProperty('parameters');
	});

	it('sends to a business-scoped user ID as `recipient`', async () => {
		const [out] = jsonOf(await runWhatsApp(sandbox.current, button({ recipient: DEMO.waUserBsuid })));
		expect(messagePosts()[0].body).toMatchObject({ recipient: DEMO.waUserBsuid });
		expect(messagePosts()[0].body).not.toHaveProperty('to');
		expect(out).toMatchObject({ recipient: DEMO.waUserBsuid, waId: DEMO.waUser });
	});

	it.each([
		[{ recipient: 'call me' }, /^Recipient: must be a phone number with country code/],
		[{ bodyText: '  ' }, /^Body Text: must be the message text/],
		[{ bodyText: 'x'.repeat(1025) }, /^Body Text: must be at most 1024 characters/],
		[{ options: { displayText: 'x'.repeat(21) } }, /^Options › Button Text: must be text of at most 20 characters/],
		[{ options: { payload: 'x'.repeat(513) } }, /^Options › Tracking Payload: must be text of at most 512 characters/],
		[{ options: { buttonLifetime: '31d' } }, /^Options › Button Active For: must be from 1m to 30d/],
		[{ options: { buttonLifetime: 'soon' } }, /^Options › Button Active For: must be from 1m to 30d/],
	])('refuses %p before anything is sent', async (extra, message) => {
		const result = await runWhatsApp(sandbox.current, button(extra));
		expect(result.error?.message).toMatch(message);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('dry run shows the request and sends nothing', async () => {
		const [out] = jsonOf(await runWhatsApp(sandbox.current, button({ options: { dryRun: true } })));
		expect(sandbox.current.requests).toEqual([]);
		expect(out).toMatchObject({ dryRun: true, request: { method: 'POST', body: { type: 'interactive', to: DEMO.waUser } } });
	});

	it('is not sent again when the connection drops before the answer', async () => {
		sandbox.current.addFault({ kind: 'drop', method: 'POST', path: '/*/messages' });
		const result = await runWhatsApp(sandbox.current, button());
		expect(result.error?.message).toMatch(/may or may not have been carried out/);
		expect(messagePosts()).toHaveLength(1);
	});

	it('outside the 24-hour window (131047) says that only a template with a VOICE_CALL button can be sent', async () => {
		const result = await runWhatsApp(sandbox.current, button({ recipient: OUTSIDE_WINDOW }));
		expect(result.error?.code).toBe(131047);
		expect(result.error?.description).toMatch(/only templates.*buttons component has a VOICE_CALL button.*WhatsApp Business Cloud node/);
		expect(result.error?.description).toMatch(/fbtrace_id/);
	});

	it('a client too old for the button (131026) says so', async () => {
		const result = await runWhatsApp(sandbox.current, button({ recipient: OLD_CLIENT }));
		expect(result.error?.code).toBe(131026);
		expect(result.error?.description).toMatch(/WhatsApp app is too old/);
	});

	it('an unknown number is named by its field, Phone Number ID (not the Messenger Page ID of /messages)', async () => {
		const result = await runWhatsApp(sandbox.current, button({ phoneNumberId: '3999999999999999' }));
		expect(result.error?.message).toMatch(/^Phone Number ID: /);
		expect(result.error?.description).toMatch(/^Phone Number ID 3999999999999999: Meta has no such object/);
	});

	it('On Error: Stop sends one at a time in input order, nothing after a failure', async () => {
		sandbox.current.setLatency(20);
		const items = [DEMO.waUser, OUTSIDE_WINDOW, OTHER_PERSON].map((to) => ({ json: { to } }));
		const result = await runWhatsApp(sandbox.current, button({ recipient: '={{ $json.to }}' }), { items });
		expect(result.error?.code).toBe(131047);
		expect(itemIndexOf(result.error)).toBe(1);
		expect(messagePosts().map((r) => (r.body as { to: string }).to)).toEqual([DEMO.waUser, OUTSIDE_WINDOW]);
		expect(sandbox.current.sentMessages.map((m) => m.recipientId)).toEqual([DEMO.waUser]);
	});

	describe('Only While Open', () => {
		it('outside the stored hours sends nothing and outputs nextOpenAt', async () => {
			storeHolidays(sandbox.current, [{ date: berlinDate(0) }]);
			const [out] = jsonOf(await runWhatsApp(sandbox.current, button({ options: { onlyWhileOpen: true } })));
			expect(messagePosts()).toHaveLength(0);
			expect(out).toMatchObject({ phoneNumberId: DEMO.phoneNumberId, recipient: DEMO.waUser, sent: false, open: false, reason: 'holiday' });
			expect(Date.parse(out.nextOpenAt as string)).toBeGreaterThan(Date.now());
		});

		it('while open sends', async () => {
			const [out] = jsonOf(await runWhatsApp(sandbox.current, button({ options: { onlyWhileOpen: true } })));
			expect(messagePosts()).toHaveLength(1);
			expect(out.messageId).toBe(sandbox.current.sentMessages[0].messageId);
		});

		it('with calling disabled sends nothing', async () => {
			const [out] = jsonOf(await runWhatsApp(sandbox.current, button({ phoneNumberId: DEMO.disabledPhoneNumberId, options: { onlyWhileOpen: true } })));
			expect(out).toMatchObject({ sent: false, reason: 'calling_disabled' });
			expect(sandbox.current.sentMessages).toEqual([]);
		});
	});
});

describe('Send Call Permission Request', () => {
	it('sends the call_permission_request message', async () => {
		const [out] = jsonOf(await runWhatsApp(sandbox.current, permissionRequest()));
		expect(sandbox.current.sentMessages[0].message).toEqual({
			type: 'call_permission_request',
			body: { text: 'May we call you back about your order?' },
			action: { name: 'call_permission_request' },
		});
		expect(out).toMatchObject({ recipient: DEMO.waUser, waId: DEMO.waUser, messageId: sandbox.current.sentMessages[0].messageId });
	});

	it('Only If Allowed (default): the second request within 24 hours is not sent, and says when it can be', async () => {
		jsonOf(await runWhatsApp(sandbox.current, permissionRequest()));
		const [out] = jsonOf(await runWhatsApp(sandbox.current, permissionRequest()));
		expect(sandbox.current.sentMessages).toHaveLength(1);
		expect(out).toMatchObject({ sent: false, reason: 'limit_reached', permissionStatus: 'no_permission' });
		const hours = (Date.parse(out.nextAllowedAt as string) - Date.now()) / 3600_000;
		expect(hours).toBeGreaterThan(23);
		expect(hours).toBeLessThanOrEqual(24);
	});

	it('without Only If Allowed, Meta refuses the second request', async () => {
		jsonOf(await runWhatsApp(sandbox.current, permissionRequest({ options: { onlyIfAllowed: false } })));
		const result = await runWhatsApp(sandbox.current, permissionRequest({ options: { onlyIfAllowed: false } }));
		expect(result.error?.code).toBe(100);
		expect(result.error?.description).toMatch(/limit reached/);
		expect(sandbox.current.requests.filter((r) => r.method === 'GET')).toEqual([]);
	});

	it('a permanent permission: nothing to ask', async () => {
		sandbox.current.addWhatsAppUser({ waId: DEMO.waUser, permission: { status: 'permanent' } });
		const [out] = jsonOf(await runWhatsApp(sandbox.current, permissionRequest()));
		expect(out).toMatchObject({ sent: false, reason: 'permission_permanent', nextAllowedAt: null, permissionStatus: 'permanent' });
		expect(messagePosts()).toEqual([]);
	});

	it('Only If Allowed needs a phone number (Meta looks permissions up by number)', async () => {
		const result = await runWhatsApp(sandbox.current, permissionRequest({ recipient: DEMO.waUserBsuid }));
		expect(result.error?.message).toMatch(/^Recipient: must be a phone number while Only If Allowed is on/);
		expect(sandbox.current.requests).toEqual([]);
	});
});

describe('Call Permission → Get', () => {
	it('outputs the state in camelCase with readable times, Meta’s permission object as Meta names it', async () => {
		const expires = Math.floor(Date.now() / 1000) + 3 * 86400;
		sandbox.current.addWhatsAppUser({ waId: DEMO.waUser, permission: { status: 'temporary', expiration_time: expires } });
		jsonOf(await runWhatsApp(sandbox.current, permissionRequest({ options: { onlyIfAllowed: false } })));
		const [out] = jsonOf(await runWhatsApp(sandbox.current, { resource: 'callPermission', operation: 'get', recipient: '+49 151 23456789' }));
		expect(sandbox.current.requests.at(-1)).toMatchObject({ method: 'GET', path: `/${DEMO.phoneNumberId}/call_permissions` });
		expect(out).toMatchObject({
			phoneNumberId: DEMO.phoneNumberId,
			recipient: DEMO.waUser,
			status: 'temporary',
			expiresAt: new Date(expires * 1000).toISOString(),
			permission: { status: 'temporary', expiration_time: expires },
			actions: {
				send_call_permission_request: {
					allowed: false,
					limits: [
						{ timePeriod: 'PT24H', maxAllowed: 1, currentUsage: 1, resetsAt: expect.any(String) },
						{ timePeriod: 'P7D', maxAllowed: 2, currentUsage: 1, resetsAt: null },
					],
				},
				start_call: { allowed: true },
			},
		});
	});

	it('refuses a business-scoped ID before asking Meta', async () => {
		const result = await runWhatsApp(sandbox.current, { resource: 'callPermission', operation: 'get', recipient: DEMO.waUserBsuid });
		expect(result.error?.message).toMatch(/^Recipient: must be a phone number with country code/);
		expect(sandbox.current.requests).toEqual([]);
	});
});
