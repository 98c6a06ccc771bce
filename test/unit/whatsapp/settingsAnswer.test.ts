import {
	isCallingEnabled,
	normalizeCalling,
	normalizeEnum,
	normalizeRestrictions,
	readCallingSettings,
} from '../../../nodes/WhatsAppCalling/actions/api';

describe('normalizeEnum', () => {
	it.each([
		['enabled', 'ENABLED'],
		[' Disabled ', 'DISABLED'],
		['visible', 'DEFAULT'],
		['hidden', 'DISABLE_ALL'],
		['DTLS-SRTP', 'DTLS'],
		['sdes-srtp', 'SDES'],
		['NOT_SET', 'NOT_SET'],
		['not_set', 'NOT_SET'],
	])('%s -> %s', (input, expected) => {
		expect(normalizeEnum(input)).toBe(expected);
	});

	it('leaves non-strings alone', () => {
		expect(normalizeEnum(undefined)).toBeUndefined();
		expect(normalizeEnum(3)).toBe(3);
	});
});

describe('normalizeCalling', () => {
	it('uppercases every enum Meta spells in lowercase and keeps unknown fields', () => {
		const calling = normalizeCalling({
			status: 'enabled',
			call_icon_visibility: 'hidden',
			callback_permission_status: 'disabled',
			srtp_key_exchange_protocol: 'DTLS-SRTP',
			sip: { status: 'disabled', servers: [{ hostname: 'sip.example.com', port: 5061 }] },
			call_hours: {
				status: 'enabled',
				timezone_id: 'Europe/Berlin',
				weekly_operating_hours: [{ day_of_week: 'monday', open_time: '0900', close_time: '1700' }],
			},
			audio: { additional_codecs: ['PCMA'] },
		});
		expect(calling).toEqual({
			status: 'ENABLED',
			call_icon_visibility: 'DISABLE_ALL',
			callback_permission_status: 'DISABLED',
			srtp_key_exchange_protocol: 'DTLS',
			sip: { status: 'DISABLED', servers: [{ hostname: 'sip.example.com', port: 5061 }] },
			call_hours: {
				status: 'ENABLED',
				timezone_id: 'Europe/Berlin',
				weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }],
			},
			audio: { additional_codecs: ['PCMA'] },
		});
	});

	it('does not add fields Meta left out', () => {
		expect(normalizeCalling({ status: 'NOT_SET' })).toEqual({ status: 'NOT_SET' });
	});

	it('gives an empty object for a missing calling object', () => {
		expect(normalizeCalling(undefined)).toEqual({});
		expect(normalizeCalling('x')).toEqual({});
	});
});

describe('normalizeRestrictions', () => {
	const entry = { type: 'RESTRICTED_USER_INITIATED_CALLING', reason: 'low pickup', expiration: 1767225600 };
	const expected = [
		{
			type: 'RESTRICTED_USER_INITIATED_CALLING',
			reason: 'low pickup',
			expiration: 1767225600,
			expiresAt: '2026-01-01T00:00:00.000Z',
		},
	];

	it.each([
		['restriction_list', { restrictions: { restriction_list: [entry] } }],
		['restrictions_list', { restrictions: { restrictions_list: [entry] } }],
		['restrictions.restrictions', { restrictions: { restrictions: [entry] } }],
		['a bare array', { restrictions: [entry] }],
		['inside calling', { calling: { restrictions: { restriction_list: [entry] } } }],
	])('reads the list spelled as %s', (_name, answer) => {
		expect(normalizeRestrictions(answer)).toEqual(expected);
	});

	it('accepts the expiration as a string and a lowercase type, and skips junk', () => {
		const answer = {
			restrictions: {
				restriction_list: [{ type: 'restricted_business_initiated_calling', expiration: '1767225600' }, 'junk', { reason: 'x' }],
			},
		};
		expect(normalizeRestrictions(answer)).toEqual([
			{
				type: 'RESTRICTED_BUSINESS_INITIATED_CALLING',
				reason: null,
				expiration: 1767225600,
				expiresAt: '2026-01-01T00:00:00.000Z',
			},
		]);
	});

	it('gives [] when there are none', () => {
		expect(normalizeRestrictions({ calling: { status: 'ENABLED' } })).toEqual([]);
		expect(normalizeRestrictions(null)).toEqual([]);
		expect(normalizeRestrictions({ restrictions: { restriction_list: null } })).toEqual([]);
	});
});

describe('readCallingSettings', () => {
	it('moves restrictions out of calling into one list', () => {
		const settings = readCallingSettings({
			calling: { status: 'ENABLED', restrictions: { restrictions_list: [{ type: 'X', expiration: null }] } },
		});
		expect(settings.calling).toEqual({ status: 'ENABLED' });
		expect(settings.restrictions).toEqual([{ type: 'X', reason: null, expiration: null, expiresAt: null }]);
	});
});

describe('isCallingEnabled', () => {
	it.each([
		['ENABLED', true],
		['enabled', true],
		['DISABLED', false],
		['NOT_SET', false],
		[undefined, false],
	])('%s -> %s', (status, expected) => {
		expect(isCallingEnabled(status === undefined ? {} : { status })).toBe(expected);
	});
});
