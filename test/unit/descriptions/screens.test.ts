import { readFileSync } from 'fs';
import { join } from 'path';

import type { INodeProperties } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';

/* The two action nodes' screens follow one pattern (issue 14, item 6). */

function head(properties: INodeProperties[]): string[] {
	const account = properties.findIndex((p) => p.name === 'phoneNumberId' || p.name === 'pageId');
	return properties.slice(0, account + 1).map((p) => (p.name === 'phoneNumberId' || p.name === 'pageId' ? 'account' : p.name));
}

function codex(node: string): { categories: string[]; subcategories?: Record<string, string[]> } {
	return JSON.parse(readFileSync(join(__dirname, '../../../nodes', node, `${node}.node.json`), 'utf8'));
}

describe('both action nodes show their fields in the same order', () => {
	it.each([
		['WhatsApp Calling', new WhatsAppCalling().description.properties],
		['Messenger Calling', new MessengerCalling().description.properties],
	])('%s: resource, then its operation selectors, then the account', (_name, properties) => {
		const order = head(properties);
		expect(order[0]).toBe('resource');
		const selectors = properties.filter((p) => p.name === 'operation').length;
		expect(order.slice(1, -1)).toEqual(new Array<string>(selectors).fill('operation'));
		expect(order.at(-1)).toBe('account');
	});

	it('codex: the same categories and subcategories', () => {
		const whatsApp = codex('WhatsAppCalling');
		const messenger = codex('MessengerCalling');
		expect(whatsApp.categories).toEqual(['Communication']);
		expect(whatsApp.subcategories).toEqual({ Communication: ['Messaging'] });
		expect({ categories: messenger.categories, subcategories: messenger.subcategories }).toEqual({
			categories: whatsApp.categories,
			subcategories: whatsApp.subcategories,
		});
	});

	it('subtitles are expressions over readable names, not raw values', () => {
		for (const node of [new WhatsAppCalling(), new MessengerCalling()]) {
			expect(node.description.subtitle).toMatch(/^=\{\{ \(\{.*\}\)\[\$parameter\["resource"\] \+ "\/" \+ \$parameter\["operation"\]\] \}\}$/);
		}
		expect(new MessengerCalling().description.subtitle).toContain('"callSettings/setCallingEnabled":"Call Setting: Set Calling On/Off"');
	});
});
