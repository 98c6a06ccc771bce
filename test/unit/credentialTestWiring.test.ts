import { MetaCallingApi } from '../../credentials/MetaCallingApi.credentials';
import { MessengerCalling } from '../../nodes/MessengerCalling/MessengerCalling.node';
import { MessengerCallingTrigger } from '../../nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
import { metaCallingApiTest } from '../../nodes/shared/credentialTest';
import { WhatsAppCalling } from '../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { WhatsAppCallingTrigger } from '../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';

// n8n runs a credential's declarative `test` if it has one, and only otherwise the `testedBy` function of
// a node using the credential; the editor can test it from any of the four nodes.
describe('credential test wiring', () => {
	it('the credential has no declarative test that would shadow the function', () => {
		expect((new MetaCallingApi() as { test?: unknown }).test).toBeUndefined();
	});

	it.each([
		['WhatsApp Calling', new WhatsAppCalling()],
		['Messenger Calling', new MessengerCalling()],
		['WhatsApp Calling Trigger', new WhatsAppCallingTrigger()],
		['Messenger Calling Trigger', new MessengerCallingTrigger()],
	])('%s names and carries metaCallingApiTest', (_name, node) => {
		expect(node.description.credentials).toEqual([
			{ name: 'metaCallingApi', required: true, testedBy: 'metaCallingApiTest' },
		]);
		expect(node.methods?.credentialTest?.metaCallingApiTest).toBe(metaCallingApiTest);
	});
});
