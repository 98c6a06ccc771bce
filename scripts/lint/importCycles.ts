/*
 * `npm run lint` fails on an import cycle among the package's own modules (nodes/, credentials/): a cycle
 * means two files can only be read together, and at runtime one of them sees the other half-loaded.
 * Type-only imports count too — they tie the files together for a reader all the same.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** file -> the files it imports (relative imports only: packages cannot import us back). */
export type ImportGraph = Map<string, string[]>;

const IMPORT_FROM = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*'(\.[^']*)'/gm;
const BARE_IMPORT = /^\s*import\s*'(\.[^']*)'/gm;

/** The relative module specifiers a TypeScript source names in its import and re-export statements. */
export function relativeImports(source: string): string[] {
	return [...source.matchAll(IMPORT_FROM), ...source.matchAll(BARE_IMPORT)].map((match) => match[1]);
}

/**
 * Every cycle of the graph, each once, as the files in import order with the first repeated at the end
 * (Tarjan's strongly connected components; a component of two or more files, or a file importing itself,
 * holds a cycle, reported along one path through it).
 */
export function findImportCycles(graph: ImportGraph): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	let counter = 0;
	const visit = (file: string): void => {
		index.set(file, counter);
		low.set(file, counter++);
		stack.push(file);
		onStack.add(file);
		for (const next of graph.get(file) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(file, Math.min(low.get(file)!, low.get(next)!));
			} else if (onStack.has(next)) {
				low.set(file, Math.min(low.get(file)!, index.get(next)!));
			}
		}
		if (low.get(file) !== index.get(file)) return;
		const component: string[] = [];
		let member: string;
		do {
			member = stack.pop()!;
			onStack.delete(member);
			component.push(member);
		} while (member !== file);
		if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(cyclePath(graph, new Set(component), file));
	};
	for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
	return cycles;
}

/** One way round a strongly connected component, starting and ending at `start`. */
function cyclePath(graph: ImportGraph, component: Set<string>, start: string): string[] {
	const previous = new Map<string, string>();
	const queue = [start];
	while (queue.length > 0) {
		const file = queue.shift()!;
		for (const next of graph.get(file) ?? []) {
			if (!component.has(next)) continue;
			if (next === start) {
				const path = [start];
				for (let at = file; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
				return [...path, start];
			}
			if (!previous.has(next)) {
				previous.set(next, file);
				queue.push(next);
			}
		}
	}
	return [start, start];
}

function tsFilesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return tsFilesUnder(path);
		return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
	});
}

function resolveModule(fromFile: string, specifier: string): string | undefined {
	const base = resolve(dirname(fromFile), specifier);
	return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** The import graph of the .ts files under `dirs`, with paths relative to `root`. */
export function importGraphOf(root: string, dirs: string[]): ImportGraph {
	const graph: ImportGraph = new Map();
	for (const file of dirs.flatMap((dir) => tsFilesUnder(join(root, dir)))) {
		const targets = relativeImports(readFileSync(file, 'utf8'))
			.map((specifier) => resolveModule(file, specifier))
			.filter((target): target is string => target !== undefined);
		graph.set(relative(root, file), targets.map((target) => relative(root, target)));
	}
	return graph;
}

if (require.main === module) {
	const cycles = findImportCycles(importGraphOf(resolve(__dirname, '../..'), ['nodes', 'credentials']));
	for (const cycle of cycles) console.error(`import cycle: ${cycle.join(' -> ')}`);
	if (cycles.length > 0) process.exit(1);
	console.log('no import cycles in nodes/ and credentials/');
}
