/**
 * How a calendar is fetched (issue 18, item 3): redirects followed one request at a time and at most
 * MAX_REDIRECTS times, errors naming the address that answered (masked) and never quoting a body that is
 * not a calendar, outputs showing the address masked. Real HTTP to the sandbox's calendar service.
 */
import { MAX_REDIRECTS } from '../../../nodes/shared/calendar/fetch';
import { FAIL_BODY_SECRET } from '../../../tools/sandbox/calendar/handler';
import { berlinDate, jsonOf, runWhatsApp, storeHolidays, useSandbox, writes } from './setup';

const sandbox = useSandbox();
const sync = (calendarUrl: string) => ({
	resource: 'holidaySchedule',
	operation: 'sync',
	calendarSource: 'ical',
	calendarUrl,
	options: { verifyWrites: false },
});
const redirect = (hops: number, to: string) => `${sandbox.current.url}/calendars/redirect.ics?hops=${hops}&to=${encodeURIComponent(to)}`;
const calendarPaths = () => sandbox.current.calendarRequests.map((r) => r.path);

beforeEach(() => {
	sandbox.current.calendarRequests.length = 0;
});

it(`a feed moved ${MAX_REDIRECTS} times is followed to the end and synced`, async () => {
	const [out] = jsonOf(await runWhatsApp(sandbox.current, sync(redirect(MAX_REDIRECTS, '/calendars/many.ics'))));
	expect(out.added).toHaveLength(20);
	expect(calendarPaths()).toEqual([...Array(MAX_REDIRECTS).fill('/calendars/redirect.ics'), '/calendars/many.ics']);
});

it(`a feed moved ${MAX_REDIRECTS + 1} times is refused after ${MAX_REDIRECTS} hops; nothing written`, async () => {
	storeHolidays(sandbox.current, [{ date: berlinDate(9) }]);
	const result = await runWhatsApp(sandbox.current, sync(redirect(MAX_REDIRECTS + 1, '/calendars/many.ics')));
	expect(result.error?.message).toMatch(/^Calendar URL: the calendar feed http:\/\/127\.0\.0\.1:\d+\/calendars\/redirect\.ics\?\*\*\* redirected more than 5 times$/);
	expect(calendarPaths()).toHaveLength(MAX_REDIRECTS + 1);
	expect(writes(sandbox.current)).toEqual([]);
});

it('an error names the address that answered (after the redirect), masked, and quotes no body', async () => {
	const result = await runWhatsApp(sandbox.current, sync(redirect(1, `${sandbox.current.url}/calendars/fail.ics?status=500&key=abc123`)));
	const message = result.error?.message ?? '';
	expect(message).toMatch(/^Calendar URL: the calendar feed http:\/\/127\.0\.0\.1:\d+\/calendars\/fail\.ics\?\*\*\* answered HTTP 500$/);
	expect(message).not.toContain(FAIL_BODY_SECRET);
	expect(message).not.toContain('abc123');
});

it('a redirect to a scheme other than http(s) is refused', async () => {
	const result = await runWhatsApp(sandbox.current, sync(redirect(1, 'file:///etc/passwd')));
	expect(result.error?.message).toMatch(/^Calendar URL: the calendar feed .*redirect\.ics\?\*\*\* redirected to a non-HTTP address$/);
});

it('the output shows the calendar address with its secret parts masked', async () => {
	const url = `${sandbox.current.url.replace('http://', 'http://user:pw-secret@')}/calendars/many.ics?token=feed-secret-123`;
	const result = await runWhatsApp(sandbox.current, sync(url));
	const [out] = jsonOf(result);
	expect((out.calendar as { calendarUrl: string }).calendarUrl).toBe(`${sandbox.current.url.replace('http://', 'http://***@')}/calendars/many.ics?***`);
	expect(JSON.stringify(out)).not.toMatch(/feed-secret-123|pw-secret/);
});
