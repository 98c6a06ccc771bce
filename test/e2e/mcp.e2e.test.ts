import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { e2eContext } from './harness/context';
import { nextWednesday } from './harness/dates';

/**
 * The action nodes as AI tools (issue 12, part 5), with no language model: an MCP client (the official
 * SDK) talks to n8n's MCP Server Trigger of workflow test/e2e/workflows/mcp-tools.json, whose tools are
 * the `…Tool` variants n8n builds of our node types, their parameters filled by `$fromAI(...)`. The
 * client plays the agent: it lists the tools and calls them with arguments, as a model would.
 */

const PHONE = '3000000000000001';
const PAGE = '4000000000000001';
const MCP_PATH = 'e2e-meta-calling-mcp';
const WORKFLOW_ID = 'e2eMcpCallTools1';
const TOOL = {
	availability: 'WhatsApp_Availability_Check',
	holidayAdd: 'WhatsApp_Holiday_Add',
	messengerAvailability: 'Messenger_Availability_Check',
	sendCallButton: 'WhatsApp_Send_Call_Button',
};
/** The sandbox's demo WhatsApp user, within the 24-hour window of the demo number. */
const WA_USER = '4915123456789';

/** 10:00 in Berlin on that day, with its offset (CET or CEST), as the tool's `at` argument. */
function tenInBerlin(date: string): string {
	const noonUtc = new Date(`${date}T12:00:00Z`);
	const berlinHour = Number(
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(noonUtc),
	);
	return `${date}T10:00:00+0${berlinHour - 12}:00`;
}

type ToolResult = { content?: Array<{ type: string; text?: string }>; isError?: boolean };

/** n8n answers a tool call with the node's output as JSON text; one item comes back as an object or a one-element list. */
function outputOf(result: ToolResult): any {
	const text = (result.content ?? []).filter((part) => part.type === 'text').map((part) => part.text ?? '').join('');
	const parsed = JSON.parse(text);
	return Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : parsed;
}

/**
 * Connects over Streamable HTTP to the production endpoint of the active workflow. Right after start n8n
 * may still be registering the active workflows' webhooks (404): retried for up to 30 s.
 */
async function connect(url: URL): Promise<Client> {
	const deadline = Date.now() + 30000;
	for (;;) {
		const client = new Client({ name: 'meta-calling-e2e', version: '1.0.0' });
		try {
			await client.connect(new StreamableHTTPClientTransport(url));
			return client;
		} catch (error) {
			if (Date.now() >= deadline) throw error;
			await new Promise((r) => setTimeout(r, 500));
		}
	}
}

describe(`n8n ${process.env.N8N_LINE ?? '2'}.x: the nodes as tools of an MCP Server Trigger, called by an MCP client`, () => {
	const e2e = e2eContext();
	let client: Client;

	beforeAll(async () => {
		await e2e.sandbox('POST', 'reset', {});
		client = await connect(new URL(`${e2e.n8nUrl}/mcp/${MCP_PATH}`));
	});

	afterAll(async () => {
		await client?.close();
	});

	it('lists both nodes tools with the $fromAI keys as their arguments', async () => {
		const { tools } = await client.listTools();
		const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
		expect(Object.keys(byName).sort()).toEqual(Object.values(TOOL).sort());

		const argumentsOf = (name: string) => Object.keys(byName[name].inputSchema.properties ?? {}).sort();
		expect(argumentsOf(TOOL.availability)).toEqual(['at', 'phoneNumberId']);
		expect(argumentsOf(TOOL.holidayAdd)).toEqual(['date', 'endTime', 'phoneNumberId', 'startTime']);
		expect(argumentsOf(TOOL.messengerAvailability)).toEqual(['at', 'pageId']);
		expect(argumentsOf(TOOL.sendCallButton)).toEqual(['bodyText', 'buttonText', 'phoneNumberId', 'recipient']);
		expect(byName[TOOL.holidayAdd].inputSchema.properties?.date).toMatchObject({
			type: 'string',
			description: expect.stringContaining('YYYY-MM-DD'),
		});
		// A manual tool description is passed on; without one n8n writes it from resource and operation.
		expect(byName[TOOL.holidayAdd].description).toContain('Adds one holiday');
		expect(byName[TOOL.messengerAvailability].description).toBe('Check call availability in Messenger Calling');
	});

	it('checks availability, adds a holiday, and the sandbox stores it; the number is then closed that day', async () => {
		const holidayDate = nextWednesday();
		const at = tenInBerlin(holidayDate);

		const before = outputOf((await client.callTool({ name: TOOL.availability, arguments: { phoneNumberId: PHONE, at } })) as ToolResult);
		expect(before).toMatchObject({ phoneNumberId: PHONE, open: true, timezoneId: 'Europe/Berlin' });

		const added = (await client.callTool({
			name: TOOL.holidayAdd,
			arguments: { phoneNumberId: PHONE, date: holidayDate, startTime: '0000', endTime: '2359' },
		})) as ToolResult;
		expect(added.isError).toBeFalsy();
		expect(outputOf(added)).toMatchObject({ phoneNumberId: PHONE, success: true, added: [holidayDate], updated: [] });

		// What "Meta" now stores for that phone number: the seed's hours untouched and the one holiday.
		const { state } = await e2e.sandbox('GET', 'state');
		expect(state.phoneNumbers[PHONE].calling.call_hours).toMatchObject({
			status: 'ENABLED',
			timezone_id: 'Europe/Berlin',
			holiday_schedule: [{ date: holidayDate, start_time: '0000', end_time: '2359' }],
		});
		expect(state.phoneNumbers[PHONE].calling.call_hours.weekly_operating_hours).toHaveLength(5);

		// The call ran as an execution of the workflow, the tool node's output saved with it.
		const execution = await e2e.waitForExecution(
			{ workflowId: WORKFLOW_ID, includeData: true },
			(e) => e.status === 'success' && Boolean(e.data?.resultData?.runData?.['WhatsApp Holiday Add']),
		);
		expect(JSON.stringify(execution.data.resultData.runData['WhatsApp Holiday Add'])).toContain(holidayDate);

		const after = outputOf((await client.callTool({ name: TOOL.availability, arguments: { phoneNumberId: PHONE, at } })) as ToolResult);
		expect(after).toMatchObject({ phoneNumberId: PHONE, open: false, reason: 'holiday' });
	});

	it('runs the Messenger Calling tool too', async () => {
		const at = tenInBerlin(nextWednesday());
		const result = outputOf((await client.callTool({ name: TOOL.messengerAvailability, arguments: { pageId: PAGE, at } })) as ToolResult);
		// The seed Page keeps 9-17 in America/Los_Angeles: 10:00 in Berlin is 01:00 there.
		expect(result).toMatchObject({ pageId: PAGE, open: false, reason: 'outside_hours', timezoneId: 'America/Los_Angeles' });
	});

	it('sends a WhatsApp call button (issue 20), and the sandbox holds the message', async () => {
		const result = (await client.callTool({
			name: TOOL.sendCallButton,
			arguments: { phoneNumberId: PHONE, recipient: `+${WA_USER}`, bodyText: 'Tap to call us back.', buttonText: 'Call us' },
		})) as ToolResult;
		expect(result.isError).toBeFalsy();
		const messages = await e2e.sandbox<Array<{ phoneNumberId?: string; recipientId: string; messageId: string; message: unknown }>>('GET', 'messages');
		const sent = messages.filter((m) => m.phoneNumberId === PHONE);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({
			recipientId: WA_USER,
			message: { type: 'voice_call', body: { text: 'Tap to call us back.' }, action: { name: 'voice_call', parameters: { display_text: 'Call us' } } },
		});
		expect(outputOf(result)).toMatchObject({ phoneNumberId: PHONE, recipient: WA_USER, waId: WA_USER, messageId: sent[0].messageId });
	});

	it('refuses a bad argument with the field named, before any request reaches Meta', async () => {
		const requestsBefore = (await e2e.sandbox<unknown[]>('GET', 'requests')).length;
		const result = (await client.callTool({
			name: TOOL.holidayAdd,
			arguments: { phoneNumberId: PHONE, date: '31-12-2030', startTime: '0000', endTime: '2359' },
		})) as ToolResult;
		expect(result.isError).toBe(true);
		expect(result.content).toEqual([
			{ type: 'text', text: expect.stringContaining('Holidays › Holiday 1 › Date: must be a date as YYYY-MM-DD') },
		]);
		const requestsAfter = await e2e.sandbox<Array<{ path: string }>>('GET', 'requests');
		expect(requestsAfter.slice(requestsBefore).filter((r) => r.path === `/${PHONE}/settings`)).toEqual([]);
	});
});
