import { MessengerCallingTrigger } from '../../../nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';

/*
 * n8n evaluates an expression in an isolate for every request to a webhook node whose version is exactly 1
 * (see TRIGGER_VERSIONS): new trigger nodes must get a later version, and workflows saved with 1 must load.
 */
describe.each([
	['WhatsApp', new WhatsAppCallingTrigger()],
	['Messenger', new MessengerCallingTrigger()],
])('%s Calling Trigger version', (_name, node) => {
	it('is 1.1 for new nodes and still accepts 1', () => {
		expect(node.description.defaultVersion).toBe(1.1);
		expect(node.description.version).toEqual([1, 1.1]);
	});
});
