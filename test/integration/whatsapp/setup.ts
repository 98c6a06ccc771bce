import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { DEMO, type Sandbox } from '../../../tools/sandbox';
import { runNode, sandboxCredentials, type NodeRunResult } from '../harness';

export { DEMO };
export { jsonOf, NINE_TO_FIVE, useSandbox, writes } from '../nodeTestKit';

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

/** A date `days` from today in Europe/Berlin (the demo number's timezone), as YYYY-MM-DD. */
export function berlinDate(days: number): string {
	const berlinToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
	const date = new Date(`${berlinToday}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Stores holidays directly in the sandbox (as if set earlier, possibly long ago). */
export function storeHolidays(sandbox: Sandbox, holidays: Array<{ date: string; start_time?: string; end_time?: string }>) {
	const hours = sandbox.phoneNumber(DEMO.phoneNumberId).calling.call_hours!;
	hours.holiday_schedule = holidays.map((h) => ({ date: h.date, start_time: h.start_time ?? '0000', end_time: h.end_time ?? '2359' }));
}
