import fc from 'fast-check';

import { parseJsonBody, splitDelivery } from '../../../nodes/shared/webhook/delivery';
import { eventsForChoices } from '../../../nodes/shared/webhook/filters';
import { handleWebhookRequest, type TriggerRules } from '../../../nodes/shared/webhook/handleRequest';
import { signatureIsValid } from '../../../nodes/shared/webhook/signature';
import { signBody } from '../../../tools/sandbox/webhooks/sign';
import { answerVerification } from '../../../nodes/shared/webhook/verification';

/** Nothing a sender controls may make the webhook core throw: bytes, headers, query, or parsed JSON. */

const secret = 'sandbox-app-secret';
const rulesFor = (object: TriggerRules['object'], appSecret: string): TriggerRules => ({
	object,
	verifyToken: 'token',
	appSecret,
	filter: { events: object === 'page' ? new Set(['callSettingsUpdate']) : eventsForChoices(['accountSettingsUpdate', 'callingRestriction', 'accountUpdate']), ids: [] },
});
const objects = fc.constantFrom<TriggerRules['object']>('page', 'whatsapp_business_account');

/** JSON that looks like a delivery often enough to reach the deep readers. */
const deliveryLike = fc.letrec((tie) => ({
	value: fc.oneof(fc.jsonValue(), tie('change'), fc.dictionary(fc.constantFrom('phone_number_settings', 'restriction_info', 'violation_info', 'timestamp', 'event', 'phone_number', 'calling', 'type', 'expiration', 'restriction_type'), fc.oneof(fc.jsonValue(), tie('change')))),
	change: fc.record({ field: fc.oneof(fc.constantFrom('account_settings_update', 'account_update', 'call_settings_update'), fc.jsonValue()), value: tie('value') }, { requiredKeys: [] }),
	entry: fc.record({ id: fc.jsonValue(), time: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.bigInt().map(String)), changes: fc.oneof(fc.array(tie('change')), fc.jsonValue()), call_settings: tie('value') }, { requiredKeys: [] }),
	delivery: fc.record({ object: fc.oneof(objects, fc.jsonValue()), entry: fc.oneof(fc.array(tie('entry')), fc.jsonValue()) }, { requiredKeys: [] }),
})).delivery;

const header = fc.oneof(fc.constant(undefined), fc.string(), fc.array(fc.string()), fc.jsonValue(), fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg'.split('')), maxLength: 70 }).map((h) => `sha256=${h}`));

describe('fuzzed webhook input', () => {
	it('never throws on arbitrary bytes, headers and query, with or without a secret', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 512 }), header, fc.anything(), objects, fc.constantFrom('', secret), fc.constantFrom('GET', 'POST', 'DELETE'),
				(bytes, signatureHeader, query, object, appSecret, method) => {
					const outcome = handleWebhookRequest({ method, query, signatureHeader, body: { raw: Buffer.from(bytes) } }, rulesFor(object, appSecret));
					expect([200, 400, 401, 403, 405].includes(outcome.startExecution ? 200 : outcome.status)).toBe(true);
				}),
			{ numRuns: 500 },
		);
	});

	it('without an app secret no POST ever starts an execution, whatever its signature header says', () => {
		fc.assert(
			fc.property(deliveryLike, fc.oneof(header, fc.constant('sign')), objects, (delivery, signatureHeader, object) => {
				const raw = Buffer.from(JSON.stringify(delivery));
				const signature = signatureHeader === 'sign' ? signBody(raw, '') : signatureHeader;
				const outcome = handleWebhookRequest({ method: 'POST', query: {}, signatureHeader: signature, body: { raw } }, rulesFor(object, ''));
				expect(outcome).toMatchObject({ startExecution: false, status: 401 });
			}),
			{ numRuns: 300 },
		);
	});

	it('never throws on correctly signed delivery-like JSON, and every item has the pinned keys', () => {
		let executions = 0;
		fc.assert(
			fc.property(deliveryLike, objects, (delivery, object) => {
				const raw = Buffer.from(JSON.stringify(delivery));
				const outcome = handleWebhookRequest({ method: 'POST', query: {}, signatureHeader: signBody(raw, secret), body: { raw } }, rulesFor(object, secret));
				if (outcome.startExecution) {
					executions += 1;
					for (const item of outcome.items) {
						expect(Object.keys(item)).toEqual(expect.arrayContaining(['field', 'object', 'entryId', 'signatureVerified', 'raw']));
						// `time` only when the delivery had one
						expect(item.time === undefined || typeof item.time === 'string').toBe(true);
						expect(item.signatureVerified).toBe(true);
					}
				} else {
					expect([200, 400]).toContain(outcome.status);
				}
			}),
			{ numRuns: 1000 },
		);
		// The generator must reach the readers, not only the envelope checks.
		expect(executions).toBeGreaterThan(20);
	});

	it('never throws on any value the server may have parsed already (no raw bytes, no secret)', () => {
		fc.assert(
			fc.property(fc.oneof(fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }), deliveryLike), objects, (parsed, object) => {
				handleWebhookRequest({ method: 'POST', query: {}, signatureHeader: undefined, body: { parsed } }, rulesFor(object, ''));
			}),
			{ numRuns: 1000 },
		);
	});

	it('the small pieces never throw either', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 256 }), fc.anything(), fc.string(), (bytes, anything, text) => {
				parseJsonBody(Buffer.from(bytes));
				splitDelivery(anything, 'page');
				splitDelivery(anything, 'whatsapp_business_account');
				answerVerification(anything, text);
				signatureIsValid(Buffer.from(bytes), anything, text);
			}),
			{ numRuns: 500 },
		);
	});

	it('a deeply nested body is refused or read, not a crash', () => {
		const deep = Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
		const outcome = handleWebhookRequest({ method: 'POST', query: {}, signatureHeader: signBody(deep, secret), body: { raw: deep } }, rulesFor('page', secret));
		expect(outcome).toMatchObject({ startExecution: false, status: 400 });
	});
});
