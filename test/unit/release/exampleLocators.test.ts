import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { MessengerCallingTrigger } from '../../../nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
import { REPO_ROOT } from '../../../tools/n8n/lines';

/*
 * A resource-locator field saved as a plain string still runs (locatorValue reads it), but the editor then
 * shows its mode selector blank ("Mode…") instead of "By ID". Every workflow this repository ships or
 * imports stores such fields in the locator's own shape, {"__rl": true, "mode": …, "value": …}, except the
 * witnesses below, kept on purpose so that real n8n keeps running workflows saved before the fields were
 * locators.
 */
const SAVED_BEFORE_LOCATORS = new Set(['test/e2e/workflows/calendar-sync.json', 'test/e2e/workflows/trigger-whatsapp.json']);

const WORKFLOW_DIRS = ['examples', 'test/e2e/workflows', 'test/e2e-queue/workflows'];

/** Names of the resourceLocator parameters of a node, wherever they sit (collections included). */
function locatorNames(properties: INodeProperties[]): Set<string> {
	const names = new Set<string>();
	const walk = (list: unknown[]): void => {
		for (const item of list as Array<Partial<INodeProperties> & { values?: unknown[] }>) {
			if (item.type === 'resourceLocator' && item.name) names.add(item.name);
			if (Array.isArray(item.options)) walk(item.options);
			if (Array.isArray(item.values)) walk(item.values);
		}
	};
	walk(properties);
	return names;
}

const NODES: INodeType[] = [new WhatsAppCalling(), new MessengerCalling(), new WhatsAppCallingTrigger(), new MessengerCallingTrigger()];
/** "n8n-nodes-meta-calling.whatsAppCalling" (and its AI tool variant "…whatsAppCallingTool") -> its locator names. */
const LOCATORS_BY_TYPE = new Map(NODES.map((node) => [`n8n-nodes-meta-calling.${node.description.name}`, locatorNames(node.description.properties)]));

interface WorkflowNode {
	name: string;
	type: string;
	parameters?: Record<string, unknown>;
}

/** "node › field: value" for each locator field of a workflow stored as anything but {__rl: true, mode, value}. */
function plainLocatorFields(nodes: WorkflowNode[]): string[] {
	const found: string[] = [];
	const visit = (value: unknown, names: Set<string>, path: string): void => {
		if (Array.isArray(value)) value.forEach((entry, i) => visit(entry, names, `${path}[${i}]`));
		else if (typeof value === 'object' && value !== null) {
			for (const [key, inner] of Object.entries(value)) {
				const at = path ? `${path}.${key}` : key;
				if (!names.has(key)) visit(inner, names, at);
				else if (!isLocatorShape(inner)) found.push(`${at}: ${JSON.stringify(inner)}`);
			}
		}
	};
	for (const node of nodes) {
		const names = LOCATORS_BY_TYPE.get(node.type.replace(/Tool$/, ''));
		if (names) visit(node.parameters ?? {}, names, node.name);
	}
	return found;
}

function isLocatorShape(value: unknown): boolean {
	if (typeof value !== 'object' || value === null) return false;
	const { __rl, mode, value: inner } = value as Record<string, unknown>;
	return __rl === true && typeof mode === 'string' && typeof inner === 'string';
}

const workflowFiles = WORKFLOW_DIRS.flatMap((dir) =>
	readdirSync(join(REPO_ROOT, dir))
		.filter((file) => file.endsWith('.json'))
		.map((file) => `${dir}/${file}`),
);

describe("resource-locator fields are stored in the locator's shape in every shipped workflow", () => {
	it('finds the locator fields from the node descriptions', () => {
		expect([...LOCATORS_BY_TYPE.get('n8n-nodes-meta-calling.whatsAppCalling')!].sort()).toEqual(['phoneNumberId', 'timezoneId', 'wabaId']);
		expect([...LOCATORS_BY_TYPE.get('n8n-nodes-meta-calling.messengerCalling')!].sort()).toEqual(['pageId', 'timezoneId']);
		expect(plainLocatorFields([{ name: 'N', type: 'n8n-nodes-meta-calling.messengerCallingTool', parameters: { pageId: '={{ $json.id }}' } }])).toEqual([
			'N.pageId: "={{ $json.id }}"',
		]);
		expect(plainLocatorFields([{ name: 'N', type: 'n8n-nodes-base.set', parameters: { pageId: '4' } }])).toEqual([]);
	});

	it.each(workflowFiles.filter((file) => !SAVED_BEFORE_LOCATORS.has(file)))('%s', (file) => {
		const workflow = JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as { nodes: WorkflowNode[] };
		expect(plainLocatorFields(workflow.nodes)).toEqual([]);
	});

	it('keeps the witnesses of workflows saved before the locators (plain strings), which the e2e tier runs', () => {
		for (const file of SAVED_BEFORE_LOCATORS) {
			const workflow = JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as { nodes: WorkflowNode[] };
			expect(plainLocatorFields(workflow.nodes).length).toBeGreaterThan(0);
		}
	});
});
