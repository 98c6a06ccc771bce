import { eventsForChoices } from '../../../nodes/shared/webhook/filters';
import { handleWebhookRequest, type TriggerRules } from '../../../nodes/shared/webhook/handleRequest';
import { signBody } from '../../../tools/sandbox/webhooks/sign';
import { PAGE_1, PHONE_1, PHONE_2, pageSeedDelivery, restrictionChange, settingsChange, violationChange, whatsAppDelivery } from './fixtures';

/**
 * Meta retries a delivery for hours to days, so one change can start several runs. Every item carries an
 * `eventId` a workflow deduplicates on (n8n's Remove Duplicates): the same for every delivery of one
 * change, different for any other change.
 */

const secret = 'sandbox-app-secret';
const rules = (object: TriggerRules['object']): TriggerRules => ({
	object,
	verifyToken: 't',
	appSecret: secret,
	filter: { events: object === 'page' ? new Set(['callSettingsUpdate']) : eventsForChoices(['accountSettingsUpdate', 'callingRestriction']), ids: [] },
});

/** The eventIds of the items one signed delivery (as these exact bytes) gives. */
function eventIds(body: string, object: TriggerRules['object'] = 'whatsapp_business_account'): unknown[] {
	const raw = Buffer.from(body);
	const outcome = handleWebhookRequest({ method: 'POST', query: {}, signatureHeader: signBody(raw, secret), body: { raw } }, rules(object));
	if (!outcome.startExecution) throw new Error(`no execution: ${outcome.status}`);
	return outcome.items.map((item) => item.eventId);
}

const delivery = (...changes: object[]) => JSON.stringify(whatsAppDelivery({ changes }));

describe('eventId', () => {
	it('is a SHA-256 in hex on every item of both triggers', () => {
		expect(eventIds(delivery(settingsChange(PHONE_1), restrictionChange, violationChange))).toEqual([
			expect.stringMatching(/^[0-9a-f]{64}$/),
			expect.stringMatching(/^[0-9a-f]{64}$/),
			expect.stringMatching(/^[0-9a-f]{64}$/),
		]);
		expect(eventIds(JSON.stringify(pageSeedDelivery), 'page')).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
	});

	it('is the same for a redelivery of the same change: same bytes, other key order, other spacing, batched with others', () => {
		const [once] = eventIds(delivery(settingsChange(PHONE_1)));
		expect(eventIds(delivery(settingsChange(PHONE_1)))).toEqual([once]);
		const reordered = {
			entry: [{ changes: [{ value: { ...settingsChange(PHONE_1).value, type: 'PHONE_NUMBER_SETTINGS' }, field: 'account_settings_update' }], time: 1767225600, id: '2000000000000001' }],
			object: 'whatsapp_business_account',
		};
		expect(eventIds(JSON.stringify(reordered, null, 2))).toEqual([once]);
		expect(eventIds(delivery(settingsChange(PHONE_2), settingsChange(PHONE_1)))).toEqual([expect.any(String), once]);
	});

	it('differs for any other change: another value, number, entry, time or field', () => {
		const ids = [
			eventIds(delivery(settingsChange(PHONE_1)))[0],
			eventIds(delivery(settingsChange(PHONE_2)))[0],
			eventIds(delivery(settingsChange(PHONE_1, { status: 'DISABLED' })))[0],
			eventIds(JSON.stringify(whatsAppDelivery({ id: '2000000000000002', changes: [settingsChange(PHONE_1)] })))[0],
			eventIds(JSON.stringify(whatsAppDelivery({ time: 1767225601, changes: [settingsChange(PHONE_1)] })))[0],
			eventIds(delivery(restrictionChange))[0],
			eventIds(delivery({ ...restrictionChange, field: 'account_settings_update' }))[0],
		];
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('a Page turning its call icon off, on and off again gives three events (the entry time differs)', () => {
		const page = (time: number, icon_enabled: boolean) => JSON.stringify({ object: 'page', entry: [{ id: PAGE_1, time, call_settings: { icon_enabled } }] });
		const ids = [page(1767225600, false), page(1767225700, true), page(1767225800, false)].map((body) => eventIds(body, 'page')[0]);
		expect(new Set(ids).size).toBe(3);
		expect(eventIds(page(1767225800, false), 'page')).toEqual([ids[2]]);
	});

	it('stays bounded on deeply nested values (no stack overflow, one answer)', () => {
		const deep = `${'['.repeat(20_000)}"bottom"${']'.repeat(20_000)}`;
		const body = `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"account_settings_update","value":{"deep":${deep}}}]}]}`;
		expect(eventIds(body)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
	});
});
