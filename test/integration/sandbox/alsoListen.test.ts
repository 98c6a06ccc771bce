import { listenAlso } from '../../../tools/sandbox/cli';
import { startSandbox } from '../../../tools/sandbox';

/** `--also-listen 127.0.0.2`: the same sandbox on a second loopback address (the SSRF e2e test's blocked host). */
it('answers on the second address with the same sandbox: feeds and redirects, logged by the one sandbox', async () => {
	const sandbox = await startSandbox({ port: 0 });
	const also = await listenAlso('127.0.0.2', sandbox.port, sandbox.url);
	try {
		const second = `http://127.0.0.2:${sandbox.port}`;
		const feed = await fetch(`${second}/calendars/many.ics`);
		expect(feed.status).toBe(200);
		expect(await feed.text()).toContain('BEGIN:VCALENDAR');
		const moved = await fetch(`${second}/calendars/redirect.ics?to=%2Fcalendars%2Fempty.ics`, { redirect: 'manual' });
		expect([moved.status, moved.headers.get('location')]).toEqual([302, '/calendars/empty.ics']);
		expect(sandbox.calendarRequests.map((r) => r.path)).toEqual(['/calendars/many.ics', '/calendars/redirect.ics']);
	} finally {
		await new Promise((resolve) => also.close(resolve));
		await sandbox.close();
	}
});
