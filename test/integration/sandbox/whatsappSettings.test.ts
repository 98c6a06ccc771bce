import { DEMO, startSandbox, WHATSAPP_RULES as R, type Sandbox } from '../../../tools/sandbox';
import { expectMetaError, expectRule, graph } from './helpers';

/** 23:30 UTC on 10 March 2026: already 11 March in Tokyo, still 10 March in Los Angeles. */
const NOW = new Date('2026-03-10T23:30:00Z');
const PHONE = `/${DEMO.phoneNumberId}/settings`;

const weekday = (day: string, open = '0900', close = '1700') => ({ day_of_week: day, open_time: open, close_time: close });
const hours = (extra: Record<string, unknown> = {}) => ({
	status: 'ENABLED',
	timezone_id: 'Europe/Berlin',
	weekly_operating_hours: [weekday('MONDAY')],
	...extra,
});
const holiday = (date: string, start = '0000', end = '2359') => ({ date, start_time: start, end_time: end });

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ now: () => NOW });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const post = (calling: unknown, path = PHONE) => graph(sandbox, 'POST', path, { body: { calling } });
const get = (query?: Record<string, string>, path = PHONE) => graph(sandbox, 'GET', path, { query });

describe('GET /<PHONE_NUMBER_ID>/settings', () => {
	it('answers the seeded calling settings of phone 1 in the seed page shape', async () => {
		const result = await get();
		expect(result.status).toBe(200);
		expect(result.body.calling).toMatchObject({
			status: 'ENABLED',
			call_icon_visibility: 'DEFAULT',
			call_hours: { status: 'ENABLED', timezone_id: 'Europe/Berlin', holiday_schedule: [] },
		});
		expect(result.body.calling.call_hours.weekly_operating_hours.map((h: any) => h.day_of_week)).toEqual([
			'MONDAY',
			'TUESDAY',
			'WEDNESDAY',
			'THURSDAY',
			'FRIDAY',
		]);
		expect(result.body.restrictions).toBeUndefined();
	});

	it('answers phone 2 with calling disabled and no call hours', async () => {
		const result = await get(undefined, `/${DEMO.disabledPhoneNumberId}/settings`);
		expect(result.body.calling.status).toBe('DISABLED');
		expect(result.body.calling.call_hours).toBeUndefined();
	});

	it('adds the restrictions object only while a restriction is in force', async () => {
		const inForce = { type: 'RESTRICTED_BIZ_INITIATED_AND_USER_INITIATED_CALLING', reason: 'low quality', expiration: 1773800000 };
		const expired = { ...inForce, type: 'RESTRICTED_USER_INITIATED_CALLING', expiration: 1773000000 };
		sandbox.setRestrictions(DEMO.phoneNumberId, [inForce, expired]);
		const result = await get();
		expect(result.body.restrictions).toEqual({ restriction_list: [inForce] });
	});
});

describe('POST /<PHONE_NUMBER_ID>/settings rejects each documented bad input with error 100', () => {
	const cases: Array<[string, unknown, string]> = [
		['status not an enum', { status: 'ON' }, R.invalidStatus],
		['lower-case status (send the seed page spelling)', { status: 'enabled' }, R.invalidStatus],
		['call_hours status not an enum', { call_hours: hours({ status: 'YES' }) }, R.invalidStatus],
		['callback_permission_status not an enum', { callback_permission_status: 'MAYBE' }, R.invalidStatus],
		['sip.status not an enum', { sip: { status: 'ON' } }, R.invalidStatus],
		['unknown timezone', { call_hours: hours({ timezone_id: 'Mars/Olympus' }) }, R.invalidTimezone],
		['missing timezone', { call_hours: hours({ timezone_id: undefined }) }, R.invalidTimezone],
		['empty weekly hours', { call_hours: hours({ weekly_operating_hours: [] }) }, R.emptyWeekly],
		['missing weekly hours', { call_hours: hours({ weekly_operating_hours: undefined }) }, R.emptyWeekly],
		[
			'three entries on one day',
			{ call_hours: hours({ weekly_operating_hours: [weekday('MONDAY', '0800', '0900'), weekday('MONDAY', '1000', '1100'), weekday('MONDAY', '1200', '1300')] }) },
			R.tooManyPerDay,
		],
		[
			'overlapping entries',
			{ call_hours: hours({ weekly_operating_hours: [weekday('MONDAY', '0900', '1200'), weekday('MONDAY', '1100', '1400')] }) },
			R.overlap,
		],
		['close before open', { call_hours: hours({ weekly_operating_hours: [weekday('MONDAY', '1700', '0900')] }) }, R.openBeforeClose],
		['open equals close', { call_hours: hours({ weekly_operating_hours: [weekday('MONDAY', '0900', '0900')] }) }, R.openBeforeClose],
		['time not hhmm', { call_hours: hours({ weekly_operating_hours: [weekday('MONDAY', '9:00', '1700')] }) }, R.invalidSchedule],
		['hour 24', { call_hours: hours({ weekly_operating_hours: [weekday('MONDAY', '0900', '2400')] }) }, R.invalidSchedule],
		['unknown day', { call_hours: hours({ weekly_operating_hours: [weekday('MON')] }) }, R.invalidSchedule],
		['holiday date with slashes', { call_hours: hours({ holiday_schedule: [holiday('2026/12/25')] }) }, R.badHolidayDate],
		['holiday date that does not exist', { call_hours: hours({ holiday_schedule: [holiday('2026-02-30')] }) }, R.badHolidayDate],
		['holiday in the past', { call_hours: hours({ holiday_schedule: [holiday('2026-03-09')] }) }, R.pastHoliday],
		[
			'21 holidays',
			{ call_hours: hours({ holiday_schedule: Array.from({ length: 21 }, (_, i) => holiday(`2026-04-${String(i + 1).padStart(2, '0')}`)) }) },
			R.tooManyHolidays,
		],
		['holiday end before start', { call_hours: hours({ holiday_schedule: [holiday('2026-12-25', '1200', '1000')] }) }, R.openBeforeClose],
		[
			'overlapping holidays on one date',
			{ call_hours: hours({ holiday_schedule: [holiday('2026-12-25', '0000', '1200'), holiday('2026-12-25', '1100', '1300')] }) },
			R.overlap,
		],
		['call_icon_visibility not an enum', { call_icon_visibility: 'HIDDEN' }, R.invalidIconVisibility],
		['country code not ISO', { call_icons: { restrict_to_user_countries: ['usa'] } }, R.invalidCountries],
		['srtp protocol not an enum', { srtp_key_exchange_protocol: 'ZRTP' }, R.invalidSrtp],
		['two SIP servers', { sip: { status: 'ENABLED', servers: [{ hostname: 'a.example' }, { hostname: 'b.example' }] } }, R.oneSipServer],
		['SIP port out of range', { sip: { servers: [{ hostname: 'a.example', port: 70000 }] } }, R.invalidSipPort],
		['unknown calling field', { colour: 'blue' }, 'Param calling[colour] is not a valid parameter'],
	];

	it.each(cases)('%s', async (_name, calling, rule) => {
		const before = JSON.stringify(sandbox.phoneNumber(DEMO.phoneNumberId).calling);
		expectRule(await post(calling), rule);
		// A refused update must not touch what Meta stores.
		expect(JSON.stringify(sandbox.phoneNumber(DEMO.phoneNumberId).calling)).toBe(before);
	});

	it('asks for the calling parameter when it is missing', async () => {
		const error = expectMetaError(await graph(sandbox, 'POST', PHONE, { body: {} }), 100);
		expect(error.message).toBe('(#100) The parameter calling is required');
	});

	it('gives each error its own fbtrace_id', async () => {
		const first = await post({ status: 'ON' });
		const second = await post({ status: 'ON' });
		expect(first.body.error.fbtrace_id).not.toBe(second.body.error.fbtrace_id);
	});
});

describe('holiday dates are judged in the call_hours timezone', () => {
	it('refuses a date that is already yesterday in Tokyo', async () => {
		expectRule(await post({ call_hours: hours({ timezone_id: 'Asia/Tokyo', holiday_schedule: [holiday('2026-03-10')] }) }), R.pastHoliday);
	});

	it("accepts the same date as today in Los Angeles", async () => {
		const result = await post({ call_hours: hours({ timezone_id: 'America/Los_Angeles', holiday_schedule: [holiday('2026-03-10')] }) });
		expect(result.body).toEqual({ success: true });
	});
});

describe('update semantics', () => {
	it('replaces call_hours as a whole: weekly hours are not merged', async () => {
		await post({ call_hours: hours({ weekly_operating_hours: [weekday('SATURDAY', '1000', '1400')] }) });
		const stored = (await get()).body.calling.call_hours;
		expect(stored.weekly_operating_hours).toEqual([weekday('SATURDAY', '1000', '1400')]);
	});

	it('deletes the holidays when call_hours comes without holiday_schedule', async () => {
		await post({ call_hours: hours({ holiday_schedule: [holiday('2026-12-25'), holiday('2026-12-26', '0900', '1200')] }) });
		expect((await get()).body.calling.call_hours.holiday_schedule).toHaveLength(2);
		const result = await post({ call_hours: hours() });
		expect(result.body).toEqual({ success: true });
		expect((await get()).body.calling.call_hours.holiday_schedule).toEqual([]);
	});

	it('merges other fields one by one', async () => {
		await post({ callback_permission_status: 'ENABLED' });
		const calling = (await get()).body.calling;
		expect(calling.callback_permission_status).toBe('ENABLED');
		expect(calling.status).toBe('ENABLED');
		expect(calling.call_hours.timezone_id).toBe('Europe/Berlin');
	});

	it('accepts a form-encoded body with calling as JSON text', async () => {
		const result = await graph(sandbox, 'POST', PHONE, { form: true, body: { calling: { call_icon_visibility: 'DISABLE_ALL' } } });
		expect(result.body).toEqual({ success: true });
		expect(sandbox.phoneNumber(DEMO.phoneNumberId).calling.call_icon_visibility).toBe('DISABLE_ALL');
	});

	it('keeps the SIP password secret unless include_sip_credentials=true, and deletes the server on []', async () => {
		await post({ sip: { status: 'ENABLED', servers: [{ hostname: 'sip.example.com', request_uri_user_params: { tgrp: 'a' } }] } });
		const plain = (await get()).body.calling.sip;
		expect(plain).toEqual({
			status: 'ENABLED',
			servers: [{ hostname: 'sip.example.com', port: 5061, request_uri_user_params: { tgrp: 'a' } }],
		});
		const withCredentials = (await get({ include_sip_credentials: 'true' })).body.calling.sip;
		expect(withCredentials.servers[0].sip_user_password).toEqual(expect.any(String));

		await post({ sip: { status: 'DISABLED' } });
		expect((await get()).body.calling.sip.servers).toHaveLength(1);
		await post({ sip: { servers: [] } });
		expect((await get()).body.calling.sip).toEqual({ status: 'DISABLED', servers: [] });
	});
});

describe('calling errors where they apply', () => {
	it('138015 when enabling calling below a messaging limit of 2000', async () => {
		sandbox.updateObject(DEMO.disabledPhoneNumberId, { messagingLimit: 1000 });
		const error = expectMetaError(await post({ status: 'ENABLED' }, `/${DEMO.disabledPhoneNumberId}/settings`), 138015);
		expect(error.error_data.details).toMatch(/2000/);
		expect(sandbox.phoneNumber(DEMO.disabledPhoneNumberId).calling.status).toBe('DISABLED');
	});

	it('138018 when the prerequisites are not met', async () => {
		sandbox.updateObject(DEMO.disabledPhoneNumberId, { callingPrerequisitesMet: false });
		expectMetaError(await post({ status: 'ENABLED' }, `/${DEMO.disabledPhoneNumberId}/settings`), 138018);
	});

	it('138000 from the calls endpoint of a number without calling, 131055 while SIP is enabled', async () => {
		expectMetaError(await graph(sandbox, 'POST', `/${DEMO.disabledPhoneNumberId}/calls`, { body: {} }), 138000);
		await post({ sip: { status: 'ENABLED', servers: [{ hostname: 'sip.example.com' }] } });
		expectMetaError(await graph(sandbox, 'POST', `/${DEMO.phoneNumberId}/calls`, { body: {} }), 131055);
	});
});

describe('bulk phone numbers', () => {
	it('creates copies of phone 1 in the demo WABA', async () => {
		const bulk = await startSandbox({ bulkPhoneNumbers: 3 });
		try {
			const ids = Object.keys(bulk.state.phoneNumbers).filter((id) => id.startsWith('31'));
			expect(ids.sort()).toEqual(['3100000000000000', '3100000000000001', '3100000000000002']);
			const result = await graph(bulk, 'GET', '/3100000000000002/settings');
			expect(result.body.calling.call_hours.timezone_id).toBe('Europe/Berlin');
			const list = await graph(bulk, 'GET', `/${DEMO.wabaId}/phone_numbers`);
			expect(list.body.data).toHaveLength(5);
		} finally {
			await bulk.close();
		}
	});
});
