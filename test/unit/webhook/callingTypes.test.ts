import { eventsForChoices } from '../../../nodes/shared/webhook/filters';
import { handleWebhookRequest, type TriggerRules } from '../../../nodes/shared/webhook/handleRequest';
import { signBody } from '../../../tools/sandbox/webhooks/sign';
import { whatsAppDelivery } from './fixtures';

/**
 * Every calling restriction and warning reaches the Calling Restriction choice (issue 19): Meta's
 * documented types (shared/seeds/meta-api-notes.md) and any type Meta adds later that names calling, with
 * the type as Meta sent it; account updates about anything else still start nothing there.
 */

const secret = 'sandbox-app-secret';
const callingRestrictionOnly: TriggerRules = {
	object: 'whatsapp_business_account',
	verifyToken: 't',
	appSecret: secret,
	filter: { events: eventsForChoices(['callingRestriction']), ids: [] },
};

function itemsFor(value: object): Array<Record<string, unknown>> {
	const raw = Buffer.from(JSON.stringify(whatsAppDelivery({ changes: [{ field: 'account_update', value }] })));
	const outcome = handleWebhookRequest({ method: 'POST', query: {}, signatureHeader: signBody(raw, secret), body: { raw } }, callingRestrictionOnly);
	return outcome.startExecution ? outcome.items : [];
}

const restriction = (restriction_type: string) => ({
	phone_number: '15550100001',
	event: 'ACCOUNT_RESTRICTION',
	restriction_info: [{ restriction_type, expiration: 1767830400 }],
});
const violation = (violation_type: string) => ({ phone_number: '15550100001', event: 'ACCOUNT_VIOLATION', violation_info: { violation_type } });

describe('Calling Restriction: every restriction and warning about calling starts a run', () => {
	it.each([
		'RESTRICTED_BUSINESS_INITIATED_CALLING',
		'RESTRICTED_USER_INITIATED_CALLING',
		'RESTRICTED_BIZ_INITIATED_AND_USER_INITIATED_CALLING',
		'RESTRICTED_USER_INITIATED_CALLING_CALL_BUTTON_HIDDEN',
		// not documented (yet): any type that names calling
		'RESTRICTED_OUTBOUND_CALLING_TO_NEW_USERS',
		'restricted_user_initiated_calling',
	])('restriction %s -> callingRestriction with the raw type', (type) => {
		expect(itemsFor(restriction(type))).toEqual([
			expect.objectContaining({ event: 'callingRestriction', phoneNumber: '15550100001', restrictions: [{ type, expiresAt: '2026-01-08T00:00:00.000Z' }] }),
		]);
	});

	it.each([
		'LOW_BUSINESS_INITIATED_CALLING_QUALITY',
		'LOW_USER_INITIATED_CALLING_QUALITY',
		'USER_INITIATED_CALLS_LOW_PICKUP_RATE',
		'LOW_CALLING_QUALITY',
		// not documented (yet)
		'HIGH_BLOCK_RATE_BUSINESS_INITIATED_CALLING',
	])('warning %s -> callingQualityWarning with the raw type', (type) => {
		expect(itemsFor(violation(type))).toEqual([expect.objectContaining({ event: 'callingQualityWarning', violationType: type })]);
	});

	it('a restriction list keeps only the calling types, unknown ones included', () => {
		const value = {
			event: 'ACCOUNT_RESTRICTION',
			restriction_info: [
				{ restriction_type: 'RESTRICTED_ADD_PHONE_NUMBER_ACTION' },
				{ restriction_type: 'RESTRICTED_NEW_THING_CALLING_BLOCKED' },
				{ restriction_type: 'RESTRICTED_USER_INITIATED_CALLING' },
			],
		};
		expect(itemsFor(value)[0].restrictions).toEqual([
			{ type: 'RESTRICTED_NEW_THING_CALLING_BLOCKED', expiresAt: null },
			{ type: 'RESTRICTED_USER_INITIATED_CALLING', expiresAt: null },
		]);
	});

	it.each([
		['a restriction about something else', restriction('RESTRICTED_ADD_PHONE_NUMBER_ACTION')],
		['a violation about messaging', violation('SCAM')],
		['a verified account', { phone_number: '15550100001', event: 'VERIFIED_ACCOUNT' }],
		['a display name approval', { phone_number: '15550100001', event: 'DISPLAY_NAME_APPROVED' }],
	])('%s starts nothing', (_name, value) => {
		expect(itemsFor(value)).toEqual([]);
	});
});
