import { grantedWabaIds, matchesSearch, phoneNumberEntry, tokenType } from '../../../nodes/shared/accounts/accounts';
import { locatorValue, PAGE_URL_REGEX } from '../../../nodes/shared/accounts/locators';
import { timezoneOptions } from '../../../nodes/shared/hours/timezoneList';
import { entriesOf, nextCursor } from '../../../nodes/shared/transport/paging';

describe('locatorValue: the saved value of an ID field, old or new', () => {
	it.each([
		['a plain string saved before the field was a locator', '3000000000000001', '3000000000000001'],
		['a number', 42, 42],
		['From List', { __rl: true, mode: 'list', value: '3000000000000001', cachedResultName: '+1 555' }, '3000000000000001'],
		['By ID', { __rl: true, mode: 'id', value: ' 7 ' }, ' 7 '],
		['By URL, profile.php', { __rl: true, mode: 'url', value: 'https://www.facebook.com/profile.php?id=4000000000000001' }, '4000000000000001'],
		['By URL, profile.php with more query', { __rl: true, mode: 'url', value: 'https://facebook.com/profile.php?sk=about&id=123' }, '123'],
		['By URL, numeric path', { __rl: true, mode: 'url', value: 'https://m.facebook.com/4000000000000001/' }, '4000000000000001'],
		['By URL without an ID (left for the ID check to name)', { __rl: true, mode: 'url', value: 'https://www.facebook.com/SomePage' }, 'https://www.facebook.com/SomePage'],
		['empty', '', ''],
		['undefined', undefined, undefined],
	])('%s', (_label, saved, expected) => {
		expect(locatorValue(saved)).toEqual(expected);
	});

	it('the URL rule n8n checks is the one the reader applies', () => {
		expect(new RegExp(PAGE_URL_REGEX).test('https://www.facebook.com/profile.php?id=1')).toBe(true);
		expect(new RegExp(PAGE_URL_REGEX).test('https://evil.example/facebook.com/1')).toBe(false);
	});
});

describe('reading Meta’s lists', () => {
	it('the next cursor only while Meta says a next page exists', () => {
		expect(nextCursor({ data: [], paging: { cursors: { after: 'B' }, next: 'https://graph/...' } })).toBe('B');
		expect(nextCursor({ data: [], paging: { cursors: { after: 'B' } } })).toBeUndefined();
		expect(nextCursor({ data: [] })).toBeUndefined();
		expect(entriesOf({ data: [{ id: '1' }, null, 'x'] })).toEqual([{ id: '1' }]);
		expect(entriesOf({})).toEqual([]);
	});

	it('WABA IDs from debug_token’s granular scopes, management first, no duplicates', () => {
		const answer = {
			data: {
				type: 'system_user',
				granular_scopes: [
					{ scope: 'pages_messaging', target_ids: ['4'] },
					{ scope: 'whatsapp_business_messaging', target_ids: ['2', '3'] },
					{ scope: 'whatsapp_business_management', target_ids: ['1', '2', 'not-an-id'] },
				],
			},
		};
		expect(grantedWabaIds(answer)).toEqual(['1', '2', '3']);
		expect(grantedWabaIds({ data: { granular_scopes: [{ scope: 'whatsapp_business_management' }] } })).toEqual([]);
		expect(grantedWabaIds(undefined)).toEqual([]);
		expect(tokenType(answer)).toBe('SYSTEM_USER');
	});

	it('a phone number in the package’s key convention', () => {
		expect(phoneNumberEntry({ id: '3', display_phone_number: '+1 5', verified_name: 'V', quality_rating: 'GREEN' }, '2')).toEqual({
			phoneNumberId: '3',
			displayPhoneNumber: '+1 5',
			verifiedName: 'V',
			qualityRating: 'GREEN',
			wabaId: '2',
		});
	});

	it('search matches names case-insensitively and numbers ignoring spaces, dashes and +', () => {
		expect(matchesSearch(undefined, ['x'])).toBe(true);
		expect(matchesSearch('  ', ['x'])).toBe(true);
		expect(matchesSearch('SUPPORT', ['Sandbox Support'])).toBe(true);
		expect(matchesSearch('1 555 0100', ['+1 555-010-0002'])).toBe(true);
		expect(matchesSearch('0100 3', ['+1 555-010-0002'])).toBe(false);
		expect(matchesSearch('page two', ['Sandbox Page One'])).toBe(false);
	});
});

describe('timezone options', () => {
	it('UTC first, every zone once, with the offset at the given moment (daylight saving time included)', () => {
		const winter = timezoneOptions(new Date('2026-01-15T12:00:00Z'));
		const summer = timezoneOptions(new Date('2026-07-15T12:00:00Z'));
		expect(winter[0]).toEqual({ name: 'UTC', value: 'UTC', description: 'UTC+00:00 now' });
		expect(new Set(winter.map((z) => z.value)).size).toBe(winter.length);
		// A named abbreviation only where the runtime has one (PST); "GMT+1" would repeat the offset.
		expect(winter.find((z) => z.value === 'Europe/Berlin')?.description).toBe('UTC+01:00 now');
		expect(summer.find((z) => z.value === 'Europe/Berlin')?.description).toBe('UTC+02:00 now');
		expect(winter.find((z) => z.value === 'America/Los_Angeles')?.description).toBe('UTC-08:00 now (PST)');
		expect(summer.find((z) => z.value === 'Asia/Kolkata')?.description).toMatch(/^UTC\+05:30 now/);
	});
});
