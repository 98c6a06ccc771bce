import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/*
 * Subtitles (the grey line under a node's name on the canvas) in the names the node shows, not its raw
 * values: "Holiday Schedule: Add" rather than "add: holidaySchedule". Each is an n8n expression that looks
 * the chosen values up in a table built from the node's own option lists, so a renamed option renames
 * the subtitle too. The tables are wrapped in parentheses: a bare `{` would start a block, not an object.
 */

function namedOptions(property: INodeProperties | undefined): INodePropertyOptions[] {
	return (property?.options ?? []).filter((option): option is INodePropertyOptions => 'value' in option);
}

/** `={{ … }}` that shows "<Resource name>: <Operation name>" for the chosen resource and operation. */
export function resourceOperationSubtitle(properties: INodeProperties[]): string {
	const names: Record<string, string> = {};
	for (const resource of namedOptions(properties.find((p) => p.name === 'resource'))) {
		const selector = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const operation of namedOptions(selector)) {
			names[`${String(resource.value)}/${String(operation.value)}`] = `${resource.name}: ${operation.name}`;
		}
	}
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + "/" + $parameter["operation"]] }}`;
}

/** `={{ … }}` that lists the names of the options chosen in a multiOptions parameter, comma-separated. */
export function chosenOptionsSubtitle(property: INodeProperties): string {
	const names = Object.fromEntries(namedOptions(property).map((option) => [String(option.value), option.name]));
	return `={{ ($parameter["${property.name}"] || []).map((value) => (${JSON.stringify(names)})[value] || value).join(", ") }}`;
}
