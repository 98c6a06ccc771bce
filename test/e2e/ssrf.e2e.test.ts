import { copyFileSync, mkdirSync } from 'fs';
import { join } from 'path';

import { REPO_ROOT } from '../../tools/n8n/lines';
import { runDirFor, startStack, stopStack, type RunningStack } from '../../tools/n8n/stack';

/**
 * Calendars under n8n's SSRF protection (issue 18, item 3): n8n 2.x started with
 * N8N_SSRF_PROTECTION_ENABLED=true and only 127.0.0.1 allowed (N8N_SSRF_ALLOWED_IP_RANGES, so the sandbox's
 * Graph API still answers), while the default blocked ranges keep the rest of 127.0.0.0/8. The sandbox
 * answers on 127.0.0.2 too (--also-listen): a calendar there is an internal host the protection must refuse,
 * directly or behind a redirect from an allowed feed. This file starts its own sandbox and n8n (settings are
 * read at n8n's start), with only the calendar-sync workflow, in the run folder `<line run folder>-ssrf`.
 */

const LINE = process.env.N8N_LINE ?? '2';
const PHONE = '3000000000000001';
const BLOCKED_HOST = '127.0.0.2';
// n8n 1.123.81 (@n8n/config 1.65.9, n8n-core 1.122.48) has no SSRF protection: nothing to prove there.
const describeOnLine2 = LINE === '1' ? describe.skip : describe;

describeOnLine2(`n8n ${LINE}.x with N8N_SSRF_PROTECTION_ENABLED=true: calendar feeds`, () => {
	let stack: RunningStack;
	let sandboxUrl = '';
	let blockedUrl = '';

	beforeAll(async () => {
		const runDir = `${runDirFor(LINE)}-ssrf`;
		const workflowDir = join(`${runDir}-workflows`);
		mkdirSync(workflowDir, { recursive: true });
		copyFileSync(join(REPO_ROOT, 'test', 'e2e', 'workflows', 'calendar-sync.json'), join(workflowDir, 'calendar-sync.json'));
		stack = await startStack(LINE, {
			runDir,
			workflowFolders: [workflowDir],
			sandboxArgs: ['--also-listen', BLOCKED_HOST],
			n8nEnvironment: { N8N_SSRF_PROTECTION_ENABLED: 'true', N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32' },
		});
		sandboxUrl = stack.info.sandboxUrl;
		blockedUrl = sandboxUrl.replace('127.0.0.1', BLOCKED_HOST);
	}, 400_000);

	afterAll(async () => {
		await stopStack(stack);
	});

	const control = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${sandboxUrl}/__sandbox/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return (await response.json()) as any;
	};
	const stored = async () => ((await control('GET', 'state')).state.phoneNumbers[PHONE].calling.call_hours.holiday_schedule ?? []) as unknown[];
	// n8n answers 404 for a moment after it is ready, while it registers the active workflows' webhooks.
	const sync = async (calendarUrl: string) => {
		const deadline = Date.now() + 60_000;
		for (;;) {
			const response = await fetch(`${stack.info.n8nUrl}/webhook/e2e-calendar-sync`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ calendarSource: 'ical', calendarUrl, baseUrl: sandboxUrl }),
				signal: AbortSignal.timeout(120_000),
			});
			if (response.status === 404 && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				continue;
			}
			expect(response.status).toBe(200);
			return ((await response.json()) as Array<Record<string, any>>)[0];
		}
	};
	const errorText = (item: Record<string, any>) => (typeof item.error === 'string' ? item.error : JSON.stringify(item.error ?? item));

	beforeEach(async () => {
		await control('POST', 'reset', {});
	});

	it('the sandbox really answers on the blocked address (the refusals below are n8n, not a dead host)', async () => {
		expect((await fetch(`${blockedUrl}/calendars/many.ics`)).status).toBe(200);
	});

	it('an allowed feed (127.0.0.1) syncs', async () => {
		const out = await sync(`${sandboxUrl}/calendars/many.ics`);
		expect(out.added).toHaveLength(20);
		expect(await stored()).toHaveLength(20);
	});

	it('a feed on a blocked address is refused, naming the setting to change; nothing written', async () => {
		const out = await sync(`${blockedUrl}/calendars/many.ics?key=secret-123`);
		const message = errorText(out);
		expect(message).toContain(`the calendar feed http://${BLOCKED_HOST}:`);
		expect(message).toMatch(/SSRF protection/);
		expect(message).toMatch(/N8N_SSRF_ALLOWED_IP_RANGES/);
		expect(message).not.toContain('secret-123');
		expect(await stored()).toEqual([]);
	});

	it('a redirect from an allowed feed to a blocked address is refused at the hop', async () => {
		const out = await sync(`${sandboxUrl}/calendars/redirect.ics?to=${encodeURIComponent(`${blockedUrl}/calendars/many.ics`)}`);
		const message = errorText(out);
		expect(message).toContain(`the calendar feed http://${BLOCKED_HOST}:`);
		expect(message).toMatch(/N8N_SSRF_ALLOWED_IP_RANGES/);
		expect(await stored()).toEqual([]);
	});
});

if (LINE === '1') {
	it.skip('n8n 1.123.81 has no SSRF protection (no N8N_SSRF_* settings in @n8n/config 1.65.9): nothing to test on line 1', () => undefined);
}
