import type { INodeParameters } from 'n8n-workflow';

import { DEMO, runWhatsApp, useSandbox, writes } from './setup';

/*
 * Issue 19, item 5: values that Number(), toUpperCase() or a loose pattern used to let through are refused
 * before any request leaves, in the labels on screen; a timezone goes to Meta spelled as IANA spells it.
 */
const sandbox = useSandbox();

const update = (updateFields: INodeParameters): INodeParameters => ({ resource: 'callingSettings', operation: 'update', updateFields });
const server = (fields: INodeParameters): INodeParameters => ({ sipServers: { server: { hostname: 'sip.example.com', port: 5061, ...fields } } });

const SERVER_LABEL = 'Update Fields › SIP Servers › Server 1';

describe('callingSettings update refuses, before any request', () => {
	it.each([
		['999.999.999.999', 'hostname'],
		['localhost', 'hostname'],
		['169.254.169.254', 'hostname'],
		['127.0.0.1', 'hostname'],
		['10.1.2.3', 'hostname'],
		['fe80::1', 'hostname'],
	])('SIP hostname %p', async (hostname) => {
		const result = await runWhatsApp(sandbox.current, update(server({ hostname })));
		expect(result.error?.message).toMatch(
			new RegExp(`^${SERVER_LABEL} › Hostname: must be a host name like sip.example.com or a public IPv4 address`),
		);
		expect(result.error?.message).toContain(`(got "${hostname}")`);
		expect(sandbox.current.requests).toEqual([]);
	});

	// A port typed as text comes from an expression: `={{ "1e3" }}` is what a workflow would hand over.
	it.each(['1e3', '0x13c4', '5061.5'])('SIP port %p (from an expression)', async (port) => {
		const result = await runWhatsApp(sandbox.current, update(server({ port: `={{ ${JSON.stringify(port)} }}` })));
		expect(result.error?.message).toBe(`${SERVER_LABEL} › Port: must be a whole number from 1 to 65535 (got "${port}")`);
		expect(sandbox.current.requests).toEqual([]);
	});

	it.each(['tgrp=a;b', 'tgrp=a@evil.example', 'tgrp=a=b', 'tgrp=a?x', 'tg rp=a'])('SIP URI parameters %p', async (params) => {
		const result = await runWhatsApp(sandbox.current, update(server({ requestUriUserParams: params })));
		expect(result.error?.message).toMatch(
			new RegExp(`^${SERVER_LABEL} › Request URI User Params: must be name=value pairs separated by commas, without ; @ = \\? or spaces`),
		);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('a country code that only uppercases to one ("ß" -> "SS")', async () => {
		const result = await runWhatsApp(sandbox.current, update({ restrictToUserCountries: 'US, ß' }));
		expect(result.error?.message).toBe(
			'Update Fields › Restrict To User Countries › entry 2: must be an ISO 3166-1 alpha-2 country code, e.g. US or BR (got "ß")',
		);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('still sends a public host, a decimal port from an expression and plain URI parameters', async () => {
		const result = await runWhatsApp(
			sandbox.current,
			update(server({ hostname: 'SIP.Example.com', port: '={{ "5062" }}', requestUriUserParams: 'tgrp=t1, trunk-context=example.com' })),
		);
		expect(result.error).toBeUndefined();
		expect(writes(sandbox.current).map((r) => r.body)).toEqual([
			{
				calling: {
					sip: {
						servers: [{ hostname: 'sip.example.com', port: 5062, request_uri_user_params: { tgrp: 't1', 'trunk-context': 'example.com' } }],
					},
				},
			},
		]);
	});
});

describe('callingSettings setCallHours sends the timezone as IANA spells it', () => {
	it.each([
		['utc', 'UTC'],
		['europe/berlin', 'Europe/Berlin'],
	])('%p is sent as %p', async (typed, sent) => {
		const result = await runWhatsApp(sandbox.current, {
			resource: 'callingSettings',
			operation: 'setCallHours',
			timezoneId: typed,
			weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' }] },
		});
		expect(result.error).toBeUndefined();
		const [write] = writes(sandbox.current);
		expect((write.body as { calling: { call_hours: { timezone_id: string } } }).calling.call_hours.timezone_id).toBe(sent);
		expect(sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours?.timezone_id).toBe(sent);
	});
});
