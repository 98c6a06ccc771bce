import { isMerged, ourApps, panelApp, panelProblems } from '../../helpers/nodePanel';

/*
 * Issue 14, item 7: n8n's node panel shows one entry per app, with the trigger's description for both
 * nodes (rule and sources in test/helpers/nodePanel.ts; the real panel: test/e2e/nodePanel.e2e.test.ts).
 */
describe.each(ourApps().map((app) => [app.action.description.displayName, app] as const))('node panel: %s', (_name, app) => {
	it('is one entry: the trigger is merged into the action node, so the trigger text is the entry text', () => {
		expect(isMerged(app)).toBe(true);
		expect(panelApp(app).text).toBe(app.trigger.description.description);
	});

	it('reads right: the entry says what the actions do and what the trigger starts on, is found by the trigger words, names every action and event', () => {
		expect(panelProblems(app)).toEqual([]);
	});

	it('the action node keeps a description of its own (its AI tool variant is described by it)', () => {
		expect(app.action.description.description).toMatch(/^Manage /);
		expect(app.action.description.description).not.toMatch(/workflow/i);
	});
});
