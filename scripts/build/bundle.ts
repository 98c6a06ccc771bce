/*
 * The package as npm ships it and n8n loads it: one readable (not minified) CommonJS bundle of nodes/ and
 * credentials/, dist/metaCalling.js, and at every path package.json names (main, n8n.nodes,
 * n8n.credentials) a two-line file that hands n8n its class from the bundle; icons and codex files sit
 * beside those entry files (gulp build:assets), where n8n looks for them.
 *
 * Why one bundle: n8n's verification caps what a community package should weigh (our budget:
 * scripts/scan/packContents.ts), and compiled file by file the package spent about 12 KB of its 100 KB on
 * 120 files' tar headers and CommonJS boilerplate. The bundle keeps every name and marks each source file
 * (`// nodes/…/x.ts`), so it reads like the source without comments; imports stay limited to
 * n8n-workflow, luxon and crypto (external, as n8n provides them).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../..');
export const BUNDLE_FILE = 'metaCalling.js';

/** One file package.json names: where it goes in dist/, the source it stands for and the class it exports. */
export interface EntryFile {
	/** e.g. dist/nodes/WhatsAppCalling/WhatsAppCalling.node.js */
	distPath: string;
	/** e.g. nodes/WhatsAppCalling/WhatsAppCalling.node.ts */
	sourcePath: string;
	/** e.g. WhatsAppCalling (n8n finds the class by the file's name); undefined for `main` */
	className?: string;
}

interface Manifest {
	main: string;
	n8n: { nodes: string[]; credentials: string[] };
}

/** The entry files of a package.json, pure. */
export function entryFilesOf(manifest: Manifest): EntryFile[] {
	const source = (distPath: string) => distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
	const classed = (distPath: string): EntryFile => ({
		distPath,
		sourcePath: source(distPath),
		className: basename(distPath).split('.')[0],
	});
	return [...manifest.n8n.nodes.map(classed), ...manifest.n8n.credentials.map(classed), { distPath: manifest.main, sourcePath: source(manifest.main) }];
}

/** The text of an entry file: its class out of the bundle (the main file: everything the bundle exports). */
export function entryFileText(entry: EntryFile): string {
	const fromBundle = `./${relative(dirname(entry.distPath), join('dist', BUNDLE_FILE))}`.replace(/^\.\/\.\.\//, '../');
	const line = entry.className ? `exports.${entry.className} = require('${fromBundle}').${entry.className};` : `module.exports = require('${fromBundle}');`;
	return `'use strict';\n${line}\n`;
}

/** Bundles the package into `outDir` (a dist/ folder) and writes its entry files. */
export async function bundlePackage(outDir: string): Promise<void> {
	const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
	const entries = entryFilesOf(manifest);
	const classes = entries.filter((entry) => entry.className);
	const contents = classes.map((entry) => `export { ${entry.className} } from './${entry.sourcePath.replace(/\.ts$/, '')}';`).join('\n');
	await build({
		stdin: { contents, resolveDir: REPO_ROOT, sourcefile: 'package-entry.ts', loader: 'ts' },
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ['n8n-workflow', 'luxon', 'crypto'],
		legalComments: 'none',
		logLevel: 'warning',
		outfile: join(outDir, BUNDLE_FILE),
	});
	for (const entry of entries) {
		const target = join(outDir, relative('dist', entry.distPath));
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, entryFileText(entry));
	}
}

if (require.main === module) {
	const outDir = process.argv[2] ? resolve(process.argv[2]) : join(REPO_ROOT, 'dist');
	bundlePackage(outDir).catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
