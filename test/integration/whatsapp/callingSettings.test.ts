import { DEMO, NINE_TO_FIVE, berlinDate, jsonOf, runWhatsApp, storeHolidays, useSandbox, writes } from './setup';

const sandbox = useSandbox();

describe('callingSettings get', () => {
	it('outputs calling with Meta field names and an empty restrictions list', async () => {
		const [out] = jsonOf(await runWhatsApp(sandbox.current, { resource: 'callingSettings', operation: 'get' }));
		expect(out.phoneNumberId).toBe(DEMO.phoneNumberId);
		expect(out.calling).toMatchObject({
			status: 'ENABLED',
			call_icon_visibility: 'DEFAULT',
			callback_permission_status: 'DISABLED',
			srtp_key_exchange_protocol: 'DTLS',
			call_hours: { status: 'ENABLED', timezone_id: 'Europe/Berlin', weekly_operating_hours: NINE_TO_FIVE },
		});
		expect(out.restrictions).toEqual([]);
		expect(sandbox.current.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /${DEMO.phoneNumberId}/settings`]);
	});

	it.each(['restriction_list', 'restrictions_list', 'restrictions'] as const)(
		'reads Meta\'s other spellings (lowercase, visible/hidden, DTLS-SRTP, %s)',
		async (restrictionListKey) => {
			const expiration = Math.floor(Date.now() / 1000) + 86400;
			sandbox.current.updateObject(DEMO.phoneNumberId, {
				answerStyle: { lowercaseEnums: true, iconVisibilityWords: true, srtpWithSuffix: true, restrictionListKey },
				restrictions: [{ type: 'RESTRICTED_USER_INITIATED_CALLING', reason: 'low pickup rate', expiration }],
			});
			const [out] = jsonOf(await runWhatsApp(sandbox.current, { resource: 'callingSettings', operation: 'get' }));
			expect(out.calling).toMatchObject({
				status: 'ENABLED',
				call_icon_visibility: 'DEFAULT',
				srtp_key_exchange_protocol: 'DTLS',
				call_hours: { status: 'ENABLED', weekly_operating_hours: NINE_TO_FIVE },
			});
			expect(out.restrictions).toEqual([
				{
					type: 'RESTRICTED_USER_INITIATED_CALLING',
					reason: 'low pickup rate',
					expiration,
					expiresAt: new Date(expiration * 1000).toISOString(),
				},
			]);
		},
	);

	it('reads NOT_SET for a number that never set anything', async () => {
		sandbox.current.updateObject(DEMO.disabledPhoneNumberId, { answerStyle: { notSetForUnset: true } });
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				phoneNumberId: DEMO.disabledPhoneNumberId,
				resource: 'callingSettings',
				operation: 'get',
			}),
		);
		expect((out.calling as { status: string }).status).toBe('DISABLED');
		expect(JSON.stringify(out.calling)).toContain('NOT_SET');
	});

	it('asks for SIP credentials only when the option is on', async () => {
		await runWhatsApp(sandbox.current, {
			resource: 'callingSettings',
			operation: 'get',
			options: { includeSipCredentials: true },
		});
		expect(sandbox.current.requests[0].query.include_sip_credentials).toBe('true');
		await runWhatsApp(sandbox.current, { resource: 'callingSettings', operation: 'get' });
		expect(sandbox.current.requests[1].query.include_sip_credentials).toBeUndefined();
	});
});

describe('callingSettings update', () => {
	it('sends only the given fields; everything else stays stored', async () => {
		const before = structuredClone(sandbox.current.phoneNumber(DEMO.phoneNumberId).calling);
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'callingSettings',
				operation: 'update',
				updateFields: { callIconVisibility: 'DISABLE_ALL', restrictToUserCountries: 'us, br' },
			}),
		);
		expect(out).toMatchObject({ phoneNumberId: DEMO.phoneNumberId, success: true });
		expect(writes(sandbox.current)[0].body).toEqual({
			calling: { call_icon_visibility: 'DISABLE_ALL', call_icons: { restrict_to_user_countries: ['US', 'BR'] } },
		});
		const after = sandbox.current.phoneNumber(DEMO.phoneNumberId).calling;
		expect(after).toEqual({
			...before,
			call_icon_visibility: 'DISABLE_ALL',
			call_icons: { restrict_to_user_countries: ['US', 'BR'] },
		});
	});

	it('sets SIP, callback permission and SRTP', async () => {
		jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'callingSettings',
				operation: 'update',
				updateFields: {
					callbackPermissionStatus: 'ENABLED',
					srtpKeyExchangeProtocol: 'SDES',
					sipStatus: 'ENABLED',
					sipServers: { server: { hostname: 'sip.example.com', port: 5062, requestUriUserParams: 'tgrp=t1' } },
				},
			}),
		);
		const stored = sandbox.current.phoneNumber(DEMO.phoneNumberId).calling;
		expect(stored.callback_permission_status).toBe('ENABLED');
		expect(stored.srtp_key_exchange_protocol).toBe('SDES');
		expect(stored.sip).toMatchObject({
			status: 'ENABLED',
			servers: [{ hostname: 'sip.example.com', port: 5062, request_uri_user_params: { tgrp: 't1' } }],
		});
		expect(stored.call_hours?.weekly_operating_hours).toEqual(NINE_TO_FIVE);
	});

	it('sets audio.additional_codecs, uppercased and deduplicated, and clears them with an empty value', async () => {
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'callingSettings',
				operation: 'update',
				updateFields: { audioAdditionalCodecs: 'pcma, PCMU, PCMA' },
			}),
		);
		expect(writes(sandbox.current).map((r) => r.body)).toEqual([{ calling: { audio: { additional_codecs: ['PCMA', 'PCMU'] } } }]);
		expect(sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.audio).toEqual({ additional_codecs: ['PCMA', 'PCMU'] });
		expect(out).toEqual({ phoneNumberId: DEMO.phoneNumberId, success: true, calling: { audio: { additional_codecs: ['PCMA', 'PCMU'] } } });
		await runWhatsApp(sandbox.current, { resource: 'callingSettings', operation: 'update', updateFields: { audioAdditionalCodecs: '' } });
		expect(sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.audio).toEqual({ additional_codecs: [] });
	});

	it('dry run outputs the exact request and sends nothing', async () => {
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'callingSettings',
				operation: 'update',
				updateFields: { status: 'DISABLED' },
				options: { dryRun: true },
			}),
		);
		expect(out).toMatchObject({
			dryRun: true,
			request: {
				method: 'POST',
				url: `${sandbox.current.url}/v26.0/${DEMO.phoneNumberId}/settings`,
				body: { calling: { status: 'DISABLED' } },
			},
		});
		expect(JSON.stringify(out)).not.toContain('sandbox-access-token');
		expect(sandbox.current.requests).toEqual([]);
		expect(sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.status).toBe('ENABLED');
	});

	it.each([
		[{}, 'Update Fields: add at least one field to update'],
		[{ restrictToUserCountries: 'USA' }, 'Update Fields › Restrict To User Countries › entry 1: must be an ISO 3166-1'],
		[{ sipServers: { server: { hostname: 'sip://x.example', port: 5061 } } }, 'Update Fields › SIP Servers › Server 1 › Hostname: must be a host name'],
		[{ sipServers: { server: { hostname: 'x.example', port: 70000 } } }, 'Update Fields › SIP Servers › Server 1 › Port: must be a whole number from 1 to 65535'],
		[{ audioAdditionalCodecs: 'PCMA, G.711' }, 'Update Fields › Audio Additional Codecs › entry 2: must be a codec name such as PCMA or PCMU (got "G.711")'],
	])('rejects %j before any request', async (updateFields, message) => {
		const result = await runWhatsApp(sandbox.current, { resource: 'callingSettings', operation: 'update', updateFields });
		expect(result.error?.message).toContain(message);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('turns a Meta refusal into an error with Meta\'s code and trace id', async () => {
		sandbox.current.updateObject(DEMO.disabledPhoneNumberId, { messagingLimit: 1000 });
		const result = await runWhatsApp(sandbox.current, {
			phoneNumberId: DEMO.disabledPhoneNumberId,
			resource: 'callingSettings',
			operation: 'update',
			updateFields: { status: 'ENABLED' },
		});
		expect(result.error).toMatchObject({ name: 'NodeApiError', code: 138015, fbtrace_id: expect.any(String) });
		expect(result.error?.description).toContain('messaging limit');
		expect(sandbox.current.phoneNumber(DEMO.disabledPhoneNumberId).calling.status).toBe('DISABLED');
	});
});

describe('callingSettings setCallHours', () => {
	const weeklyHours = {
		hours: [
			{ dayOfWeek: 'MONDAY', openTime: '0800', closeTime: '1200' },
			{ dayOfWeek: 'MONDAY', openTime: '1300', closeTime: '1800' },
			{ dayOfWeek: 'SATURDAY', openTime: '1000', closeTime: '1400' },
		],
	};
	const stored = () => sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours;

	it('keep (default): sends the new hours with the stored future holidays, past ones dropped', async () => {
		const future = berlinDate(30);
		storeHolidays(sandbox.current, [{ date: berlinDate(-3) }, { date: future, start_time: '1200', end_time: '2359' }]);
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'callingSettings',
				operation: 'setCallHours',
				timezoneId: 'America/New_York',
				weeklyHours,
			}),
		);
		expect(stored()).toEqual({
			status: 'ENABLED',
			timezone_id: 'America/New_York',
			weekly_operating_hours: [
				{ day_of_week: 'MONDAY', open_time: '0800', close_time: '1200' },
				{ day_of_week: 'MONDAY', open_time: '1300', close_time: '1800' },
				{ day_of_week: 'SATURDAY', open_time: '1000', close_time: '1400' },
			],
			holiday_schedule: [{ date: future, start_time: '1200', end_time: '2359' }],
		});
		expect(out).toMatchObject({ success: true, holidayMode: 'keep', droppedPastHolidays: [{ date: berlinDate(-3) }] });
		expect(sandbox.current.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
	});

	it('replace: the holidays given become the schedule; read first and checked afterwards, like every call_hours write', async () => {
		storeHolidays(sandbox.current, [{ date: berlinDate(10) }]);
		const date = berlinDate(40);
		jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'callingSettings',
				operation: 'setCallHours',
				callHoursStatus: 'DISABLED',
				timezoneId: 'europe/berlin',
				weeklyHours,
				holidayMode: 'replace',
				holidays: { holiday: [{ date, startTime: '0000', endTime: '2359' }] },
			}),
		);
		expect(stored()?.status).toBe('DISABLED');
		expect(stored()?.timezone_id).toBe('Europe/Berlin');
		expect(stored()?.holiday_schedule).toEqual([{ date, start_time: '0000', end_time: '2359' }]);
		// the read gives the dates this item removes, so that a concurrent writer cannot bring them back unseen
		expect(sandbox.current.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
	});

	it('clear: sends an empty holiday list', async () => {
		storeHolidays(sandbox.current, [{ date: berlinDate(10) }]);
		jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'callingSettings',
				operation: 'setCallHours',
				timezoneId: 'Europe/Berlin',
				weeklyHours,
				holidayMode: 'clear',
			}),
		);
		expect(stored()?.holiday_schedule).toEqual([]);
		expect((writes(sandbox.current)[0].body as any).calling.call_hours.holiday_schedule).toEqual([]);
	});

	it('dry run in keep mode reads, then previews the write', async () => {
		storeHolidays(sandbox.current, [{ date: berlinDate(5) }]);
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'callingSettings',
				operation: 'setCallHours',
				timezoneId: 'Europe/Berlin',
				weeklyHours,
				options: { dryRun: true },
			}),
		);
		expect(sandbox.current.requests.map((r) => r.method)).toEqual(['GET']);
		expect((out.request as any).body.calling.call_hours.holiday_schedule).toEqual([
			{ date: berlinDate(5), start_time: '0000', end_time: '2359' },
		]);
		expect(stored()?.weekly_operating_hours).toEqual(NINE_TO_FIVE);
	});

	it.each([
		[{ timezoneId: 'Mars/Olympus' }, 'Timezone: must be an IANA timezone'],
		[{ weeklyHours: { hours: [] } }, 'Weekly Hours: must not be empty'],
		[{ weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '9am', closeTime: '1700' }] } }, 'Weekly Hours › Opening Window 1 › Open Time: must be a time as hhmm'],
		[{ weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '1700', closeTime: '0900' }] } }, 'Weekly Hours › Opening Window 1 › Close Time: must be later than the open time'],
		[
			{
				weeklyHours: {
					hours: [
						{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1200' },
						{ dayOfWeek: 'MONDAY', openTime: '1100', closeTime: '1300' },
					],
				},
			},
			'Weekly Hours › Opening Window 2: must not overlap Weekly Hours › Opening Window 1',
		],
		[
			{ holidayMode: 'replace', holidays: { holiday: [{ date: '2020-01-01', startTime: '0000', endTime: '2359' }] } },
			'Holidays › Holiday 1 › Date: must not be in the past',
		],
		[{ holidayMode: 'replace', holidaysInput: 'json', holidaysJson: '["2026-02-30"]' }, 'Holidays (JSON) › entry 1 › date: must be a date'],
		[{ holidayMode: 'merge' }, 'Holiday Mode: must be one of keep, replace, clear'],
		[{ callHoursStatus: 'ON' }, 'Call Hours Status: must be ENABLED or DISABLED'],
	])('rejects %j before any request, naming the field', async (bad, field) => {
		const result = await runWhatsApp(sandbox.current, {
			resource: 'callingSettings',
			operation: 'setCallHours',
			timezoneId: 'Europe/Berlin',
			weeklyHours,
			...bad,
		});
		expect(result.error?.message).toContain(field);
		expect(sandbox.current.requests).toEqual([]);
	});
});
