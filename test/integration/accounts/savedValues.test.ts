import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { DEMO } from '../../../tools/sandbox';
import { runNode, sandboxCredentials } from '../harness';
import { jsonOf, useSandbox } from '../nodeTestKit';

/**
 * The ID fields became resource locators. Workflows saved before hold plain strings; new ones hold
 * {__rl, mode, value}. Both must read the same account.
 */
const sandbox = useSandbox();

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

async function whatsAppGet(phoneNumberId: unknown) {
	return await runNode({
		node: new WhatsAppCalling(),
		parameters: { resource: 'callingSettings', operation: 'get', phoneNumberId } as never,
		credentials: { metaCallingApi: sandboxCredentials(sandbox.current.url) },
	});
}

async function messengerGet(pageId: unknown) {
	return await runNode({
		node: new MessengerCalling(),
		parameters: { resource: 'callSettings', operation: 'get', pageId } as never,
		credentials: { metaCallingApi: sandboxCredentials(sandbox.current.url) },
	});
}

describe('saved ID values', () => {
	it.each([
		['a plain string (saved before)', DEMO.phoneNumberId],
		['From List', rl('list', DEMO.phoneNumberId)],
		['By ID', rl('id', ` ${DEMO.phoneNumberId} `)],
	])('WhatsApp phoneNumberId as %s', async (_label, value) => {
		const [item] = jsonOf(await whatsAppGet(value));
		expect(item.phoneNumberId).toBe(DEMO.phoneNumberId);
		expect(sandbox.current.requests.map((r) => r.path)).toEqual([`/${DEMO.phoneNumberId}/settings`]);
	});

	it.each([
		['a plain string (saved before)', DEMO.pageId],
		['From List', rl('list', DEMO.pageId)],
		['By ID', rl('id', DEMO.pageId)],
		['By URL (profile.php?id=)', rl('url', `https://www.facebook.com/profile.php?id=${DEMO.pageId}`)],
		['By URL (facebook.com/<ID>)', rl('url', `https://m.facebook.com/${DEMO.pageId}/about`)],
	])('Messenger pageId as %s', async (_label, value) => {
		const [item] = jsonOf(await messengerGet(value));
		expect(item.pageId).toBe(DEMO.pageId);
		expect(sandbox.current.requests.map((r) => r.path)).toEqual([`/${DEMO.pageId}/messenger_call_settings`]);
	});

	it('a Page address without its ID fails naming the field, before any request', async () => {
		// Typed, n8n refuses to run the node with the mode's message; from an expression the node's check names it.
		await expect(messengerGet(rl('url', 'https://www.facebook.com/SandboxPageOne'))).rejects.toThrow('Page ID: not a Page address');
		const result = await messengerGet(rl('url', '={{ "https://www.facebook.com/SandboxPageOne" }}'));
		expect(result.error?.message).toMatch(/^Page ID: must be the numeric ID of the Facebook Page/);
		expect(result.error?.message).toContain('SandboxPageOne');
		expect(sandbox.current.requests).toHaveLength(0);
	});

	it.each([
		['a plain string (saved before)', 'America/New_York'],
		['From List', rl('list', 'America/New_York')],
		['By Name', rl('name', 'america/new_york')],
	])('Set Call Hours timezoneId as %s', async (_label, timezoneId) => {
		const result = await runNode({
			node: new MessengerCalling(),
			parameters: {
				resource: 'callSettings',
				operation: 'setCallHours',
				pageId: DEMO.pageId,
				timezoneId,
				weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' }] },
			} as never,
			credentials: { metaCallingApi: sandboxCredentials(sandbox.current.url) },
		});
		jsonOf(result);
		expect(sandbox.current.page(DEMO.pageId).call_hours?.timezone_id).toBe('America/New_York');
	});
});
