import { MessengerCallingTrigger } from '../../../nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';

/** The names issue 5 pins are a public interface: workflows store them. */
describe.each([
	['whatsAppCallingTrigger', 'WhatsApp Calling Trigger', new WhatsAppCallingTrigger(), 'phoneNumberIds'],
	['messengerCallingTrigger', 'Messenger Calling Trigger', new MessengerCallingTrigger(), 'pageIds'],
])('%s description', (name, displayName, node, idsOption) => {
	const { description } = node;
	const property = (n: string) => description.properties.find((p) => p.name === n);

	it('has the pinned type name, display name, group and required credential', () => {
		expect([description.name, description.displayName, description.group]).toEqual([name, displayName, ['trigger']]);
		expect(description.credentials).toEqual([{ name: 'metaCallingApi', required: true }]);
		expect(description.inputs).toEqual([]);
	});

	it('serves GET (verification) and POST (events) on the same path "webhook"', () => {
		expect(description.webhooks).toEqual([
			expect.objectContaining({ name: 'setup', httpMethod: 'GET', path: 'webhook', responseMode: 'onReceived' }),
			expect.objectContaining({ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived' }),
		]);
	});

	it('has the pinned parameters with their defaults', () => {
		expect(property('verifyToken')).toMatchObject({ type: 'string', typeOptions: { password: true }, default: '' });
		expect(property('subscription')).toMatchObject({ default: 'manual' });
		expect((property('subscription')?.options ?? []).map((o) => ('value' in o ? o.value : undefined))).toEqual(['manual', 'automatic']);
		expect(property('replaceExistingCallback')).toMatchObject({ type: 'boolean', default: false, displayOptions: { show: { subscription: ['automatic'] } } });
		expect((property('options')?.options ?? []).map((o) => o.name)).toEqual([idsOption]);
		expect(property('setupNotice')?.displayName).toContain('App Secret');
	});

	it('has lifecycle methods for the default webhook and a webhook handler', () => {
		expect(Object.keys(node.webhookMethods.default ?? {}).sort()).toEqual(['checkExists', 'create', 'delete']);
		expect(typeof node.webhook).toBe('function');
	});
});

describe('WhatsApp trigger events', () => {
	it('offers the three pinned choices and defaults to settings updates and calling restrictions', () => {
		const events = new WhatsAppCallingTrigger().description.properties.find((p) => p.name === 'events');
		expect(events?.type).toBe('multiOptions');
		expect((events?.options ?? []).map((o) => ('value' in o ? o.value : undefined)).sort()).toEqual(['accountSettingsUpdate', 'accountUpdate', 'callingRestriction']);
		expect(events?.default).toEqual(['accountSettingsUpdate', 'callingRestriction']);
	});

	it('asks for the WABA id only with automatic subscription', () => {
		const wabaId = new WhatsAppCallingTrigger().description.properties.find((p) => p.name === 'wabaId');
		expect(wabaId?.displayOptions).toEqual({ show: { subscription: ['automatic'] } });
	});
});
