/** What the node integration tests share: a sandbox per test file, reading results, the usual hours. */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type LoggedRequest, type Sandbox } from '../../tools/sandbox';
import type { NodeRunResult } from './harness';

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

/** The json of every output item; fails the test with the node's error when it failed. */
export function jsonOf(result: NodeRunResult): IDataObject[] {
	if (result.error) throw result.error;
	return result.items.map((item) => item.json);
}

/** The writes the sandbox received. */
export function writes(sandbox: Sandbox): LoggedRequest[] {
	return sandbox.requests.filter((r) => r.method === 'POST');
}

/** Monday to Friday, 09:00–17:00, in Meta's wire shape. */
export const NINE_TO_FIVE = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
	day_of_week: day,
	open_time: '0900',
	close_time: '1700',
}));
