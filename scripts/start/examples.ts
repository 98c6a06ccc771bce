import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { REPO_ROOT } from '../../tools/n8n/lines';
import { holidayEvesToday } from './holidayEves';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

interface ExampleNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters?: Record<string, unknown>;
}

export interface Example {
	id: string;
	name: string;
	file: string;
	nodes: ExampleNode[];
	/** n8n's workflow settings; `timezone` is the zone of $today and of the Schedule Triggers. */
	settings?: { timezone?: string };
}

/** The workflows of examples/, in file-name order (the order the README lists them in). */
export function readExamples(dir = EXAMPLES_DIR): Example[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<Example, 'file'>;
			return { id: workflow.id, name: workflow.name, nodes: workflow.nodes, settings: workflow.settings, file };
		});
}

const TRIGGER_TYPES = new Set([
	'n8n-nodes-base.scheduleTrigger',
	'n8n-nodes-base.webhook',
	'n8n-nodes-meta-calling.whatsAppCallingTrigger',
	'n8n-nodes-meta-calling.messengerCallingTrigger',
]);

/** The node names say when a workflow starts ("Every Monday at 06:00", "When Meta restricts calling"). */
function triggerNames(example: Example): string[] {
	return example.nodes.filter((node) => TRIGGER_TYPES.has(node.type)).map((node) => node.name);
}

/** The banner's list of the examples, each under the name the editor shows, with its URL and what starts it. */
export function exampleListing(examples: Example[], n8nUrl: string): string[] {
	return examples.map((example, i) => `  ${i + 1}. ${example.name}  ${n8nUrl}/workflow/${example.id}  [starts: ${triggerNames(example).join(' / ')}]`);
}

/** The WhatsApp Calling Trigger of an example, if it has one: the sandbox must know its callback URL. */
export function whatsAppTriggerOf(example: Example): ExampleNode | undefined {
	return example.nodes.find((node) => node.type === 'n8n-nodes-meta-calling.whatsAppCallingTrigger');
}

/** Meta sends the verify token the trigger expects: its Verify Token (a manual set-up cannot be activated without one). */
export function verifyTokenOf(trigger: ExampleNode): string {
	const configured = trigger.parameters?.verifyToken;
	if (typeof configured !== 'string' || configured.trim() === '') throw new Error(`the example trigger "${trigger.name}" has no Verify Token`);
	return configured.trim();
}

/**
 * The requests that show both paths of the call-me example on any day: the person to call back is the
 * sandbox's demo PSID, and `at` makes the hours check decide as of a Monday 10:00 (open: sent) or a
 * Saturday (closed: not sent, nextOpenAt) at the demo Page (Mon-Fri 09:00-17:00 America/Los_Angeles).
 */
export const CALL_ME_BODIES = [
	{ recipientId: '5000000000000001', at: '2030-01-07T10:00:00-08:00' },
	{ recipientId: '5000000000000001', at: '2030-01-05T10:00:00-08:00' },
];

/**
 * The request of the call-me-back example (6): the sandbox's demo person who has not allowed calls, so the
 * call button is sent while the demo number is open, else the answer says when it opens. (The example's
 * note names the demo person who allowed calls: the team is alerted.)
 */
export const CALL_ME_BACK_BODIES = [{ phone: '+49 151 23456789' }];
/** The sandbox's demo person who allowed calls for good. */
export const ALLOWS_CALLS_BODY = { phone: '+49 151 23456780' };

/** Each webhook example's requests, by its path. */
const WEBHOOK_BODIES: Record<string, readonly object[]> = {
	'meta-calling-call-me': CALL_ME_BODIES,
	'meta-calling-call-me-back': CALL_ME_BACK_BODIES,
};

/**
 * Commands that run the example now, against the sandbox (or what a manual run does on the day of `now`);
 * one a line when there are several.
 */
export function tryItCommand(example: Example, urls: { n8n: string; sandbox: string }, now = new Date()): string {
	const webhook = example.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	if (webhook) {
		const post = `curl -s -X POST ${urls.n8n}/webhook/${String(webhook.parameters?.path)} -H 'content-type: application/json' -d`;
		return (WEBHOOK_BODIES[String(webhook.parameters?.path)] ?? [{}]).map((body) => `${post} '${JSON.stringify(body)}'`).join('\n');
	}
	if (whatsAppTriggerOf(example)) {
		const restriction = {
			object: 'whatsapp_business_account',
			body: {
				object: 'whatsapp_business_account',
				entry: [
					{
						id: '2000000000000001',
						changes: [
							{
								field: 'account_update',
								value: {
									phone_number: '15550100001',
									event: 'ACCOUNT_RESTRICTION',
									restriction_info: [{ restriction_type: 'RESTRICTED_USER_INITIATED_CALLING', expiration: 1893456000 }],
								},
							},
						],
					},
				],
			},
		};
		return `curl -s -X POST ${urls.sandbox}/__sandbox/emit -H 'content-type: application/json' -d '${JSON.stringify(restriction)}'`;
	}
	if (example.nodes.some((node) => node.type === 'n8n-nodes-base.switch')) {
		// Example 2 acts only at 18:00 on a listed eve and at 08:00 the morning after; a manual run today
		// stops at its Switch unless today (or yesterday) is in its list: say which.
		return holidayEvesToday(example, now);
	}
	return 'open it and click "Execute workflow": it runs now, against the sandbox';
}

/** What npm start remembers of an instance it set up (`imported.json` in its folder). */
export interface ImportMarker {
	sandboxUrl: string;
	/** the example workflow ids imported so far; missing in markers written before example 6 */
	examples?: string[];
}

/** The examples every instance set up before the marker listed its examples had (1–5). */
const EXAMPLES_BEFORE_THE_LIST = ['exWaHolidays0001', 'exMsHolidayEve01', 'exWaRestricted01', 'exMsCallPrompt01', 'exMsClosures0005'];

/**
 * The examples a kept instance still lacks: those added to the repository since it was set up. The others
 * are left as the user may have edited them.
 */
export function examplesMissingFrom<T extends { id: string }>(marker: ImportMarker, examples: readonly T[]): T[] {
	const imported = new Set(marker.examples ?? EXAMPLES_BEFORE_THE_LIST);
	return examples.filter((example) => !imported.has(example.id));
}
