/**
 * `npm run docs:screenshots`: the README's pictures of the nodes as a user sees them in the n8n editor,
 * taken in headless Debian chromium (driven by playwright-core) against the instance `npm start` runs
 * (started here, and stopped again, when none is running). Writes docs/screenshots/*.png at 1280x800:
 * each example workflow's canvas, each node's parameter panel, the "From List" account lists (opened and
 * narrowed by a search), the node panel (both apps' entries, an app's Node details) and the credential dialog.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';

import type { Page } from 'playwright-core';

import { REPO_ROOT } from '../tools/n8n/lines';
import { SANDBOX_CREDENTIAL_ID } from '../tools/n8n/userFolder';
import { readExamples } from './start/examples';
import { DEMO_OWNER } from './start/owner';
import { ensureChromium, launchChromium } from './screenshots/chromium';
import { closeNode, dismissPopups, logIn, openCredential, openNode, openResourceList, openWorkflow } from './screenshots/editor';
import { openDetails, openNodePanel, searchPanel } from '../tools/n8n/nodePanel';
import { stopInstance, useOrStartInstance } from './screenshots/instance';

const OUT_DIR = join(REPO_ROOT, 'docs', 'screenshots');

/** A node whose parameters are shown: the workflow it is in and its name there. */
interface NodeShot {
	file: string;
	workflowId: string;
	node: string;
}

const NODE_SHOTS: NodeShot[] = [
	{ file: 'whatsapp-calling.png', workflowId: 'exWaHolidays0001', node: 'Sync from public holidays' },
	{ file: 'messenger-calling.png', workflowId: 'exMsHolidayEve01', node: 'Hide the call button' },
	{ file: 'messenger-calling-call-prompt.png', workflowId: 'exMsCallPrompt01', node: 'Send call prompt' },
	{ file: 'whatsapp-calling-trigger.png', workflowId: 'exWaRestricted01', node: 'When Meta restricts calling' },
];

/** No example uses the Messenger trigger, so a workflow holding only it is made for its picture and deleted after. */
const MESSENGER_TRIGGER_WORKFLOW = {
	name: 'Screenshot: Messenger Calling Trigger',
	nodes: [
		{
			id: '0b5e6a8e-9c1f-4b44-a3c2-5c0000000001',
			name: 'Messenger Calling Trigger',
			type: 'n8n-nodes-meta-calling.messengerCallingTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: '0b5e6a8e-9c1f-4b44-a3c2-5c00000000aa',
			credentials: { metaCallingApi: { id: SANDBOX_CREDENTIAL_ID, name: 'Meta Calling API (sandbox)' } },
			parameters: { subscription: 'automatic', options: { pageIds: '4000000000000001' } },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

const SANDBOX_CREDENTIAL = { metaCallingApi: { id: SANDBOX_CREDENTIAL_ID, name: 'Meta Calling API (sandbox)' } };
const FROM_LIST = { __rl: true, mode: 'list', value: '' };

/**
 * New nodes as a user drops them in: every ID field on "From List". The pictures show each list with the
 * sandbox's accounts, then narrowed by a search.
 */
const ACCOUNT_LISTS_WORKFLOW = {
	name: 'Screenshot: account lists',
	nodes: [
		{
			id: '0b5e6a8e-9c1f-4b44-a3c2-5c0000000011',
			name: 'WhatsApp Calling',
			type: 'n8n-nodes-meta-calling.whatsAppCalling',
			typeVersion: 1,
			position: [0, 0],
			credentials: SANDBOX_CREDENTIAL,
			parameters: { resource: 'callingSettings', operation: 'get', phoneNumberId: FROM_LIST },
		},
		{
			id: '0b5e6a8e-9c1f-4b44-a3c2-5c0000000012',
			name: 'Messenger Calling',
			type: 'n8n-nodes-meta-calling.messengerCalling',
			typeVersion: 1,
			position: [300, 0],
			credentials: SANDBOX_CREDENTIAL,
			parameters: { resource: 'callSettings', operation: 'setCallHours', pageId: FROM_LIST, timezoneId: FROM_LIST },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

interface ListShot {
	file: string;
	node: string;
	parameter: string;
	search?: string;
}

const LIST_SHOTS: ListShot[] = [
	{ file: 'list-phone-numbers.png', node: 'WhatsApp Calling', parameter: 'phoneNumberId' },
	{ file: 'list-phone-numbers-search.png', node: 'WhatsApp Calling', parameter: 'phoneNumberId', search: 'support' },
	{ file: 'list-pages.png', node: 'Messenger Calling', parameter: 'pageId' },
	{ file: 'list-pages-search.png', node: 'Messenger Calling', parameter: 'pageId', search: 'two' },
	{ file: 'list-timezones-search.png', node: 'Messenger Calling', parameter: 'timezoneId', search: 'kolkata' },
];

function log(text: string): void {
	process.stdout.write(`[screenshots] ${text}\n`);
}

async function shoot(page: Page, file: string): Promise<void> {
	await page.screenshot({ path: join(OUT_DIR, file) });
	log(`docs/screenshots/${file}`);
}

async function createWorkflow(page: Page, url: string, workflow: object): Promise<string> {
	const answer = await page.request.post(`${url}/rest/workflows`, { data: workflow });
	if (!answer.ok()) throw new Error(`creating a workflow answered ${answer.status()}: ${(await answer.text()).slice(0, 300)}`);
	return ((await answer.json()) as { data: { id: string } }).data.id;
}

/** n8n 2.x deletes only archived workflows; 1.x deletes directly (its archive call then fails harmlessly). */
async function deleteWorkflow(page: Page, url: string, id: string): Promise<void> {
	await page.request.post(`${url}/rest/workflows/${id}/archive`, { data: {} }).catch(() => undefined);
	await page.request.delete(`${url}/rest/workflows/${id}`).catch(() => undefined);
}

async function main(): Promise<void> {
	mkdirSync(OUT_DIR, { recursive: true });
	ensureChromium(log);
	const instance = await useOrStartInstance(log);
	const browser = await launchChromium();
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
		await logIn(context, instance.url, DEMO_OWNER);
		const page = await context.newPage();

		for (const [index, example] of readExamples().entries()) {
			await openWorkflow(page, instance.url, example.id);
			await shoot(page, `example-${index + 1}.png`);
		}
		for (const shot of NODE_SHOTS) {
			await openWorkflow(page, instance.url, shot.workflowId);
			await openNode(page, shot.node);
			await shoot(page, shot.file);
			await closeNode(page);
		}

		const temporary = await createWorkflow(page, instance.url, MESSENGER_TRIGGER_WORKFLOW);
		try {
			await openWorkflow(page, instance.url, temporary);
			await openNode(page, 'Messenger Calling Trigger');
			await shoot(page, 'messenger-calling-trigger.png');
			await closeNode(page);
		} finally {
			await deleteWorkflow(page, instance.url, temporary);
		}

		const lists = await createWorkflow(page, instance.url, ACCOUNT_LISTS_WORKFLOW);
		try {
			for (const shot of LIST_SHOTS) {
				await openWorkflow(page, instance.url, lists);
				await openNode(page, shot.node);
				await openResourceList(page, shot.parameter, shot.search);
				await shoot(page, shot.file);
				await closeNode(page);
			}
		} finally {
			await deleteWorkflow(page, instance.url, lists);
		}

		// The node panel of a new workflow: "Calling" lists both apps, each one entry for its action node and
		// its trigger; then WhatsApp Calling's Node details.
		await page.goto(`${instance.url}/workflow/new`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-add-button"]').first().waitFor({ timeout: 60000 });
		await dismissPopups(page);
		await openNodePanel(page, false);
		await searchPanel(page, 'Calling');
		await shoot(page, 'node-panel-search.png');
		await openDetails(page, 'WhatsApp Calling');
		await shoot(page, 'node-panel-details.png');

		await openCredential(page, instance.url, SANDBOX_CREDENTIAL_ID);
		await shoot(page, 'credential.png');
	} finally {
		await browser.close();
		await stopInstance(instance);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`docs:screenshots failed: ${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
