import type { ServerResponse } from 'http';

import { feedText } from './feeds';
import { AVAILABLE_COUNTRIES, publicHolidays } from './publicHolidays';

/**
 * The non-Graph services the calendar operations read, served by the sandbox on its own port:
 * Nager.Date's `GET /api/v3/PublicHolidays/{year}/{countryCode}` and `GET /api/v3/AvailableCountries`, and
 * iCalendar feeds at `GET /calendars/<name>.ics`. No token, no Graph rules.
 *
 * Two more for the fetch's own rules: `GET /calendars/redirect.ics?to=<url>&hops=<n>` answers 302, n times
 * to itself and then to `to` (a feed moved, or a feed that points n8n at an address it must not reach);
 * `GET /calendars/fail.ics?status=<code>` answers that status with a body holding a secret (what a
 * metadata service or a login page would echo), which no error may quote.
 */

export const FAIL_BODY_SECRET = 'sandbox-metadata-token-7f3a';

export function isCalendarPath(pathname: string): boolean {
	return pathname.startsWith('/api/v3/') || pathname.startsWith('/calendars/');
}

function send(res: ServerResponse, status: number, body: string, contentType: string): void {
	res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
	res.end(body);
}

function redirect(res: ServerResponse, query: URLSearchParams): void {
	const hops = Number(query.get('hops') ?? '1');
	const next = new URLSearchParams(query);
	next.set('hops', String(hops - 1));
	const location = hops > 1 ? `/calendars/redirect.ics?${next}` : (query.get('to') ?? '/calendars/closures.ics');
	res.writeHead(302, { location, 'content-type': 'text/plain' });
	res.end(`Found: ${location}`);
}

export function handleCalendar(
	res: ServerResponse,
	method: string,
	pathname: string,
	now: Date,
	custom: ReadonlyMap<string, string>,
	query = new URLSearchParams(),
): void {
	if (method !== 'GET') return send(res, 405, 'Method Not Allowed', 'text/plain');
	if (pathname === '/calendars/redirect.ics') return redirect(res, query);
	if (pathname === '/calendars/fail.ics') return send(res, Number(query.get('status') ?? '500'), `{"token":"${FAIL_BODY_SECRET}"}`, 'application/json');
	if (pathname === '/api/v3/AvailableCountries') return send(res, 200, JSON.stringify(AVAILABLE_COUNTRIES), 'application/json; charset=utf-8');
	const holidays = /^\/api\/v3\/PublicHolidays\/(\d+)\/([A-Za-z]+)$/.exec(pathname);
	if (holidays) {
		const year = Number(holidays[1]);
		// Nager.Date answers 400 for years outside its range and 404 for countries it does not know.
		if (year < 1975 || year > 2075) return send(res, 400, JSON.stringify({ title: 'Year out of range', status: 400 }), 'application/problem+json');
		const list = publicHolidays(year, holidays[2].toUpperCase());
		if (!list) return send(res, 404, '', 'text/plain');
		return send(res, 200, JSON.stringify(list), 'application/json; charset=utf-8');
	}
	const feed = /^\/calendars\/([A-Za-z0-9_-]+)\.ics$/.exec(pathname);
	const text = feed ? feedText(feed[1], now, custom) : undefined;
	if (text === undefined) return send(res, 404, 'Not Found', 'text/plain');
	return send(res, 200, text, 'text/calendar; charset=utf-8');
}
