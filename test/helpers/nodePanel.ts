import { readFileSync } from 'fs';
import { join } from 'path';

import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { MessengerCalling } from '../../nodes/MessengerCalling/MessengerCalling.node';
import { MessengerCallingTrigger } from '../../nodes/MessengerCallingTrigger/MessengerCallingTrigger.node';
import { WhatsAppCalling } from '../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { WhatsAppCallingTrigger } from '../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';

/**
 * What n8n's node panel (the "node creator") shows for one of our apps, worked out from our node
 * descriptions by the rule the editor follows. Read in n8n's editor source (editor-ui, node creator's
 * `useActionsGeneration`, which builds the panel's entries) and in the built editors of 2.40.7, 2.41.1 and 1.123.81;
 * checked against the real panel by test/e2e/nodePanel.e2e.test.ts:
 *
 * - A trigger whose type name without "Trigger" is the type name of an action node that has actions
 *   (`whatsAppCallingTrigger` → `whatsAppCalling`) gets no entry of its own: it is merged into the action
 *   node's entry, and that entry's description is replaced by the TRIGGER's. So the trigger's
 *   `description` is the only text the panel shows for the app, in the trigger panel ("What triggers this
 *   workflow?") and the regular one ("What happens next?"), in search results (2.x) and on the app's
 *   "Node details" page (community nodes, both lines). The action node's own `description` shows in
 *   neither (it is what the action's AI-tool variant is described by).
 * - The entry keeps the action node's name, icon and codex, so search (display name and codex `alias`)
 *   only sees the ACTION's aliases; the trigger's codex aliases find nothing.
 * - Node details lists "Actions": each operation's `action` (else "<Resource> <Operation>"), and
 *   "Triggers": each option of the trigger's Events property with its `action`, else "On " + the option's
 *   name in lower case with punctuation dropped ("Account Update (All)" → "On account update all"); a
 *   trigger without an Events property gets one placeholder, "On new <display name without Trigger> event".
 */
export interface PanelApp {
	/** Node type of the entry (the action node's). */
	type: string;
	/** The entry's title. */
	name: string;
	/** The entry's description and Node details' text: the trigger's description. */
	text: string;
	/** What search matches besides the title: the action node's codex aliases. */
	aliases: string[];
	/** "Actions" on Node details, in the node's order. */
	actions: string[];
	/** "Triggers" on Node details. */
	triggers: string[];
}

export interface NodeWithCodex {
	description: INodeTypeDescription;
	/** The node's codex file (`<Node>.node.json`), which n8n serves with the description. */
	codex: { alias?: string[] };
}

export interface AppNodes {
	action: NodeWithCodex;
	trigger: NodeWithCodex;
}

const PACKAGE = 'n8n-nodes-meta-calling';

function readCodex(folder: string): { alias?: string[] } {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'nodes', folder, `${folder}.node.json`), 'utf8'));
}

/** Our two apps as the panel gets them: the node descriptions and their codex files. */
export function ourApps(): AppNodes[] {
	return [
		{
			action: { description: new WhatsAppCalling().description, codex: readCodex('WhatsAppCalling') },
			trigger: { description: new WhatsAppCallingTrigger().description, codex: readCodex('WhatsAppCallingTrigger') },
		},
		{
			action: { description: new MessengerCalling().description, codex: readCodex('MessengerCalling') },
			trigger: { description: new MessengerCallingTrigger().description, codex: readCodex('MessengerCallingTrigger') },
		},
	];
}

/** Whether the panel merges the trigger into the action node's entry (type names as n8n sees them). */
export function isMerged(app: AppNodes): boolean {
	return app.trigger.description.name.replace('Trigger', '') === app.action.description.name && panelActions(app.action.description).length > 0;
}

/** The action node's operations as the panel names them. */
function panelActions(node: INodeTypeDescription): string[] {
	const resource = node.properties.find((p) => p.name === 'resource');
	const resources = (resource?.options ?? []) as INodePropertyOptions[];
	return resources.flatMap((r) => {
		const selector = node.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value));
		return ((selector?.options ?? []) as INodePropertyOptions[]).map((o) => o.action ?? `${r.name} ${o.name}`);
	});
}

/** The panel's fallback name for an event without its own `action`. */
function fallbackEventName(option: INodePropertyOptions): string {
	return `On ${option.name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()}`;
}

function eventsProperty(trigger: INodeTypeDescription): INodeProperties | undefined {
	return trigger.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
}

function panelTriggers(trigger: INodeTypeDescription): string[] {
	const events = eventsProperty(trigger);
	if (!events?.options) return [`On new ${trigger.displayName.replace('Trigger', '').trimEnd()} event`];
	return (events.options as INodePropertyOptions[]).map((o) => o.action ?? fallbackEventName(o));
}

/** The app's entry as the panel shows it. */
export function panelApp(app: AppNodes): PanelApp {
	return {
		type: `${PACKAGE}.${app.action.description.name}`,
		name: app.action.description.displayName,
		text: app.trigger.description.description,
		aliases: app.action.codex.alias ?? [],
		actions: panelActions(app.action.description),
		triggers: panelTriggers(app.trigger.description),
	};
}

/**
 * What reads wrong in the app's entry, as sentences (empty: it reads right). Our rule for the text the
 * panel shows: it stands for the whole app, so it says what the actions do and what the trigger starts
 * workflows on: "Manage …, and start workflows when …" — never the trigger alone ("Starts the workflow
 * when …"), which is what the panel showed for the action node before.
 */
export function panelProblems(app: AppNodes): string[] {
	const entry = panelApp(app);
	const problems: string[] = [];
	const actionVerb = app.action.description.description.split(' ')[0];
	if (!entry.text.startsWith(`${actionVerb} `)) {
		problems.push(`${entry.name}: the entry's text does not say what the actions do (it should start like the action's "${actionVerb} …"): "${entry.text}"`);
	}
	if (!/, and start workflows when /.test(entry.text)) {
		problems.push(`${entry.name}: the entry's text does not say what the trigger starts workflows on (", and start workflows when …"): "${entry.text}"`);
	}
	for (const alias of app.trigger.codex.alias ?? []) {
		if (!entry.aliases.includes(alias)) problems.push(`${entry.name}: searching "${alias}" (a trigger alias) does not find the entry`);
	}
	const events = eventsProperty(app.trigger.description);
	for (const option of (events?.options ?? []) as INodePropertyOptions[]) {
		if (!option.action) problems.push(`${entry.name}: event "${option.name}" has no action text; the panel shows "${fallbackEventName(option)}"`);
	}
	const selectors = app.action.description.properties.filter((p) => p.name === 'operation');
	for (const option of selectors.flatMap((s) => (s.options ?? []) as INodePropertyOptions[])) {
		if (!option.action) problems.push(`${entry.name}: operation "${option.name}" has no action text`);
	}
	return problems;
}
