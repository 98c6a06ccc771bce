import {
	changePassesFilter,
	eventsForChoices,
	fieldsForChoices,
} from '../../../nodes/shared/webhook/filters';
import type { ReadableChange } from '../../../nodes/shared/webhook/readable';

const settings: ReadableChange = { event: 'accountSettingsUpdate', phoneNumberId: '3000000000000001' };
const warning: ReadableChange = { event: 'callingQualityWarning', phoneNumberId: null, phoneNumber: '+1 650-555-0101' };
const restriction: ReadableChange = { event: 'callingRestriction', phoneNumberId: null, phoneNumber: '16505550101' };
const otherUpdate: ReadableChange = { event: 'accountUpdate', phoneNumberId: null, phoneNumber: '16505550101' };
const page: ReadableChange = { event: 'callSettingsUpdate', pageId: '4000000000000001' };

describe('event choices', () => {
	it('maps each choice to the readable events it lets through', () => {
		expect([...eventsForChoices(['accountSettingsUpdate'])]).toEqual(['accountSettingsUpdate']);
		expect([...eventsForChoices(['callingRestriction'])].sort()).toEqual(['callingQualityWarning', 'callingRestriction']);
		expect(eventsForChoices(['accountUpdate']).has('accountUpdate')).toBe(true);
		expect(eventsForChoices(['nonsense', 3, null]).size).toBe(0);
	});

	it('maps choices to the Meta fields to subscribe, without duplicates', () => {
		expect(fieldsForChoices(['accountSettingsUpdate', 'callingRestriction'])).toEqual(['account_settings_update', 'account_update']);
		expect(fieldsForChoices(['callingRestriction', 'accountUpdate'])).toEqual(['account_update']);
		expect(fieldsForChoices([])).toEqual([]);
	});
});

describe('changePassesFilter', () => {
	const defaults = eventsForChoices(['accountSettingsUpdate', 'callingRestriction']);

	it('keeps the default events and drops account updates unrelated to calling', () => {
		const filter = { events: defaults, ids: [] };
		expect([settings, warning, restriction, otherUpdate].map((c) => changePassesFilter(c, filter))).toEqual([true, true, true, false]);
	});

	it('keeps every account update when accountUpdate is chosen', () => {
		const filter = { events: eventsForChoices(['accountUpdate']), ids: [] };
		expect([settings, warning, otherUpdate].map((c) => changePassesFilter(c, filter))).toEqual([false, true, true]);
	});

	it('filters by phone number id, or by display number for account_update', () => {
		const filter = { events: defaults, ids: ['3000000000000001', '+1 (650) 555-0101'] };
		expect(changePassesFilter(settings, filter)).toBe(true);
		expect(changePassesFilter({ ...settings, phoneNumberId: '3000000000000002' }, filter)).toBe(false);
		expect(changePassesFilter(warning, filter)).toBe(true);
		expect(changePassesFilter({ ...restriction, phoneNumber: '16505550199' }, filter)).toBe(false);
		expect(changePassesFilter({ ...restriction, phoneNumber: '' }, filter)).toBe(false);
	});

	it('filters by Page id', () => {
		const events = new Set(['callSettingsUpdate'] as const);
		expect(changePassesFilter(page, { events, ids: ['4000000000000001'] })).toBe(true);
		expect(changePassesFilter(page, { events, ids: ['4000000000000002'] })).toBe(false);
		expect(changePassesFilter(page, { events, ids: [] })).toBe(true);
	});
});
