import { findImportCycles, relativeImports, type ImportGraph } from '../../../scripts/lint/importCycles';

const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('import cycle check (npm run lint)', () => {
	it('reads relative imports, type-only imports and re-exports, not packages', () => {
		const source = [
			"import type { A } from './a';",
			"import { b,\n  c } from '../b';",
			"export * from './c';",
			"export { d } from './d';",
			"import './side';",
			"import { sleep } from 'n8n-workflow';",
		].join('\n');
		expect(relativeImports(source).sort()).toEqual(['../b', './a', './c', './d', './side']);
	});

	it('finds none in a tree', () => {
		expect(findImportCycles(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
	});

	it('reports each cycle once, in import order, with a way round it', () => {
		const cycles = findImportCycles(graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [], e: ['e'], f: ['g'], g: ['f'] }));
		expect(cycles).toHaveLength(3);
		const rounds = cycles.map((cycle) => cycle.join('>'));
		expect(rounds).toContain('e>e');
		expect(rounds.some((round) => ['a>b>c>a', 'b>c>a>b', 'c>a>b>c'].includes(round))).toBe(true);
		expect(rounds.some((round) => ['f>g>f', 'g>f>g'].includes(round))).toBe(true);
	});
});
