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
	it.each(['sip.example.com', 'localhost', '10.0.0.1', 'a-b.c-d.example'])('accepts host %s', (host) => {
		expect(validateSipHostname(` ${host} `, 'h')).toBe(host);
	});

	it.each(['', 'sip://example.com', 'example.com:5061', 'ex ample.com', '-bad.example', 'a..b', 'x/y', 42])(
		'rejects host %p',
		(host) => {
			expect(errorOf(() => validateSipHostname(host, 'h')).rule).toMatch(/host name/);
		},
	);

	it('defaults the port to 5061 (TLS)', () => {
		expect(validateSipPort(undefined, 'p')).toBe(5061);
		expect(validateSipPort('', 'p')).toBe(5061);
	});

	it('accepts every port 1-65535 and rejects the rest', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 65535 }), (port) => validateSipPort(port, 'p') === port),
		);
		fc.assert(
			fc.property(
				fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 65536 }), fc.double({ min: 1.01, max: 65534.99, noInteger: true })),
				(port) => errorOf(() => validateSipPort(port, 'p')).message === 'p: must be a whole number from 1 to 65535',
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
