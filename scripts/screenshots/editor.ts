import type { BrowserContext, Page } from 'playwright-core';

/**
 * The few editor moves the screenshots need. n8n's own data-test-id attributes are used where they exist
 * (they are what n8n's end-to-end tests rely on), visible text otherwise.
 */

export async function logIn(context: BrowserContext, url: string, owner: { email: string; password: string }): Promise<void> {
	// The same call the sign-in form makes; the session cookie lands in the browser context.
	const answer = await context.request.post(`${url}/rest/login`, {
		data: { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password },
	});
	if (!answer.ok()) throw new Error(`log-in as ${owner.email} answered ${answer.status()}: ${(await answer.text()).slice(0, 300)}`);
}

/** Opens a workflow and waits until its nodes are drawn. */
export async function openWorkflow(page: Page, url: string, workflowId: string): Promise<void> {
	await page.goto(`${url}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60000 });
	await dismissPopups(page);
	// Let the canvas finish fitting the view.
	await page.waitForTimeout(1500);
	// n8n 2.41 opens its "Production Checklist" popover over the canvas the first time a browser shows a
	// published workflow; Escape closes it (and does nothing on a canvas without a selection).
	await page.keyboard.press('Escape');
	await page.waitForTimeout(300);
}

/** Opens a node's parameters (double click), as a user does. */
export async function openNode(page: Page, nodeName: string): Promise<void> {
	const node = page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).first();
	await node.dblclick();
	await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30000 });
	await page.waitForTimeout(1500);
}

export async function closeNode(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.waitForTimeout(500);
}

/** Notices n8n may show over a fresh instance's editor (tours, banners): closed so they hide nothing. */
export async function dismissPopups(page: Page): Promise<void> {
	for (const selector of ['[data-test-id="banner-close"]', '.el-notification__closeBtn', '.el-dialog__headerbtn']) {
		for (const button of await page.locator(selector).all()) {
			await button.click({ timeout: 2000 }).catch(() => undefined);
		}
	}
}

/** Opens a credential's dialog from the credentials list. */
export async function openCredential(page: Page, url: string, credentialId: string): Promise<void> {
	await page.goto(`${url}/home/credentials/${credentialId}`, { waitUntil: 'domcontentloaded' });
	await page.locator('[data-test-id="editCredential-modal"]').first().waitFor({ timeout: 60000 });
	await page.waitForTimeout(1500);
}

/**
 * Opens the "From List" dropdown of a resource locator parameter and, with `search`, types it into the
 * dropdown's search box; waits until the (narrowed) list is drawn.
 */
export async function openResourceList(page: Page, parameterName: string, search?: string): Promise<void> {
	const locator = page.locator(`[data-test-id="resource-locator-${parameterName}"]`).first();
	await locator.locator('[data-test-id="rlc-input"]').first().click();
	const item = page.locator('[data-test-id="rlc-item"]').first();
	await item.waitFor({ timeout: 30000 });
	if (search !== undefined) {
		await page.locator('[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]').first().fill(search);
		// The editor waits a moment after typing before it asks the node again.
		await page.waitForTimeout(1500);
		await item.waitFor({ timeout: 30000 });
	}
	await page.waitForTimeout(800);
}
