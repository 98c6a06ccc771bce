import { maskCalendarUrl } from '../../../nodes/shared/calendar/maskUrl';

/*
 * What outputs (calendar.calendarUrl) and errors show of a calendar address: where the feed is, never the
 * key that opens it. Real shapes of private links: Google's "Secret address in iCal format", Outlook's
 * published calendars (Microsoft 365 and outlook.com), iCloud's public-calendar link.
 */

describe('maskCalendarUrl', () => {
	it.each([
		[
			'Google private address: the private-<key> segment',
			'https://calendar.google.com/calendar/ical/team%40example.com/private-0a1b2c3d4e5f60718293a4b5c6d7e8f9/basic.ics',
			'https://calendar.google.com/calendar/ical/team%40example.com/private-***/basic.ics',
		],
		[
			'Microsoft 365 published calendar: the key between mailbox and file',
			'https://outlook.office365.com/owa/calendar/4f2a8c0e1b3d4e5f9a7b6c5d4e3f2a1b@contoso.com/9d8c7b6a5f4e3d2c1b0a99887766554433221100/calendar.ics',
			'https://outlook.office365.com/owa/calendar/4f2a8c0e1b3d4e5f9a7b6c5d4e3f2a1b@contoso.com/***/calendar.ics',
		],
		[
			'outlook.com published calendar: every segment between mailbox and file',
			'https://outlook.live.com/owa/calendar/00000000-0000-0000-0000-000000000000/7a1b2c3d-1111-2222-3333-444455556666/cid-ABCDEF0123456789/calendar.ics',
			'https://outlook.live.com/owa/calendar/00000000-0000-0000-0000-000000000000/***/***/calendar.ics',
		],
		[
			'user info and query',
			'https://alice:s3cret@calendar.example.com/feeds/shop.ics?token=abc123&x=1#frag',
			'https://***@calendar.example.com/feeds/shop.ics?***',
		],
		['a user name alone', 'https://alice@example.com/a.ics', 'https://***@example.com/a.ics'],
		[
			'iCloud: a long random path segment',
			'https://p42-caldav.icloud.com/published/2/MTIzNDU2Nzg5MDEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9w',
			'https://p42-caldav.icloud.com/published/2/***',
		],
		['a port and a plain path stay', 'http://127.0.0.1:8787/calendars/closures.ics', 'http://127.0.0.1:8787/calendars/closures.ics'],
		[
			'words, dates and public Google ids stay',
			'https://calendar.google.com/calendar/ical/en.german%23holiday%40group.v.calendar.google.com/public/basic.ics',
			'https://calendar.google.com/calendar/ical/en.german%23holiday%40group.v.calendar.google.com/public/basic.ics',
		],
		['long words without digits stay', 'https://example.com/company-holidays-and-closures/2027.ics', 'https://example.com/company-holidays-and-closures/2027.ics'],
	])('%s', (_, url, masked) => {
		expect(maskCalendarUrl(url)).toBe(masked);
	});

	it('an address that does not parse is hidden whole', () => {
		expect(maskCalendarUrl('not a url with private-key')).toBe('***');
	});

	it('never shows the secret of any of the shapes above', () => {
		const secrets = ['0a1b2c3d4e5f60718293a4b5c6d7e8f9', '9d8c7b6a5f4e3d2c1b0a99887766554433221100', 's3cret', 'abc123', 'cid-ABCDEF0123456789'];
		const text = [
			'https://calendar.google.com/calendar/ical/x/private-0a1b2c3d4e5f60718293a4b5c6d7e8f9/basic.ics',
			'https://outlook.office365.com/owa/calendar/a@b.com/9d8c7b6a5f4e3d2c1b0a99887766554433221100/reachcalendar.ics',
			'https://u:s3cret@h.example/x.ics?k=abc123',
			'https://outlook.live.com/owa/calendar/id/cid-ABCDEF0123456789/calendar.ics',
		]
			.map(maskCalendarUrl)
			.join(' ');
		for (const secret of secrets) expect(text).not.toContain(secret);
	});
});
