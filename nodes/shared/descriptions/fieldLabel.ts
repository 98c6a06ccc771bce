import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

/*
 * Input errors name a parameter by its path in the node's parameters (`updateFields.sipServers[0].hostname`,
 * `weeklyHours[2].openTime`): what the code reads. The user sees labels instead, so an error is shown in
 * the words on screen, looked up in the node's own description: the displayName of each parameter, of the
 * collection option and of the fixedCollection group, with positions counted from 1 as the editor lists
 * them ("Weekly Hours › Opening Window 3 › Open Time"). A renamed label renames the error too.
 */

/** The resource and operation chosen: parameters of other operations may share a name but not a label. */
export interface Shown {
	resource?: string;
	operation?: string;
}

export interface FieldLabel {
	/** e.g. "Weekly Hours › Opening Window 3 › Open Time" */
	label: string;
	/** the description of the innermost parameter found (what it expects), if it has one */
	description?: string;
	/** false when some part of the path is no parameter of the node (the rest is shown as written) */
	complete: boolean;
}

const SEPARATOR = ' › ';

type Segment = { name: string } | { index: number };

function segmentsOf(path: string): Segment[] {
	return (path.match(/\[\d+\]|[^.[\]]+/g) ?? []).map((part) =>
		part.startsWith('[') ? { index: Number(part.slice(1, -1)) } : { name: part },
	);
}

function isShown(property: INodeProperties, shown: Shown): boolean {
	const show = property.displayOptions?.show;
	if (!show) return true;
	for (const key of ['resource', 'operation'] as const) {
		const allowed = show[key];
		const value = shown[key];
		if (allowed && value !== undefined && !allowed.includes(value)) return false;
	}
	return true;
}

function findProperty(list: readonly INodeProperties[], name: string, shown: Shown): INodeProperties | undefined {
	const named = list.filter((property) => property.name === name);
	return named.find((property) => isShown(property, shown)) ?? named[0];
}

function isGroup(option: unknown): option is INodePropertyCollection {
	return typeof option === 'object' && option !== null && 'values' in option;
}

/** A part of the path inside a value (a JSON parameter, a comma list): positions from 1, names as written. */
function rawPart(segment: Segment): string {
	return 'index' in segment ? `entry ${segment.index + 1}` : segment.name;
}

function rawPath(segments: Segment[]): string {
	return segments.map((s, n) => ('index' in s ? `[${s.index}]` : n === 0 ? s.name : `.${s.name}`)).join('');
}

/** The labels on screen for a parameter path of the node with these properties. */
export function fieldLabel(properties: readonly INodeProperties[], path: string, shown: Shown = {}): FieldLabel {
	const segments = segmentsOf(path);
	const parts: string[] = [];
	let level: readonly INodeProperties[] | undefined = properties;
	let description: string | undefined;
	let complete = true;

	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		if (level === undefined || 'index' in segment) {
			// inside a value: no labels below this point
			parts.push(rawPart(segment));
			continue;
		}
		const property = findProperty(level, segment.name, shown);
		if (!property) {
			// not a parameter of this node (or no description given): the rest as the code wrote it
			complete = false;
			parts.push(rawPath(segments.slice(i)));
			break;
		}
		parts.push(property.displayName);
		if (property.description) description = property.description;
		level = undefined;
		if (property.type === 'collection') {
			level = (property.options ?? []) as INodeProperties[];
		} else if (property.type === 'fixedCollection') {
			const groups = (property.options ?? []).filter(isGroup);
			// The code reads `weeklyHours[2]` for the group `hours` of `weeklyHours`; `x.group[2]` names it.
			const next = segments[i + 1];
			let group = next && 'name' in next ? groups.find((g) => g.name === next.name) : undefined;
			const named = group !== undefined;
			if (named) i++;
			else if (groups.length === 1 && next && 'index' in next) group = groups[0];
			if (group) {
				const position = segments[i + 1];
				if (position && 'index' in position) {
					parts.push(`${group.displayName} ${position.index + 1}`);
					i++;
				} else {
					parts.push(group.displayName);
				}
				level = group.values;
			}
		}
	}
	return { label: parts.join(SEPARATOR), description, complete };
}

/**
 * A rule may name another entry of the same parameter ("is also in weeklyHours[0]"): those paths are shown
 * as labels too. Only paths that start with the parameter of the error are rewritten.
 */
export function labelPathsIn(
	text: string,
	properties: readonly INodeProperties[],
	parameter: string,
	shown: Shown = {},
): string {
	if (!/^[A-Za-z]\w*$/.test(parameter)) return text;
	const paths = new RegExp(`\\b${parameter}(?:\\[\\d+\\]|\\.[A-Za-z]\\w*)+`, 'g');
	return text.replace(paths, (path) => fieldLabel(properties, path, shown).label);
}

/** "Weekly Hours › Opening Window 3 › Open Time: must be …" and how to fix it, for an input error. */
export function inputErrorInWords(
	properties: readonly INodeProperties[],
	error: { field: string; rule: string; hint?: string },
	shown: Shown = {},
): { message: string; description: string; label: string } {
	const { label, description } = fieldLabel(properties, error.field, shown);
	const top = error.field.match(/^[A-Za-z]\w*/)?.[0] ?? '';
	const rule = labelPathsIn(error.rule, properties, top, shown);
	const fix = error.hint ?? (description ? `${label}: ${description}` : `Change "${label}" and run again.`);
	return { message: `${label}: ${rule}`, description: fix, label };
}
