/**
 * The calendar fetch is bounded in time through n8n's own request helper (n8n-core): a feed that never
 * answers, or answers and then stalls mid-body, fails the item after FETCH_TIMEOUT_MS with nothing sent
 * to Meta. Real sockets, so this takes the full timeout (20 s) twice.
 */
import http from 'http';
import type { AddressInfo, Socket } from 'net';

import { FETCH_TIMEOUT_MS } from '../../../nodes/shared/calendar/fetch';
import { runWhatsApp, storeHolidays, berlinDate, useSandbox } from './setup';

const sandbox = useSandbox();
let server: http.Server;
let base: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
	server = http.createServer((req, res) => {
		if (req.url === '/stalls-mid-body.ics') {
			res.writeHead(200, { 'content-type': 'text/calendar' });
			res.write('BEGIN:VCALENDAR\r\n');
			return; // and never more
		}
		// '/never-answers.ics': no status line at all
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	sockets.forEach((socket) => socket.destroy());
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

it.each(['never-answers', 'stalls-mid-body'])(
	'a feed that %s fails after the timeout, naming the source, and nothing reaches Meta',
	async (name) => {
		storeHolidays(sandbox.current, [{ date: berlinDate(9) }]);
		const started = Date.now();
		const result = await runWhatsApp(sandbox.current, {
			resource: 'holidaySchedule',
			operation: 'sync',
			calendarSource: 'ical',
			calendarUrl: `${base}/${name}.ics`,
		});
		const took = Date.now() - started;
		expect(result.error?.message).toBe(`Calendar URL: the calendar feed ${base}/${name}.ics did not answer within ${FETCH_TIMEOUT_MS / 1000} s`);
		expect(took).toBeGreaterThanOrEqual(FETCH_TIMEOUT_MS - 100);
		expect(took).toBeLessThan(FETCH_TIMEOUT_MS + 5000);
		expect(sandbox.current.requests).toEqual([]);
	},
	FETCH_TIMEOUT_MS * 2,
);
