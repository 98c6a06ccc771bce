import { parseLifetime, parseRecipient } from '../../../nodes/WhatsAppCalling/actions/message/fields';
import { permissionRequestBlocked, readCallPermissionAnswer } from '../../../nodes/WhatsAppCalling/actions/api';
import { closedNow } from '../../../nodes/shared/hours/availability';
import { expectInputError } from '../hours/expectInputError';

describe('call button lifetime', () => {
	it.each([
		['30m', 30],
		['12h', 720],
		['7d', 10080],
		['1d 12h', 2160],
		['90', 90],
		[45, 45],
		['30d', 43200],
	])('%p is %p minutes', (text, minutes) => expect(parseLifetime(text, 'options.buttonLifetime')).toBe(minutes));

	it('empty leaves it to Meta (7 days)', () => expect(parseLifetime('', 'options.buttonLifetime')).toBeUndefined());

	it.each(['0m', '30d 1m', '31d', '1w', '1.5h', 'h', '-5'])('refuses %p', (text) => {
		expectInputError(() => parseLifetime(text, 'options.buttonLifetime'), 'options.buttonLifetime', /from 1m to 30d/);
	});
});

describe('recipient', () => {
	it.each([
		['+49 151 23456789', { phone: '4915123456789' }],
		['0049 (151) 234-567.89', { phone: '4915123456789' }],
		[4915123456789, { phone: '4915123456789' }],
		['US.13491208655302741918', { bsuid: 'US.13491208655302741918' }],
	])('%p', (value, recipient) => expect(parseRecipient(value)).toEqual(recipient));

	it.each(['', '12345', 'call me', '+1 234 567 890 123 456', 'us.1349'])('refuses %p', (value) => {
		expectInputError(() => parseRecipient(value), 'recipient', /phone number with country code/);
	});

	it('phone only where Meta looks up by number', () => {
		expectInputError(() => parseRecipient('US.13491208655302741918', true), 'recipient', /^must be a phone number with country code, e\.g\. \+49 151 23456789$/);
	});
});

describe('permission state', () => {
	const answer = (canPerform: boolean, status = 'no_permission', limits: unknown[] = []) =>
		readCallPermissionAnswer({
			permission: { status, expiration_time: 1790000000, future_field: 1 },
			actions: [{ action_name: 'send_call_permission_request', can_perform_action: canPerform, limits }, { action_name: 'a_later_action', can_perform_action: true }],
		});

	it('keeps Meta’s permission object and actions Meta adds later', () => {
		const state = answer(true);
		expect(state.permission).toEqual({ status: 'no_permission', expiration_time: 1790000000, future_field: 1 });
		expect(state.expiresAt).toBe(new Date(1790000000 * 1000).toISOString());
		expect(state.actions).toHaveProperty('a_later_action', { allowed: true, limits: [] });
	});

	it('an action named __proto__ stays a plain key, and Meta’s limit fields do not override the package’s', () => {
		const state = readCallPermissionAnswer(
			JSON.parse('{"actions":[{"action_name":"__proto__","can_perform_action":true,"limits":[{"time_period":"PT1H","resetsAt":"x","extra":1}]}]}'),
		);
		const actions = state.actions as Record<string, unknown>;
		expect(Object.getPrototypeOf(actions)).toBe(Object.prototype);
		expect(Object.keys(actions)).toEqual(['__proto__']);
		expect(Object.getOwnPropertyDescriptor(actions, '__proto__')?.value).toEqual({
			allowed: true,
			limits: [{ extra: 1, timePeriod: 'PT1H', maxAllowed: undefined, currentUsage: undefined, resetsAt: null }],
		});
	});

	it('allowed: send', () => expect(permissionRequestBlocked(answer(true))).toBeUndefined());

	it('a used-up limit: when the last of them resets', () => {
		const limits = [
			{ time_period: 'PT24H', max_allowed: 1, current_usage: 1, limit_expiration_time: 1790000000 },
			{ time_period: 'P7D', max_allowed: 2, current_usage: 2, limit_expiration_time: 1790500000 },
		];
		expect(permissionRequestBlocked(answer(false, 'no_permission', limits))).toEqual({ reason: 'limit_reached', nextAllowedAt: new Date(1790500000 * 1000).toISOString() });
	});

	it('permanent: nothing to ask, ever', () => {
		expect(permissionRequestBlocked(answer(false, 'PERMANENT'))).toEqual({ reason: 'permission_permanent', nextAllowedAt: null });
	});

	it('an answer without the action leaves the decision to Meta', () => {
		expect(permissionRequestBlocked(readCallPermissionAnswer({ permission: 'odd', actions: 'odd' }))).toBeUndefined();
	});
});

describe('Only While Open', () => {
	const hours = {
		status: 'ENABLED' as const,
		timezoneId: 'UTC',
		weeklyHours: [{ dayOfWeek: 'MONDAY' as const, openTime: '0900', closeTime: '1700' }],
		holidays: [],
	};

	it('open: send', () => expect(closedNow({ at: new Date('2026-12-07T10:00:00Z'), callingEnabled: true, callHours: hours })).toBeUndefined());

	it('closed: sent false and the next opening', () => {
		expect(closedNow({ at: new Date('2026-12-07T18:00:00Z'), callingEnabled: true, callHours: hours })).toMatchObject({
			sent: false,
			open: false,
			reason: 'outside_hours',
			nextOpenAt: '2026-12-14T09:00:00Z',
		});
	});
});
