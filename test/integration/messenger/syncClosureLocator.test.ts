import type { NodeParameterValueType } from 'n8n-workflow';

import { jsonOf, runMessenger, storedSettings, useSandbox } from './setup';

/*
 * Sync Closure From Calendar with Open State = Parameters: its Timezone is a resource locator, which the
 * editor saves as {"__rl": true, "mode": "name"|"list", "value": "Europe/Berlin"}. The node read it as a
 * plain string and refused it ("Timezone: …"): found when the queue tier's workflow was saved in the
 * locator's shape (test/unit/release/exampleLocators.test.ts). A plain string, as saved before, still works.
 */
const sandbox = useSandbox();

const normal = (timezoneId: NodeParameterValueType) => ({
	resource: 'callSettings',
	operation: 'syncClosure',
	calendarSource: 'json',
	calendarJson: '[]',
	openState: 'parameters',
	timezoneId,
	weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '0800', closeTime: '1200' }] },
	iconEnabled: true,
	ringTarget: 'META',
});

describe('Sync Closure From Calendar, Open State = Parameters: the Timezone in every saved shape', () => {
	it.each([
		['a locator By Name', { __rl: true, mode: 'name', value: 'Europe/Berlin' }],
		['a locator From List', { __rl: true, mode: 'list', value: 'Europe/Berlin', cachedResultName: 'Europe/Berlin (UTC+01:00 now)' }],
		['a plain string (saved before)', 'Europe/Berlin'],
	])('%s', async (_shape, timezoneId) => {
		const result = await runMessenger(sandbox.current, normal(timezoneId));
		if (result.error) throw result.error;
		expect(jsonOf(result)[0]).toMatchObject({ action: 'restored', reason: 'no_closure' });
		expect(storedSettings(sandbox.current).call_hours).toMatchObject({ timezone_id: 'Europe/Berlin' });
	});
});
