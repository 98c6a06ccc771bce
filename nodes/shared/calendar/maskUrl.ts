/*
 * A calendar address as outputs and errors may show it. Private feed links carry their secret in the
 * address itself: user info, the query, Google's `/calendar/ical/<id>/private-<key>/basic.ics`, Outlook's
 * `/owa/calendar/<id>/<key>/calendar.ics` (outlook.com: `/owa/calendar/<id>/<id>/cid-<key>/calendar.ics`),
 * or a long random path segment (iCloud's `/published/2/<key>`). Each becomes `***`.
 */

const HIDDEN = '***';
// Letters and digits mixed, 20+ characters, nothing a name or a date has: a key, not a word.
const TOKEN_SEGMENT = /^(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{20,}$/i;

function maskSegments(segments: string[]): string[] {
	const owa = segments.findIndex((segment, i) => segment === 'calendar' && segments[i - 1] === 'owa');
	return segments.map((segment, i) => {
		// Outlook: the first segment after /owa/calendar/ names the mailbox, the last the file; between them, keys.
		if (owa >= 0 && i > owa + 1 && i < segments.length - 1) return HIDDEN;
		if (/^private-./.test(segment)) return `private-${HIDDEN}`;
		return TOKEN_SEGMENT.test(segment) ? HIDDEN : segment;
	});
}

/** `url` with its secret parts replaced by `***`; an address that does not parse is hidden whole. */
export function maskCalendarUrl(url: string): string {
	if (!URL.canParse(url)) return HIDDEN;
	const parsed = new URL(url);
	const userInfo = parsed.username || parsed.password ? `${HIDDEN}@` : '';
	const path = maskSegments(parsed.pathname.split('/')).join('/');
	return `${parsed.protocol}//${userInfo}${parsed.host}${path}${parsed.search ? `?${HIDDEN}` : ''}`;
}
