import fc from 'fast-check';

import {
	callingUpdateFromFields,
	parseUriUserParams,
	sipServersFromParameter,
	validateSipHostname,
	validateSipPort,
} from '../../../nodes/WhatsAppCalling/helpers/updateBody';
import { InputError } from '../../../nodes/shared/validation';

function errorOf(fn: () => unknown): InputError {
	try {
		fn();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('expected an InputError');
}

describe('callingUpdateFromFields', () => {
	it('sends only the fields given', () => {
		expect(callingUpdateFromFields({ status: 'DISABLED' })).toEqual({ status: 'DISABLED' });
		expect(callingUpdateFromFields({ callIconVisibility: 'DISABLE_ALL', srtpKeyExchangeProtocol: 'sdes' })).toEqual({
			call_icon_visibility: 'DISABLE_ALL',
			srtp_key_exchange_protocol: 'SDES',
		});
	});

	it('maps every field to Meta names', () => {
		expect(
			callingUpdateFromFields({
				status: 'ENABLED',
				callIconVisibility: 'DEFAULT',
				callbackPermissionStatus: 'ENABLED',
				srtpKeyExchangeProtocol: 'DTLS',
				restrictToUserCountries: 'us, br',
				sipStatus: 'ENABLED',
				sipServers: { server: [{ hostname: 'SIP.Example.com', port: 5060, requestUriUserParams: 'tgrp=a' }] },
			}),
		).toEqual({
			status: 'ENABLED',
			call_icon_visibility: 'DEFAULT',
			callback_permission_status: 'ENABLED',
			srtp_key_exchange_protocol: 'DTLS',
			call_icons: { restrict_to_user_countries: ['US', 'BR'] },
			sip: {
				status: 'ENABLED',
				servers: [{ hostname: 'sip.example.com', port: 5060, request_uri_user_params: { tgrp: 'a' } }],
			},
		});
	});

	it('sends an empty country list as "no restriction"', () => {
		expect(callingUpdateFromFields({ restrictToUserCountries: '' })).toEqual({
			call_icons: { restrict_to_user_countries: [] },
		});
	});

	it('sends SIP status alone without touching the servers', () => {
		expect(callingUpdateFromFields({ sipStatus: 'DISABLED' })).toEqual({ sip: { status: 'DISABLED' } });
	});

	it('sends an empty server list when SIP Servers was added without a server (deletes the stored one)', () => {
		expect(callingUpdateFromFields({ sipServers: {} })).toEqual({ sip: { servers: [] } });
	});

	it('rejects an empty update, naming the field', () => {
		expect(errorOf(() => callingUpdateFromFields({})).message).toBe('updateFields: add at least one field to update');
		expect(errorOf(() => callingUpdateFromFields(undefined)).field).toBe('updateFields');
	});

	it.each([
		['status', 'ON', 'updateFields.status: must be one of ENABLED, DISABLED'],
		['callIconVisibility', 'HIDDEN', 'updateFields.callIconVisibility: must be one of DEFAULT, DISABLE_ALL'],
		['callbackPermissionStatus', 3, 'updateFields.callbackPermissionStatus: must be one of ENABLED, DISABLED'],
		['srtpKeyExchangeProtocol', 'DTLS-SRTP', 'updateFields.srtpKeyExchangeProtocol: must be one of DTLS, SDES'],
		['sipStatus', 'maybe', 'updateFields.sipStatus: must be one of ENABLED, DISABLED'],
	])('rejects a bad %s', (field, value, message) => {
		expect(errorOf(() => callingUpdateFromFields({ [field]: value })).message).toBe(message);
	});

	it('rejects a bad country code with the field name', () => {
		expect(errorOf(() => callingUpdateFromFields({ restrictToUserCountries: 'US, USA' })).field).toMatch(
			/^updateFields\.restrictToUserCountries/,
		);
	});

	it('names the bad server entry', () => {
		const error = errorOf(() =>
			callingUpdateFromFields({ sipServers: { server: [{ hostname: 'sip://x', port: 1 }] } }),
		);
		expect(error.field).toBe('updateFields.sipServers[0].hostname');
	});
});

describe('SIP values', () => {
	it.each(['sip.example.com', 'a-b.c-d.example', '8.8.8.8', '203.0.114.1', '1.0.0.1', 'sip1.example.com', '9.example'])(
		'accepts host %s',
		(host) => {
			expect(validateSipHostname(` ${host} `, 'h')).toBe(host);
		},
	);

	it('lowercases a host name', () => {
		expect(validateSipHostname('SIP.Example.COM', 'h')).toBe('sip.example.com');
	});

	it.each(['', 'sip://example.com', 'example.com:5061', 'ex ample.com', '-bad.example', 'a..b', 'x/y', 42])(
		'rejects host %p',
		(host) => {
			expect(errorOf(() => validateSipHostname(host, 'h')).rule).toMatch(/host name/);
		},
	);

	// Issue 19: a host Meta cannot reach (or must not be pointed at), or a number that is no address.
	it.each([
		'999.999.999.999',
		'256.1.1.1',
		'1.2.3',
		'1.2.3.4.5',
		'127.1',
		'0x7f.0.0.1',
		'010.1.1.1',
		'2130706433',
		'localhost',
		'LOCALHOST',
		'sip.localhost',
		'localhost.localdomain',
		'printer.local',
		'sip.internal',
		'router.home.arpa',
		'sipserver',
		'127.0.0.1',
		'127.255.255.254',
		'0.0.0.0',
		'169.254.169.254',
		'169.254.0.1',
		'10.0.0.1',
		'172.16.0.1',
		'172.31.255.255',
		'192.168.1.10',
		'100.64.0.1',
		'192.0.2.1',
		'198.18.0.1',
		'198.51.100.7',
		'203.0.113.9',
		'224.0.0.1',
		'255.255.255.255',
		'::1',
		'[::1]',
		'fe80::1',
		'fc00::1',
		'fd12:3456::1',
		'::ffff:127.0.0.1',
		'::ffff:169.254.169.254',
		'sip.exampl\u212a.com', // Kelvin sign: lowercases to an ASCII k
	])('refuses host %p, naming the field', (host) => {
		const error = errorOf(() => validateSipHostname(host, 'updateFields.sipServers[0].hostname'));
		expect(error.field).toBe('updateFields.sipServers[0].hostname');
		expect(error.rule).toMatch(/^must be a host name like sip.example.com or a public IPv4 address/);
	});

	it('next to refused blocks, public addresses pass', () => {
		for (const host of ['9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '126.255.255.255', '128.0.0.0',
			'169.253.255.255', '169.255.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '192.169.0.0', '223.255.255.255']) {
			expect(validateSipHostname(host, 'h')).toBe(host);
		}
	});

	it('defaults the port to 5061 (TLS)', () => {
		expect(validateSipPort(undefined, 'p')).toBe(5061);
		expect(validateSipPort('', 'p')).toBe(5061);
	});

	it('accepts decimal text from an expression', () => {
		expect(validateSipPort('5062', 'p')).toBe(5062);
		expect(validateSipPort(' 5060 ', 'p')).toBe(5060);
	});

	// Issue 19: Number() reads "1e3" as 1000 and "0x13c4" as 5060, ports the user never typed.
	it.each(['1e3', '0x13c4', '5061.0', '+5061', '5 061', '0b1', ' ', 'NaN', '65536', '0', '9007199254740994', 9007199254740994])(
		'refuses port %p, naming the field',
		(port) => {
			const error = errorOf(() => validateSipPort(port, 'updateFields.sipServers[0].port'));
			expect(error.field).toBe('updateFields.sipServers[0].port');
			expect(error.rule).toMatch(/^must be a whole number from 1 to 65535/);
		},
	);

	it('accepts every port 1-65535 and rejects the rest', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 65535 }), (port) => validateSipPort(port, 'p') === port),
		);
		fc.assert(
			fc.property(
				fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 65536 }), fc.double({ min: 1.01, max: 65534.99, noInteger: true })),
				(port) => errorOf(() => validateSipPort(port, 'p')).message.startsWith('p: must be a whole number from 1 to 65535'),
			),
		);
	});

	it('reads key=value pairs and objects', () => {
		expect(parseUriUserParams('tgrp=trunk1, trunk-context=example.com,,', 'f')).toEqual({
			tgrp: 'trunk1',
			'trunk-context': 'example.com',
		});
		expect(parseUriUserParams({ a: 1 }, 'f')).toEqual({ a: '1' });
		expect(parseUriUserParams('', 'f')).toEqual({});
		expect(errorOf(() => parseUriUserParams('=x', 'f')).field).toBe('f');
		expect(errorOf(() => parseUriUserParams('novalue', 'f')).field).toBe('f');
		expect(errorOf(() => parseUriUserParams(5, 'f')).field).toBe('f');
	});

	// Issue 19: each pair becomes ";name=value" in the SIP request URI, which these characters would reshape.
	it.each(['tgrp=a;b', 'tgrp=a@evil.example', 'tgrp=a=b', 'tgrp=a?x', 'tg rp=a', 'tgrp=a b', 'a;b=c', 'a@b=c', 'a?b=c', 'tgrp=a\tb'])(
		'refuses %p naming the field',
		(text) => {
			const error = errorOf(() => parseUriUserParams(text, 'updateFields.sipServers[0].requestUriUserParams'));
			expect(error.field).toBe('updateFields.sipServers[0].requestUriUserParams');
			expect(error.rule).toMatch(/without ; @ = \? or spaces/);
		},
	);

	it('refuses the same characters in an object from an expression', () => {
		for (const params of [{ tgrp: 'a;b' }, { 'a@b': 'c' }, { tgrp: 'x y' }, { 'a=b': 'c' }, { tgrp: 'a?b' }, { '': 'x' }]) {
			expect(errorOf(() => parseUriUserParams(params, 'f')).rule).toMatch(/without ; @ = \? or spaces/);
		}
	});

	it('round-trips any key=value map through its text form', () => {
		const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
		const value = fc.stringMatching(/^[a-z0-9.-]{0,10}$/);
		fc.assert(
			fc.property(fc.dictionary(key, value), (params) => {
				const text = Object.entries(params)
					.map(([k, v]) => `${k}=${v}`)
					.join(', ');
				expect(parseUriUserParams(text, 'f')).toEqual(params);
			}),
		);
	});

	it('reads the server list', () => {
		expect(sipServersFromParameter({ server: [{ hostname: 'a.example', port: '5062' }] })).toEqual([
			{ hostname: 'a.example', port: 5062 },
		]);
		expect(sipServersFromParameter([{ hostname: 'b.example' }])).toEqual([{ hostname: 'b.example', port: 5061 }]);
		expect(errorOf(() => sipServersFromParameter({ server: 'x' })).field).toBe('sipServers');
		expect(errorOf(() => sipServersFromParameter({ server: ['x'] })).field).toBe('sipServers[0]');
		expect(errorOf(() => sipServersFromParameter({ server: [{ hostname: 'a.b' }, { hostname: 'c.d' }] })).rule).toMatch(
			/at most one server/,
		);
	});
});
