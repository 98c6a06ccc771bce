/**
 * `npm run scan`: n8n's verification scanner (@n8n/scan-community-package, pinned in devDependencies),
 * run the way n8n runs it on a published package, but on this checkout:
 *   1. build (skipped with SCAN_SKIP_BUILD=1: scripts/test-all.sh has just built), `npm pack` into a
 *      temporary folder, and check the tarball's file list and size, and that package.json's
 *      repository, homepage and bugs name one repository (scripts/scan/packContents.ts);
 *   2. the tarball leg: the tarball unpacked, `analyzePackage(dir, ['**\/*.js', 'package.json'])`;
 *   3. the source leg: `analyzePackage(repo, SOURCE_FILE_PATTERNS)` (package.json and
 *      {nodes,credentials}/**\/*.{js,ts,json}), what n8n lints in the source that the package's npm
 *      provenance points at.
 * analyzePackage lints with inline config off, so an eslint-disable comment hides nothing from it.
 * Prints every finding and exits non-zero on any.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import { packProblems, projectLinkProblems, requiredByManifest, type PackReport } from './scan/packContents';

const REPO_ROOT = resolve(__dirname, '..');
const SCANNER = join(REPO_ROOT, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs');

interface AnalysisResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(dir: string, patterns?: string[]): Promise<AnalysisResult>;
	SOURCE_FILE_PATTERNS: string[];
}

function run(command: string, args: string[], cwd: string): string {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
	}
	return result.stdout;
}

function report(leg: string, result: AnalysisResult): boolean {
	if (result.passed) {
		console.log(`[scan] ${leg}: 0 findings${result.message ? ` (${result.message})` : ''}`);
		return true;
	}
	console.log(`[scan] ${leg}: ${result.message ?? 'failed'}`);
	if (result.details) console.log(result.details);
	return false;
}

async function main(): Promise<number> {
	if (process.env.SCAN_SKIP_BUILD !== '1') {
		console.log('[scan] npm run build');
		run('npm', ['run', '--silent', 'build'], REPO_ROOT);
	}
	// The scanner's module is ESM; a computed specifier keeps TypeScript from compiling this to require().
	const scanner = (await import(SCANNER)) as Scanner;
	const work = mkdtempSync(join(tmpdir(), 'meta-calling-scan-'));
	try {
		const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], REPO_ROOT)) as Array<
			PackReport & { filename: string }
		>;
		const tarball = packed[0];
		const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
		const problems = [...packProblems(tarball, requiredByManifest(manifest)), ...projectLinkProblems(manifest)];
		console.log(`[scan] tarball: ${tarball.files.length} files, ${tarball.size} bytes packed`);
		for (const problem of problems) console.log(`[scan] tarball ${problem}`);

		const unpacked = join(work, 'package');
		mkdirSync(unpacked);
		run('tar', ['-xzf', join(work, tarball.filename), '-C', unpacked, '--strip-components=1'], work);
		const tarballClean = report('tarball (**/*.js, package.json)', await scanner.analyzePackage(unpacked, ['**/*.js', 'package.json']));
		const sourceClean = report(
			`source (${scanner.SOURCE_FILE_PATTERNS.join(', ')})`,
			await scanner.analyzePackage(REPO_ROOT, scanner.SOURCE_FILE_PATTERNS),
		);
		const ok = problems.length === 0 && tarballClean && sourceClean;
		console.log(ok ? '[scan] passed: 0 findings' : '[scan] FAILED');
		return ok ? 0 : 1;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
