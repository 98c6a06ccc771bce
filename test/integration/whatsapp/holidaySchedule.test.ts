import { DEMO, NINE_TO_FIVE, berlinDate, jsonOf, runWhatsApp, storeHolidays, useSandbox, writes } from './setup';

const sandbox = useSandbox();
const storedHours = () => sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_hours!;
const whole = (date: string) => ({ date, start_time: '0000', end_time: '2359' });

describe('holidaySchedule get', () => {
	it('outputs one item per stored holiday with the timezone, sorted, flagging past ones', async () => {
		storeHolidays(sandbox.current, [{ date: berlinDate(20), start_time: '1200', end_time: '2359' }, { date: berlinDate(-2) }]);
		const out = jsonOf(await runWhatsApp(sandbox.current, { resource: 'holidaySchedule', operation: 'get' }));
		expect(out).toEqual([
			{ phoneNumberId: DEMO.phoneNumberId, timezoneId: 'Europe/Berlin', hasCallHours: true, date: berlinDate(-2), startTime: '0000', endTime: '2359', past: true },
			{ phoneNumberId: DEMO.phoneNumberId, timezoneId: 'Europe/Berlin', hasCallHours: true, date: berlinDate(20), startTime: '1200', endTime: '2359', past: false },
		]);
	});

	it('outputs one item with an empty date when there are none', async () => {
		const out = jsonOf(await runWhatsApp(sandbox.current, { resource: 'holidaySchedule', operation: 'get' }));
		expect(out).toEqual([
			{ phoneNumberId: DEMO.phoneNumberId, timezoneId: 'Europe/Berlin', hasCallHours: true, date: null, startTime: null, endTime: null },
		]);
	});

	it('says when no call hours are stored at all', async () => {
		const out = jsonOf(
			await runWhatsApp(sandbox.current, { phoneNumberId: DEMO.disabledPhoneNumberId, resource: 'holidaySchedule', operation: 'get' }),
		);
		expect(out).toEqual([
			{ phoneNumberId: DEMO.disabledPhoneNumberId, timezoneId: null, hasCallHours: false, date: null, startTime: null, endTime: null },
		]);
	});
});

describe('holidaySchedule add', () => {
	it('adds to the stored schedule and writes back the whole call_hours unchanged otherwise', async () => {
		const kept = berlinDate(10);
		const added = berlinDate(30);
		storeHolidays(sandbox.current, [{ date: kept, start_time: '1300', end_time: '2359' }, { date: berlinDate(-1) }]);
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'holidaySchedule',
				operation: 'add',
				holidays: { holiday: [{ date: added, startTime: '0000', endTime: '2359' }] },
			}),
		);
		expect(storedHours()).toEqual({
			status: 'ENABLED',
			timezone_id: 'Europe/Berlin',
			weekly_operating_hours: NINE_TO_FIVE,
			holiday_schedule: [{ date: kept, start_time: '1300', end_time: '2359' }, whole(added)],
		});
		expect(out).toMatchObject({
			success: true,
			added: [added],
			updated: [],
			droppedPastHolidays: [{ date: berlinDate(-1), startTime: '0000', endTime: '2359' }],
			timezoneId: 'Europe/Berlin',
			writes: 1,
			verified: true,
		});
		// read, write, and one read a few seconds later: no concurrent writer dropped the change
		expect(sandbox.current.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
	});

	it('updates a date already stored instead of doubling it; JSON input, a date alone is the whole day', async () => {
		const date = berlinDate(12);
		storeHolidays(sandbox.current, [{ date, start_time: '1200', end_time: '1400' }]);
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'holidaySchedule',
				operation: 'add',
				holidaysInput: 'json',
				holidaysJson: JSON.stringify([date, { date: berlinDate(13), startTime: '1000', endTime: '1100' }]),
			}),
		);
		expect(storedHours().holiday_schedule).toEqual([whole(date), { date: berlinDate(13), start_time: '1000', end_time: '1100' }]);
		expect(out).toMatchObject({ added: [berlinDate(13)], updated: [date] });
	});

	it('refuses more than 20 after merging, listing count and dates, and writes nothing', async () => {
		storeHolidays(sandbox.current, Array.from({ length: 19 }, (_, i) => ({ date: berlinDate(i + 1) })));
		const result = await runWhatsApp(sandbox.current, {
			resource: 'holidaySchedule',
			operation: 'add',
			holidays: { holiday: [{ date: berlinDate(40) }, { date: berlinDate(41) }] },
		});
		expect(result.error?.message).toContain('Holidays: at most 20 holidays; after merging there would be 21');
		expect(result.error?.message).toContain(berlinDate(41));
		expect(writes(sandbox.current)).toEqual([]);
		expect(storedHours().holiday_schedule).toHaveLength(19);
	});

	it('tells the user to set call hours first when none are stored', async () => {
		const result = await runWhatsApp(sandbox.current, {
			phoneNumberId: DEMO.disabledPhoneNumberId,
			resource: 'holidaySchedule',
			operation: 'add',
			holidays: { holiday: [{ date: berlinDate(3) }] },
		});
		expect(result.error?.message).toMatch(/set call hours first/);
		expect(writes(sandbox.current)).toEqual([]);
	});

	it.each([
		[{ holidays: { holiday: [{ date: '2026-02-30' }] } }, 'Holidays › Holiday 1 › Date: must be a date'],
		[{ holidays: { holiday: [{ date: '2099-01-01', startTime: '1200', endTime: '1100' }] } }, 'Holidays › Holiday 1 › End Time: must be later than the start time'],
		[{ holidays: { holiday: [{ date: '2099-01-01', startTime: '25:00' }] } }, 'Holidays › Holiday 1 › Start Time: must be a time as hhmm, hours 00–23 and minutes 00–59'],
		[{ holidays: { holiday: [{ date: '2099-01-01' }, { date: '2099-01-01' }] } }, 'Holidays › Holiday 2 › Date: one entry per date; 2099-01-01 is also in Holidays › Holiday 1'],
		[{ holidaysInput: 'json', holidaysJson: '{not json' }, 'Holidays (JSON): must be a JSON array'],
		[{ phoneNumberId: '+49 30 1234' }, 'Phone Number ID: must be the numeric ID'],
	])('rejects %j before any request', async (bad, message) => {
		const result = await runWhatsApp(sandbox.current, { resource: 'holidaySchedule', operation: 'add', ...bad });
		expect(result.error?.message).toContain(message);
		expect(sandbox.current.requests).toEqual([]);
	});

	it('rejects a past date after reading the business timezone, writing nothing', async () => {
		const result = await runWhatsApp(sandbox.current, {
			resource: 'holidaySchedule',
			operation: 'add',
			holidays: { holiday: [{ date: berlinDate(-1) }] },
		});
		expect(result.error?.message).toMatch(/Holidays › Holiday 1 › Date: must not be in the past in Europe\/Berlin/);
		expect(writes(sandbox.current)).toEqual([]);
	});

	it('dry run reads, previews the exact write, and changes nothing', async () => {
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'holidaySchedule',
				operation: 'add',
				holidays: { holiday: [{ date: berlinDate(7) }] },
				options: { dryRun: true },
			}),
		);
		expect(sandbox.current.requests.map((r) => r.method)).toEqual(['GET']);
		expect(out).toMatchObject({
			dryRun: true,
			request: {
				method: 'POST',
				body: {
					calling: {
						call_hours: {
							status: 'ENABLED',
							timezone_id: 'Europe/Berlin',
							weekly_operating_hours: NINE_TO_FIVE,
							holiday_schedule: [whole(berlinDate(7))],
						},
					},
				},
			},
		});
		expect(storedHours().holiday_schedule).toEqual([]);
	});
});

describe('holidaySchedule remove', () => {
	it('removes the given dates, reports unknown ones, keeps the rest', async () => {
		storeHolidays(sandbox.current, [{ date: berlinDate(5) }, { date: berlinDate(6) }, { date: berlinDate(-4) }]);
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'holidaySchedule',
				operation: 'remove',
				dates: `${berlinDate(5)}, ${berlinDate(50)}`,
			}),
		);
		expect(storedHours().holiday_schedule).toEqual([whole(berlinDate(6))]);
		expect(storedHours().weekly_operating_hours).toEqual(NINE_TO_FIVE);
		expect(out).toMatchObject({ removed: [berlinDate(5)], notFound: [berlinDate(50)] });
	});

	it('rejects a bad date before any request', async () => {
		const result = await runWhatsApp(sandbox.current, { resource: 'holidaySchedule', operation: 'remove', dates: '2026-13-01' });
		expect(result.error?.message).toMatch(/^Dates › entry 1: must be a date/);
		expect(sandbox.current.requests).toEqual([]);
	});
});

describe('holidaySchedule replace', () => {
	it('makes the given holidays the whole schedule, nothing else changes', async () => {
		storeHolidays(sandbox.current, [{ date: berlinDate(5) }, { date: berlinDate(6) }]);
		const [out] = jsonOf(
			await runWhatsApp(sandbox.current, {
				resource: 'holidaySchedule',
				operation: 'replace',
				holidays: { holiday: [{ date: berlinDate(6), startTime: '1200', endTime: '2359' }, { date: berlinDate(8) }] },
			}),
		);
		expect(storedHours()).toEqual({
			status: 'ENABLED',
			timezone_id: 'Europe/Berlin',
			weekly_operating_hours: NINE_TO_FIVE,
			holiday_schedule: [{ date: berlinDate(6), start_time: '1200', end_time: '2359' }, whole(berlinDate(8))],
		});
		expect(out).toMatchObject({ removed: [berlinDate(5)], added: [berlinDate(8)], updated: [berlinDate(6)] });
	});

	it('an empty list clears the holidays', async () => {
		storeHolidays(sandbox.current, [{ date: berlinDate(5) }]);
		jsonOf(await runWhatsApp(sandbox.current, { resource: 'holidaySchedule', operation: 'replace', holidaysInput: 'json', holidaysJson: '[]' }));
		expect(storedHours().holiday_schedule).toEqual([]);
		expect(storedHours().weekly_operating_hours).toEqual(NINE_TO_FIVE);
	});

	it('refuses 21 holidays before any request', async () => {
		const list = Array.from({ length: 21 }, (_, i) => berlinDate(i + 1));
		const result = await runWhatsApp(sandbox.current, {
			resource: 'holidaySchedule',
			operation: 'replace',
			holidaysInput: 'json',
			holidaysJson: JSON.stringify(list),
		});
		expect(result.error?.message).toContain('Holidays (JSON): at most 20 holidays; there are 21');
		expect(sandbox.current.requests).toEqual([]);
	});
});
