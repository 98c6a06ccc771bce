import { cpSync, readdirSync, rmSync, statSync } from 'fs';
import { join, relative } from 'path';

import { CACHE_DIR, REPO_ROOT } from '../../tools/n8n/lines';
import { restartN8n, startStack, type RunningStack } from '../../tools/n8n/stack';
import { bundlePackage } from '../build/bundle';
import { CRYPTO_CREDENTIAL, type BenchWorkflow } from './workflows';

/*
 * The processes a benchmark run needs, started by the same stack starter as the e2e tier
 * (tools/n8n/stack.ts): a private build of the package, the sandbox in its own process (with the bulk
 * phone numbers), and n8n 2.x with the bench workflows imported and active. Everything lives under
 * .cache/bench/ and is stopped at the end.
 */

export const BENCH_DIR = join(CACHE_DIR, 'bench');
export const BULK_PHONE_NUMBERS = 1000;

export function log(message: string): void {
	process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Files tsc does not copy (icons, codex); the same set as the gulp task, into our own folder. */
function copyAssets(fromDir: string, toDir: string, pattern: RegExp): void {
	for (const entry of readdirSync(fromDir)) {
		const path = join(fromDir, entry);
		if (statSync(path).isDirectory()) copyAssets(path, toDir, pattern);
		else if (pattern.test(entry)) cpSync(path, join(toDir, relative(REPO_ROOT, path)));
	}
}

/**
 * Builds the package into .cache/bench/dist as `npm run build` does (scripts/build/bundle.ts), so a
 * benchmark neither waits for nor breaks someone else's `npm run build` of dist/. Returns the folder.
 */
export async function buildPrivateDist(): Promise<string> {
	const outDir = join(BENCH_DIR, 'dist');
	rmSync(outDir, { recursive: true, force: true });
	log('building the package into .cache/bench/dist');
	await bundlePackage(outDir);
	copyAssets(join(REPO_ROOT, 'nodes'), outDir, /\.(svg|png|json)$/);
	copyAssets(join(REPO_ROOT, 'credentials'), outDir, /\.(svg|png)$/);
	return outDir;
}

/**
 * BENCH_N8N_ENV="NAME=value NAME2=value": more environment for the n8n process, for experiments (e.g.
 * NODE_OPTIONS=--cpu-prof, or one of n8n's expression-engine settings); the table says which were set.
 */
function extraN8nEnvironment(): NodeJS.ProcessEnv {
	const pairs = (process.env.BENCH_N8N_ENV ?? '').split(/\s+/).filter(Boolean);
	return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

export function startBenchStack(distDir: string, workflows: BenchWorkflow[]): Promise<RunningStack> {
	return startStack('2', {
		runDir: join(BENCH_DIR, 'run'),
		distDir,
		sandboxArgs: ['--bulk', String(BULK_PHONE_NUMBERS)],
		workflows,
		// The hand-built signature check of scenario 5 needs a Crypto credential; one import for both.
		extraCredentials: [CRYPTO_CREDENTIAL],
		n8nEnvironment: extraN8nEnvironment(),
		log,
	});
}

/** n8n started again on the same user folder (the last run did not finish; see restartN8n). */
export async function restartBenchN8n(stack: RunningStack): Promise<void> {
	log('restarting n8n (the last run did not finish)');
	await restartN8n(stack);
}
