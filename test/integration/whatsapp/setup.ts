import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { DEMO, startSandbox, type LoggedRequest, type Sandbox } from '../../sandbox';
import { runNode, sandboxCredentials, type NodeRunResult } from '../harness';

export { DEMO };

/** One sandbox per test file, reset before each test. */
export function useSandbox(): { current: Sandbox } {
	const holder = {} as { current: Sandbox };
	beforeAll(async () => {
		holder.current = await startSandbox();
	});
	beforeEach(() => holder.current.reset());
	afterAll(async () => await holder.current.close());
	return holder;
}

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

export async function runWhatsApp(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<NodeRunResult> {
	return await runNode({
		node: new WhatsAppCalling(),
		parameters: { phoneNumberId: DEMO.phoneNumberId, ...parameters },
		credentials: { metaCallingApi: sandboxCredentials(sandbox.url) },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** The json of every output item; fails the test with the node's error when it failed. */
export function jsonOf(result: NodeRunResult): IDataObject[] {
	if (result.error) throw result.error;
	return result.items.map((item) => item.json);
}

export function writes(sandbox: Sandbox): LoggedRequest[] {
	return sandbox.requests.filter((r) => r.method === 'POST');
}

/** A date `days` from today in Europe/Berlin (the demo number's timezone), as YYYY-MM-DD. */
export function berlinDate(days: number): string {
	const berlinToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
	const date = new Date(`${berlinToday}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

export const NINE_TO_FIVE = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
	day_of_week: day,
	open_time: '0900',
	close_time: '1700',
}));

/** Stores holidays directly in the sandbox (as if set earlier, possibly long ago). */
export function storeHolidays(sandbox: Sandbox, holidays: Array<{ date: string; start_time?: string; end_time?: string }>) {
	const hours = sandbox.phoneNumber(DEMO.phoneNumberId).calling.call_hours!;
	hours.holiday_schedule = holidays.map((h) => ({ date: h.date, start_time: h.start_time ?? '0000', end_time: h.end_time ?? '2359' }));
}
