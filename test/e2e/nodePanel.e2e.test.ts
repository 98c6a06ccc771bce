import { mkdirSync } from 'fs';
import { dirname, join } from 'path';

import type { Browser, Page } from 'playwright-core';

import { ensureChromium, launchChromium } from '../../scripts/screenshots/chromium';
import { logIn } from '../../scripts/screenshots/editor';
import { ourApps, panelApp, panelProblems, type PanelApp } from '../helpers/nodePanel';
import { e2eContext } from './harness/context';
import { openDetails, openNodePanel, searchPanel, type PanelDetails, type PanelEntry } from '../../tools/n8n/nodePanel';
import { OWNER } from '../../tools/n8n/n8nRest';

/*
 * Issue 14, item 7: what n8n's node panel shows for our two apps, read in the real editor (headless
 * Chromium): one entry per app, whose text is the trigger's description (the rule in
 * test/helpers/nodePanel.ts, which the unit tests apply to the descriptions), and that text reads right
 * for both nodes. Screenshots of each step go to the run folder, or to META_CALLING_PANEL_SHOTS
 * (docs/screenshots/ for the README).
 */

const line = process.env.N8N_LINE ?? '2';
const e2e = e2eContext();
const shotsDir = process.env.META_CALLING_PANEL_SHOTS ?? join(dirname(e2e.n8nLog), 'node-panel');

const apps = ourApps().map((nodes) => ({ nodes, model: panelApp(nodes) }));

/** A workflow that already has a trigger: adding a node opens the regular panel ("What happens next?"). */
const WITH_TRIGGER = {
	name: 'Node panel check',
	active: false,
	nodes: [
		{
			id: '5e1c9a37-4b0e-4c55-9d1e-7a0000000001',
			name: 'When clicking Execute workflow',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

interface Seen {
	entries: PanelEntry[];
	details: PanelDetails;
}

let browser: Browser;
let page: Page;
let withTriggerId = '';
/** What each panel showed per app, read once in beforeAll and checked by the tests below. */
const seen: Record<'trigger' | 'regular', Record<string, Seen>> = { trigger: {}, regular: {} };
const webhookSearch: Record<'trigger' | 'regular', PanelEntry[]> = { trigger: [], regular: [] };

function slug(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

async function shoot(name: string): Promise<void> {
	await page.screenshot({ path: join(shotsDir, `node-panel-${name}.png`) });
}

/** A fresh editor page with the panel open (a page per look, so nothing left open from the last one). */
async function freshPanel(panel: 'trigger' | 'regular'): Promise<void> {
	const url = panel === 'trigger' ? `${e2e.n8nUrl}/workflow/new` : `${e2e.n8nUrl}/workflow/${withTriggerId}`;
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	await page.locator(panel === 'trigger' ? '[data-test-id="canvas-add-button"]' : '[data-test-id="canvas-node"]').first().waitFor({ timeout: 60000 });
	await page.waitForTimeout(1000);
	await openNodePanel(page, panel === 'regular');
}

async function readPanel(panel: 'trigger' | 'regular'): Promise<void> {
	for (const { model } of apps) {
		await freshPanel(panel);
		const entries = await searchPanel(page, model.name);
		await shoot(`${line}x-${panel}-search-${slug(model.name)}`);
		const details = await openDetails(page, model.name);
		await shoot(`${line}x-${panel}-details-${slug(model.name)}`);
		seen[panel][model.name] = { entries, details };
	}
	await freshPanel(panel);
	webhookSearch[panel] = await searchPanel(page, 'webhook');
}

beforeAll(async () => {
	mkdirSync(shotsDir, { recursive: true });
	ensureChromium((text) => process.stdout.write(`[node panel] ${text}\n`));
	browser = await launchChromium();
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
	await logIn(context, e2e.n8nUrl, OWNER);
	page = await context.newPage();
	const created = await page.request.post(`${e2e.n8nUrl}/rest/workflows`, { data: WITH_TRIGGER });
	if (!created.ok()) throw new Error(`creating the workflow answered ${created.status()}: ${(await created.text()).slice(0, 300)}`);
	withTriggerId = ((await created.json()) as { data: { id: string } }).data.id;
	await readPanel('trigger');
	await readPanel('regular');
}, 240000);

afterAll(async () => {
	if (withTriggerId) {
		await page.request.post(`${e2e.n8nUrl}/rest/workflows/${withTriggerId}/archive`, { data: {} }).catch(() => undefined);
		await page.request.delete(`${e2e.n8nUrl}/rest/workflows/${withTriggerId}`).catch(() => undefined);
	}
	await browser?.close();
});

const sorted = (list: string[] | undefined) => [...(list ?? [])].sort();

describe.each(['trigger', 'regular'] as const)(`n8n ${line}.x node panel, %s panel`, (panel) => {
	describe.each(apps.map(({ nodes, model }) => [model.name, nodes, model] as const))('%s', (name, nodes, model: PanelApp) => {
		it('search lists one entry for both nodes, with the text the rule predicts', () => {
			const { entries } = seen[panel][name];
			expect(entries.filter((e) => e.name === name)).toHaveLength(1);
			expect(entries.map((e) => e.name)).not.toContain(`${name} Trigger`);
			const entry = entries.find((e) => e.name === name);
			// 2.x shows descriptions in search results; 1.x leaves them out in the regular panel.
			if (line === '2' || entry?.description !== undefined) expect(entry?.description).toBe(model.text);
		});

		it("Node details shows the entry's text, every action of the action node and every event of the trigger", () => {
			const { details } = seen[panel][name];
			expect(details.description).toBe(model.text);
			expect(sorted(details.itemsByType[model.type])).toEqual(sorted(model.actions));
			expect(sorted(details.itemsByType[`${model.type}Trigger`])).toEqual(sorted(model.triggers));
		});

		it('what it shows reads right: the text speaks for the actions and the trigger, each event by the name we gave it', () => {
			const { details } = seen[panel][name];
			expect(details.description).toMatch(/^Manage .+, and start workflows when /);
			expect(panelProblems(nodes)).toEqual([]);
		});
	});

	it('searching "webhook" (a trigger word) finds both apps', () => {
		const names = webhookSearch[panel].map((e) => e.name);
		for (const { model } of apps) expect(names).toContain(model.name);
	});
});
