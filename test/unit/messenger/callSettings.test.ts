import {
	CALL_SETTINGS_FIELDS,
	callHoursOf,
	callSettingsFieldsFromParameter,
	readCallSettingsAnswer,
	unwrapSettingsAnswer,
	withMetaDefaults,
} from '../../../nodes/MessengerCalling/helpers/callSettings';
import { PAGE_ID_RULE } from '../../../nodes/shared/accounts/locators';
import { parseObjectId } from '../../../nodes/shared/validation';
import { isWriteFailure } from '../../../nodes/shared/execution/writeAnswer';
import { expectInputError } from '../hours/expectInputError';

/** How readPageId (shared/accounts/locators.ts) checks a Page ID once the locator's value is taken. */
const validatePageId = (value: unknown): string => parseObjectId(value, 'pageId', PAGE_ID_RULE);

const hours = {
	timezone_id: 'America/Los_Angeles',
	weekly_operating_hours: [
		{ day_of_week: 'MONDAY' as const, open_time: '0900', close_time: '1700' },
		{ day_of_week: 'TUESDAY' as const, open_time: '0930', close_time: '1830' },
	],
};

describe('reading GET /<PAGE_ID>/messenger_call_settings', () => {
	const flat = { call_hours: hours, call_routing: { ring_target: 'PARTNERS' }, icon_enabled: false, audio_enabled: true };

	it('reads the flat answer and the {"data": [...]} answer the same way', () => {
		const fromFlat = readCallSettingsAnswer(flat);
		const fromData = readCallSettingsAnswer({ data: [flat] });
		expect(fromFlat).toEqual(fromData);
		expect(fromFlat.settings).toEqual(flat);
		expect(fromFlat.unreadableHourEntries).toBe(0);
	});

	it('keeps only the requested fields', () => {
		expect(readCallSettingsAnswer(flat, ['icon_enabled']).settings).toEqual({ icon_enabled: false });
		expect(readCallSettingsAnswer(flat, ['call_routing', 'audio_enabled']).settings).toEqual({
			call_routing: { ring_target: 'PARTNERS' },
			audio_enabled: true,
		});
	});

	it('reads a Page without hours as call_hours null, also when Meta sends null, {} or no timezone', () => {
		for (const answer of [{}, { call_hours: null }, { call_hours: {} }, { call_hours: { weekly_operating_hours: [] } }]) {
			expect(readCallSettingsAnswer(answer, ['call_hours']).settings).toEqual({ call_hours: null });
		}
		expect(readCallSettingsAnswer({ data: [] }, ['call_hours']).settings).toEqual({ call_hours: null });
	});

	it('keeps an empty week with a timezone: that is "closed every day", not "no hours"', () => {
		const closed = { timezone_id: 'Europe/Berlin', weekly_operating_hours: [] };
		expect(readCallSettingsAnswer({ call_hours: closed }).settings.call_hours).toEqual(closed);
	});

	it('reads the spellings Meta uses elsewhere: bare ring target, lowercase enums and days, numeric times, text booleans', () => {
		const { settings } = readCallSettingsAnswer({
			call_routing: 'partners',
			icon_enabled: 'false',
			audio_enabled: 1,
			call_hours: {
				timezone_id: ' Europe/Berlin ',
				weekly_operating_hours: [{ day_of_week: 'monday', open_time: 900, close_time: '17:00' }],
			},
		});
		expect(settings).toEqual({
			call_routing: { ring_target: 'PARTNERS' },
			icon_enabled: false,
			audio_enabled: true,
			call_hours: {
				timezone_id: 'Europe/Berlin',
				weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }],
			},
		});
	});

	it('counts weekly entries it cannot read, so a snapshot never drops them silently', () => {
		const reading = readCallSettingsAnswer({
			call_hours: { timezone_id: 'UTC', weekly_operating_hours: [hours.weekly_operating_hours[0], { day_of_week: 'FUNDAY' }] },
		});
		expect(reading.unreadableHourEntries).toBe(1);
		expect(reading.settings.call_hours?.weekly_operating_hours).toHaveLength(1);
	});

	it('leaves unknown flags out rather than guessing, and withMetaDefaults fills Meta’s defaults', () => {
		const { settings } = readCallSettingsAnswer({ icon_enabled: 'maybe' });
		expect(settings).toEqual({ call_hours: null });
		expect(withMetaDefaults({})).toEqual({ call_hours: null, icon_enabled: true });
		expect(withMetaDefaults({ icon_enabled: false }).icon_enabled).toBe(false);
	});

	it('unwraps only objects', () => {
		expect(unwrapSettingsAnswer('text')).toEqual({});
		expect(unwrapSettingsAnswer({ data: ['x', { a: 1 }] })).toEqual({ a: 1 });
	});
});

describe('callHoursOf', () => {
	it('gives the shared hours model (always enabled, no holidays) or undefined', () => {
		expect(callHoursOf({ call_hours: null })).toBeUndefined();
		expect(callHoursOf({ call_hours: hours })).toEqual({
			status: 'ENABLED',
			timezoneId: 'America/Los_Angeles',
			weeklyHours: [
				{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' },
				{ dayOfWeek: 'TUESDAY', openTime: '0930', closeTime: '1830' },
			],
			holidays: [],
		});
	});
});

describe('parameters', () => {
	it('pageId must be the numeric Page ID', () => {
		expect(validatePageId(' 4000000000000001 ')).toBe('4000000000000001');
		expect(validatePageId(4000000000001)).toBe('4000000000001');
		for (const bad of ['', 'my-page', '123/messages', '4000 1', undefined, null, 1.5]) {
			expectInputError(() => validatePageId(bad), 'pageId', 'numeric ID of the Facebook Page');
		}
	});

	it('fields: any subset in Meta’s order, none = all, unknown names refused', () => {
		expect(callSettingsFieldsFromParameter(['icon_enabled', 'call_hours'])).toEqual(['call_hours', 'icon_enabled']);
		expect(callSettingsFieldsFromParameter([])).toEqual([...CALL_SETTINGS_FIELDS]);
		expect(callSettingsFieldsFromParameter(undefined)).toEqual([...CALL_SETTINGS_FIELDS]);
		expect(callSettingsFieldsFromParameter('call_routing, audio_enabled')).toEqual(['call_routing', 'audio_enabled']);
		expect(callSettingsFieldsFromParameter(['video_enabled'])).toEqual(['video_enabled']);
		expectInputError(() => callSettingsFieldsFromParameter(['screen_share']), 'fields', 'screen_share');
	});
});

describe('isWriteFailure', () => {
	it('treats {"result": "failure"} and {"success": false} as failures, the documented successes not', () => {
		expect(isWriteFailure({ result: 'failure' })).toBe(true);
		expect(isWriteFailure({ result: 'FAILURE' })).toBe(true);
		expect(isWriteFailure({ success: false })).toBe(true);
		expect(isWriteFailure({ success: 'false' })).toBe(true);
		expect(isWriteFailure({ result: 'success' })).toBe(false);
		expect(isWriteFailure({ success: true })).toBe(false);
		expect(isWriteFailure(undefined)).toBe(false);
	});
});
