/**
 * The calendar examples ship with real addresses (the Nager.Date service, a Google Calendar feed). Where
 * they run against the sandbox (`npm start`, the e2e tier), their calendar sources are pointed at the
 * sandbox's own public-holiday service and its "closures" feed instead; every other parameter stays.
 */

interface CalendarNode {
	parameters?: Record<string, unknown>;
}

/** A copy of the workflow whose calendar sources read from the sandbox at `sandboxUrl`. */
export function pointCalendarsAt<T extends { nodes?: unknown }>(workflow: T, sandboxUrl: string, feed = 'closures'): T {
	if (!Array.isArray(workflow.nodes)) return workflow;
	const nodes = (workflow.nodes as CalendarNode[]).map((node) => {
		const parameters = node.parameters;
		if (!parameters || typeof parameters.calendarSource !== 'string') return node;
		const options = { ...((parameters.options as Record<string, unknown> | undefined) ?? {}) };
		const changed: Record<string, unknown> = { ...parameters };
		if (parameters.calendarSource === 'publicHolidays') changed.options = { ...options, publicHolidaysBaseUrl: sandboxUrl };
		if (parameters.calendarSource === 'ical') changed.calendarUrl = `${sandboxUrl}/calendars/${feed}.ics`;
		return { ...node, parameters: changed };
	});
	return { ...workflow, nodes };
}
