import type { Locator, Page } from 'playwright-core';

/**
 * Reading n8n's node panel (the "node creator") in a real editor, on 2.40.7, 2.41.1 and 1.123.81. n8n's own
 * data-test-id attributes are used (they are what n8n's end-to-end tests rely on).
 */

/** One entry of a list in the panel: its title and, where the panel shows one, its description. */
export interface PanelEntry {
	name: string;
	description?: string;
}

/** An app's "Node details" page: its text and the items it lists, per node type (action or trigger). */
export interface PanelDetails {
	description: string;
	/** Item titles by the node type they add (`<package>.<node>`), in the order shown. */
	itemsByType: Record<string, string[]>;
}

const PANEL = '[data-test-id="node-creator"]';

/**
 * Opens the panel as a user does: on a workflow without a trigger the canvas's "add first step" button
 * (the trigger panel), otherwise the "open nodes panel" button (the regular panel).
 */
export async function openNodePanel(page: Page, withTrigger: boolean): Promise<void> {
	const button = withTrigger ? '[data-test-id="node-creator-plus-button"]' : '[data-test-id="canvas-add-button"]';
	await page.locator(button).first().click();
	await page.locator(PANEL).waitFor({ timeout: 30000 });
	await page.waitForTimeout(800);
}

/** Types into the panel's search box and reads the entries it lists. */
export async function searchPanel(page: Page, query: string): Promise<PanelEntry[]> {
	await page.locator(`${PANEL} [data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]`).first().fill(query);
	// The panel filters as one types; give it a moment to redraw.
	await page.waitForTimeout(1200);
	const items = page.locator(`${PANEL} [data-test-id="node-creator-node-item"], ${PANEL} [data-test-id="node-creator-action-item"]`);
	const entries: PanelEntry[] = [];
	for (const item of await items.all()) entries.push(await readEntry(item));
	return entries;
}

async function readEntry(item: Locator): Promise<PanelEntry> {
	const name = (await item.locator('[data-test-id="node-creator-item-name"]').first().innerText()).trim();
	const description = item.locator('[data-test-id="node-creator-item-description"]');
	if ((await description.count()) === 0) return { name };
	const text = (await description.first().innerText()).trim();
	return text ? { name, description: text } : { name };
}

/**
 * Clicks the entry titled `name` in the current list and reads the "Node details" page it opens (n8n
 * shows it for community nodes): its text, and every action and trigger listed. Its sections ("Actions",
 * "Triggers") start one open, one closed; each header is clicked so every item is read once open, and
 * clicked again, so the page is left as it opened.
 */
export async function openDetails(page: Page, name: string): Promise<PanelDetails> {
	await page.locator(`${PANEL} [data-test-id="node-creator-item-name"]`, { hasText: name }).first().click();
	await page.locator(`${PANEL} [data-test-id="node-creator-category-item"]`).first().waitFor({ timeout: 30000 });
	await page.waitForTimeout(800);
	const description = await readDetailsText(page, name);
	const itemsByType: Record<string, string[]> = {};
	const collect = async () => {
		for (const item of await page.locator(`${PANEL} [data-keyboard-nav-type="action"]`).all()) {
			// n8n names each item "<node type>-<uuid>".
			const navId = (await item.getAttribute('data-keyboard-nav-id')) ?? '';
			const type = navId.replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '');
			const title = (await item.locator('[data-test-id="node-creator-item-name"]').first().innerText()).trim();
			const list = (itemsByType[type] ??= []);
			if (!list.includes(title)) list.push(title);
		}
	};
	await collect();
	const headers = await page.locator(`${PANEL} [data-test-id="node-creator-category-item"]`).all();
	for (const header of headers) {
		await header.click();
		await page.waitForTimeout(400);
		await collect();
	}
	// Clicked again, each section is as n8n opened the page (for a screenshot taken after this).
	for (const header of headers) {
		await header.click();
		await page.waitForTimeout(300);
	}
	return { description, itemsByType };
}

/** The text under the app's title on Node details (the title, the "Installed" tag and links are not it). */
async function readDetailsText(page: Page, name: string): Promise<string> {
	const header = await page.locator(PANEL).innerText();
	const lines = header
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	const title = lines.indexOf(name);
	const after = lines.slice(title + 1).filter((line) => !/^(Installed|Docs|Via npm)$/.test(line));
	return after[0] ?? '';
}
