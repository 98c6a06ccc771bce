import type { INodeParameters, INodeType } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { DEMO, type FaultSpec, type Sandbox } from '../../../tools/sandbox';
import { runNode, sandboxCredentials, type NodeRunResult } from '../harness';
import { graph } from '../sandbox/helpers';
import { NINE_TO_FIVE, useSandbox } from '../nodeTestKit';
import { berlinDate, storeHolidays } from '../whatsapp/setup';
import { CLIENT_TIMEOUT_MS, messengerWithShortTimeout, whatsAppWithShortTimeout } from './tunedNodes';

/*
 * Issue 19, item 6: what a run does when Meta fails in the middle of it. Every fault is the sandbox's
 * (tools/sandbox/shaping/faults.ts): a 5xx page, a dropped connection before or after Meta applied the
 * request (`processed`), a slow answer past the client's timeout. The rules they check:
 *   - reads and settings writes that say the whole value (repeating them changes nothing) are retried, and
 *     the run ends with Meta in the intended state;
 *   - a send is never repeated once it may have left; the item fails and says it may have been sent;
 *   - a holiday change (a read-modify-write of call_hours) is applied once, or the item fails: never twice, never half.
 */

const sandbox = useSandbox();
const PAGE_SETTINGS = `/${DEMO.pageId}/messenger_call_settings`;
const PHONE_SETTINGS = `/${DEMO.phoneNumberId}/settings`;
const MESSAGES = `/${DEMO.pageId}/messages`;

async function run(node: INodeType, parameters: INodeParameters, continueOnFail = false): Promise<NodeRunResult> {
	return await runNode({
		node,
		parameters,
		credentials: { metaCallingApi: sandboxCredentials(sandbox.current.url) },
		continueOnFail,
	});
}

const requestsTo = (method: string, path: string) => sandbox.current.requests.filter((r) => r.method === method && r.path === path);
const storedHours = () => sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours!;
const datesStored = () => (storedHours().holiday_schedule ?? []).map((h) => h.date);
/** A held request (latency fault with processed: false) still lands after the client gave up: let it, before the next test. */
const heldRequestsLanded = (sandboxNow: Sandbox, ms: number) => new Promise((resolve) => setTimeout(() => resolve(sandboxNow), ms));

/** The four ways Meta fails a request here; `applied` = the request was carried out before the failure. */
const FAILURES: Array<{ name: string; applied: boolean; fault: Omit<FaultSpec, 'method' | 'path'> }> = [
	{ name: '502 page, not applied', applied: false, fault: { kind: 'http', status: 502 } },
	{ name: '500 is_transient, applied', applied: true, fault: { kind: 'error', error: { code: 2 }, processed: true } },
	{ name: 'connection dropped before Meta applied it', applied: false, fault: { kind: 'drop' } },
	{ name: 'connection dropped after Meta applied it', applied: true, fault: { kind: 'drop', processed: true } },
];

describe("the sandbox's slow answer", () => {
	it.each([
		{ processed: undefined, appliedDuringTheWait: true },
		{ processed: false, appliedDuringTheWait: false },
	])('latency fault, processed $processed: the write is applied during the wait: $appliedDuringTheWait', async ({ processed, appliedDuringTheWait }) => {
		sandbox.current.addFault({ kind: 'latency', method: 'POST', path: PAGE_SETTINGS, latencyMs: 600, processed });
		const answer = graph(sandbox.current, 'POST', PAGE_SETTINGS, { body: { icon_enabled: false } });
		await new Promise((resolve) => setTimeout(resolve, 300));
		// The request is logged on arrival, so a test can act while it waits (test/e2e-queue/faults.e2e.test.ts).
		expect(requestsTo('POST', PAGE_SETTINGS)).toHaveLength(1);
		expect(sandbox.current.page(DEMO.pageId).icon_enabled).toBe(!appliedDuringTheWait);
		expect((await answer).status).toBe(200);
		expect(sandbox.current.page(DEMO.pageId).icon_enabled).toBe(false);
	});
});

describe('reads are retried', () => {
	it('WhatsApp settings: a 502, a transient 500 and a dropped connection, then the answer', async () => {
		for (const { fault } of FAILURES.filter((f) => !f.applied || f.fault.kind !== 'drop')) {
			sandbox.current.addFault({ ...fault, method: 'GET', path: PHONE_SETTINGS });
		}
		sandbox.current.addFault({ kind: 'drop', method: 'GET', path: PHONE_SETTINGS });
		const result = await run(new WhatsAppCalling(), { resource: 'callingSettings', operation: 'get', phoneNumberId: DEMO.phoneNumberId });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ calling: { status: 'ENABLED' } });
		expect(requestsTo('GET', PHONE_SETTINGS)).toHaveLength(5);
	});

	it(`Messenger settings: an answer slower than the client's timeout is asked again`, async () => {
		sandbox.current.addFault({ kind: 'latency', method: 'GET', path: PAGE_SETTINGS, latencyMs: CLIENT_TIMEOUT_MS * 3 });
		const result = await run(messengerWithShortTimeout(), { resource: 'callSettings', operation: 'get', pageId: DEMO.pageId });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toHaveProperty('settings.icon_enabled', true);
		expect(requestsTo('GET', PAGE_SETTINGS)).toHaveLength(2);
	});
});

describe('settings writes that name the whole value are retried, and Meta ends as intended', () => {
	it.each(FAILURES)('Messenger Set Icon Visibility: $name', async ({ fault }) => {
		sandbox.current.addFault({ ...fault, method: 'POST', path: PAGE_SETTINGS });
		const result = await run(new MessengerCalling(), { resource: 'callSettings', operation: 'setIconVisibility', pageId: DEMO.pageId, iconEnabled: false });
		expect(result.error).toBeUndefined();
		expect(sandbox.current.page(DEMO.pageId).icon_enabled).toBe(false);
		expect(requestsTo('POST', PAGE_SETTINGS)).toHaveLength(2);
	});

	it.each([
		{ name: 'applied, then answered too late', processed: true },
		{ name: 'held too long, applied later', processed: false },
	])(`Messenger Set Icon Visibility, slow answer past the timeout: $name`, async ({ processed }) => {
		const latencyMs = CLIENT_TIMEOUT_MS * 2;
		sandbox.current.addFault({ kind: 'latency', method: 'POST', path: PAGE_SETTINGS, latencyMs, processed });
		const result = await run(messengerWithShortTimeout(), { resource: 'callSettings', operation: 'setIconVisibility', pageId: DEMO.pageId, iconEnabled: false });
		await heldRequestsLanded(sandbox.current, latencyMs);
		expect(result.error).toBeUndefined();
		expect(sandbox.current.page(DEMO.pageId).icon_enabled).toBe(false);
		expect(requestsTo('POST', PAGE_SETTINGS)).toHaveLength(2);
	});
});

describe('a send is never repeated once it may have left', () => {
	const prompt = { resource: 'message', operation: 'sendCallPrompt', pageId: DEMO.pageId, recipientId: DEMO.psid };

	it.each(FAILURES)('Messenger Send Call Prompt: $name -> sent at most once, the item says it may have been sent', async ({ fault, applied }) => {
		sandbox.current.addFault({ ...fault, method: 'POST', path: MESSAGES });
		const result = await run(new MessengerCalling(), prompt);
		expect(requestsTo('POST', MESSAGES)).toHaveLength(1);
		expect(sandbox.current.sentMessages).toHaveLength(applied ? 1 : 0);
		expect(result.error?.message).toMatch(/may or may not have been carried out/);
	});

	it(`Messenger Send Call Prompt: answered after the client's timeout -> sent once, not again`, async () => {
		sandbox.current.addFault({ kind: 'latency', method: 'POST', path: MESSAGES, latencyMs: CLIENT_TIMEOUT_MS * 2 });
		const result = await run(messengerWithShortTimeout(), prompt);
		expect(requestsTo('POST', MESSAGES)).toHaveLength(1);
		expect(sandbox.current.sentMessages).toHaveLength(1);
		expect(result.error?.message).toMatch(/may or may not have been carried out/);
	});

	it('with On Error: Continue, the item that may have been sent is an error item; the next item is sent once', async () => {
		sandbox.current.addFault({ kind: 'drop', method: 'POST', path: MESSAGES, processed: true });
		const result = await runNode({
			node: new MessengerCalling(),
			parameters: prompt,
			credentials: { metaCallingApi: sandboxCredentials(sandbox.current.url) },
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(requestsTo('POST', MESSAGES)).toHaveLength(2);
		expect(sandbox.current.sentMessages).toHaveLength(2);
		const [first, second] = result.items.map((item) => item.json);
		expect(String(first.error)).toMatch(/may or may not have been carried out/);
		expect(second).toHaveProperty('messageId');
	});
});

describe('a holiday change after a failed write: applied once or reported failed, never twice or half', () => {
	const kept = () => ({ date: berlinDate(10), start_time: '1300', end_time: '2359' });
	const added = () => berlinDate(30);
	const add = (options: INodeParameters = {}) => ({
		resource: 'holidaySchedule',
		operation: 'add',
		phoneNumberId: DEMO.phoneNumberId,
		holidays: { holiday: [{ date: added(), startTime: '0000', endTime: '2359' }] },
		options,
	});
	/** Everything but the holiday list as before, and the list exactly `dates`, each once. */
	function expectStored(dates: string[]): void {
		expect(storedHours()).toMatchObject({ status: 'ENABLED', timezone_id: 'Europe/Berlin', weekly_operating_hours: NINE_TO_FIVE });
		expect(datesStored()).toEqual(dates);
	}

	beforeEach(() => storeHolidays(sandbox.current, [kept()]));

	it.each(FAILURES)('Holiday Schedule Add: $name -> applied once', async ({ fault }) => {
		sandbox.current.addFault({ ...fault, method: 'POST', path: PHONE_SETTINGS });
		const result = await run(new WhatsAppCalling(), add());
		expect(result.error).toBeUndefined();
		expectStored([kept().date, added()]);
		expect(result.items[0].json).toMatchObject({ success: true, added: [added()], verified: true });
	});

	it(`Holiday Schedule Add: applied, answered after the client's timeout -> applied once`, async () => {
		sandbox.current.addFault({ kind: 'latency', method: 'POST', path: PHONE_SETTINGS, latencyMs: CLIENT_TIMEOUT_MS * 2 });
		const result = await run(whatsAppWithShortTimeout(), add());
		expect(result.error).toBeUndefined();
		expectStored([kept().date, added()]);
	});

	it.each(FAILURES)('Holiday Schedule Remove: $name -> removed, the other holiday kept', async ({ fault }) => {
		storeHolidays(sandbox.current, [kept(), { date: added() }]);
		sandbox.current.addFault({ ...fault, method: 'POST', path: PHONE_SETTINGS });
		const result = await run(new WhatsAppCalling(), { resource: 'holidaySchedule', operation: 'remove', phoneNumberId: DEMO.phoneNumberId, dates: added() });
		expect(result.error).toBeUndefined();
		expectStored([kept().date]);
		expect(result.items[0].json).toMatchObject({ removed: [added()] });
	});

	it.each([
		{ name: 'never applied', processed: false },
		{ name: 'applied every time', processed: true },
	])('Holiday Schedule Add: Meta drops every write until Max Wait ($name) -> the item fails saying it may have been applied', async ({ processed }) => {
		sandbox.current.addFault({ kind: 'drop', method: 'POST', path: PHONE_SETTINGS, processed, times: 1000 });
		const result = await run(new WhatsAppCalling(), add({ maxWaitSeconds: 0.5 }));
		expectStored(processed ? [kept().date, added()] : [kept().date]);
		// The client cannot tell the two apart: the item says so instead of "not applied".
		expect(result.error?.message).toMatch(/^The request may or may not have been carried out: Could not get an answer/);
		expect(String(result.error?.description)).toMatch(/Gave up after waiting 0\.\d s in total/);
		expect(String(result.error?.description)).not.toMatch(/send the message twice/);
	});

	it('two items, the first one\'s write lost until Max Wait: the run says item 0 is unknown, not "not applied"', async () => {
		sandbox.current.addFault({ kind: 'drop', method: 'POST', path: PHONE_SETTINGS, processed: true, times: 1000 });
		const result = await runNode({
			node: new WhatsAppCalling(),
			parameters: add({ maxWaitSeconds: 0.5, concurrency: '1' }),
			credentials: { metaCallingApi: sandboxCredentials(sandbox.current.url) },
			items: [{ json: {} }, { json: {} }],
		});
		expect(String(result.error?.description)).toMatch(/Unknown: item 0 \(the answer was lost; check at Meta before running it again\)/);
		expect(String(result.error?.description)).not.toMatch(/Not applied: item 0/);
	});
});
