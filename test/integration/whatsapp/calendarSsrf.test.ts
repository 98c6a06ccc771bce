/**
 * n8n's SSRF protection in-process (the fast twin of test/e2e/ssrf.e2e.test.ts): n8n-core's request helper
 * with SsrfProtectionConfig switched on before its first use and only 127.0.0.1 allowed, the sandbox also
 * on 127.0.0.2 (blocked by n8n's default ranges). The calendar fetch must be refused there, directly or
 * behind a redirect, with an error naming the setting, and nothing written; the Graph calls still work.
 */
import type { Server } from 'http';

import { SsrfProtectionConfig } from '@n8n/config';
import { Container } from '@n8n/di';

import { listenAlso } from '../../../tools/sandbox/cli';
import { berlinDate, jsonOf, runWhatsApp, storeHolidays, useSandbox, writes } from './setup';

const config = Container.get(SsrfProtectionConfig);
config.enabled = true;
config.allowedIpRanges = ['127.0.0.1/32'];

const sandbox = useSandbox();
let also: Server | undefined;
let blocked = '';

beforeAll(async () => {
	also = await listenAlso('127.0.0.2', sandbox.current.port, sandbox.current.url);
	blocked = sandbox.current.url.replace('127.0.0.1', '127.0.0.2');
});

beforeEach(() => {
	sandbox.current.calendarRequests.length = 0;
});

afterAll(async () => {
	if (also) await new Promise((resolve) => also!.close(resolve));
});

const sync = (calendarUrl: string) => ({ resource: 'holidaySchedule', operation: 'sync', calendarSource: 'ical', calendarUrl, options: { verifyWrites: false } });
const REFUSED = /^Calendar URL: the calendar feed http:\/\/127\.0\.0\.2:\d+\/calendars\/many\.ics(\?\*\*\*)? is refused by n8n's SSRF protection \(.+\); to allow it, an n8n admin adds its address to N8N_SSRF_ALLOWED_IP_RANGES or its host name to N8N_SSRF_ALLOWED_HOSTNAMES$/;

it('an allowed feed (127.0.0.1) syncs', async () => {
	const [out] = jsonOf(await runWhatsApp(sandbox.current, sync(`${sandbox.current.url}/calendars/many.ics`)));
	expect(out.added).toHaveLength(20);
});

it('a feed on a blocked address is refused before any request, naming the setting; nothing written', async () => {
	storeHolidays(sandbox.current, [{ date: berlinDate(9) }]);
	const result = await runWhatsApp(sandbox.current, sync(`${blocked}/calendars/many.ics?key=secret-1`));
	expect(result.error?.message).toMatch(REFUSED);
	expect(sandbox.current.calendarRequests).toEqual([]);
	expect(writes(sandbox.current)).toEqual([]);
});

it('a redirect from an allowed feed to a blocked address is refused at the hop', async () => {
	const result = await runWhatsApp(sandbox.current, sync(`${sandbox.current.url}/calendars/redirect.ics?to=${encodeURIComponent(`${blocked}/calendars/many.ics`)}`));
	expect(result.error?.message).toMatch(REFUSED);
	expect(sandbox.current.calendarRequests.map((r) => r.path)).toEqual(['/calendars/redirect.ics']);
	expect(writes(sandbox.current)).toEqual([]);
});
