import { Workflow, type INode, type INodeParameters, type INodeType } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { MessengerCallingTrigger } from '../../../nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
import { SingleNodeTypes } from '../../integration/harness';

/** The subtitle as n8n's own expression engine (n8n-workflow) computes it for a node with these parameters. */
function subtitleOf(nodeType: INodeType, parameters: INodeParameters): unknown {
	const node: INode = { id: 'n', name: 'N', type: 'test.node', typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new SingleNodeTypes({ 'test.node': nodeType }),
	});
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle, 'internal', {});
}

describe('subtitles show the names the node shows, not raw values', () => {
	it.each([
		[new WhatsAppCalling(), 'holidaySchedule', 'add', 'Holiday Schedule: Add'],
		[new WhatsAppCalling(), 'callingSettings', 'setCallHours', 'Calling Setting: Set Call Hours'],
		[new WhatsAppCalling(), 'availability', 'check', 'Availability: Check'],
		[new MessengerCalling(), 'callSettings', 'closeCalling', 'Call Setting: Close Calling'],
		[new MessengerCalling(), 'message', 'sendCallPrompt', 'Message: Send Call Prompt'],
	])('%p %s/%s → %s', (node, resource, operation, expected) => {
		expect(subtitleOf(node, { resource, operation })).toBe(expected);
	});

	it.each([new WhatsAppCalling(), new MessengerCalling()])('every resource/operation pair of %p has a name', (node) => {
		const { properties } = node.description;
		const resources = properties.find((p) => p.name === 'resource')?.options ?? [];
		for (const resource of resources) {
			const value = 'value' in resource ? String(resource.value) : '';
			const selector = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value));
			for (const operation of selector?.options ?? []) {
				const opValue = 'value' in operation ? String(operation.value) : '';
				expect(subtitleOf(node, { resource: value, operation: opValue })).toBe(`${resource.name}: ${operation.name}`);
			}
		}
	});

	it('the WhatsApp trigger names the chosen events', () => {
		const trigger = new WhatsAppCallingTrigger();
		expect(subtitleOf(trigger, { events: ['accountSettingsUpdate', 'callingRestriction'] })).toBe(
			'Account Settings Update, Calling Restriction',
		);
		expect(subtitleOf(trigger, { events: ['accountUpdate'] })).toBe('Account Update (All)');
		expect(subtitleOf(trigger, { events: [] })).toBe('');
	});

	it('the Messenger trigger names the subscription mode', () => {
		expect(subtitleOf(new MessengerCallingTrigger(), { subscription: 'automatic' })).toBe('Automatic subscription');
		expect(subtitleOf(new MessengerCallingTrigger(), { subscription: 'manual' })).toBe('Call settings updates');
	});
});
