import { execFileSync } from 'child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';

import { CACHE_DIR, REPO_ROOT, resolveRuntime, type N8nRuntime } from '../../tools/n8n/lines';
import { n8nCli, startN8n, waitForReadiness, type N8nInstanceOptions } from '../../tools/n8n/n8nProcess';
import { N8nRest } from '../../tools/n8n/n8nRest';
import { freePort, startLogged, stopProcess, waitUntil, type LoggedProcess } from '../../tools/n8n/processes';
import { installBuiltPackage, writeSandboxCredential, type PreparedWorkflow } from '../../tools/n8n/userFolder';
import { CRYPTO_CREDENTIAL, type BenchWorkflow } from './workflows';

/*
 * The processes a benchmark run needs, put together from the e2e harness's parts: a private build of the
 * package, the sandbox in its own process (with the bulk phone numbers), and n8n 2.x with the bench
 * workflows imported and active. Everything lives under .cache/bench/ and is stopped at the end.
 */

export const BENCH_DIR = join(CACHE_DIR, 'bench');
export const BULK_PHONE_NUMBERS = 1000;

export interface BenchStack {
	runtime: N8nRuntime;
	n8n: LoggedProcess;
	sandbox: LoggedProcess;
	n8nUrl: string;
	sandboxUrl: string;
	runDir: string;
	/** How n8n was started, so it can be started again (restartBenchN8n). */
	n8nOptions: N8nInstanceOptions;
}

function log(message: string): void {
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
 * Compiles the package into .cache/bench/dist, so a benchmark neither waits for nor breaks someone else's
 * `npm run build` of dist/. Returns the folder.
 */
export function buildPrivateDist(): string {
	const outDir = join(BENCH_DIR, 'dist');
	rmSync(outDir, { recursive: true, force: true });
	log('compiling the package into .cache/bench/dist');
	execFileSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json', '--outDir', outDir], {
		cwd: REPO_ROOT,
		stdio: 'inherit',
	});
	copyAssets(join(REPO_ROOT, 'nodes'), outDir, /\.(svg|png|json)$/);
	copyAssets(join(REPO_ROOT, 'credentials'), outDir, /\.(svg|png)$/);
	return outDir;
}

async function startSandboxProcess(runDir: string): Promise<{ proc: LoggedProcess; url: string }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const proc = startLogged(
		'sandbox',
		join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
		[join(REPO_ROOT, 'test', 'sandbox', 'cli.ts'), '--port', String(port), '--bulk', String(BULK_PHONE_NUMBERS)],
		{ cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: 'production' }, logFile: join(runDir, 'sandbox.log') },
	);
	await waitUntil(`${url}/__sandbox/health`, async () => (await fetch(`${url}/__sandbox/health`)).ok, {
		timeoutMs: 60000,
		process: proc,
	});
	return { proc, url };
}

function writeWorkflows(importDir: string, workflows: BenchWorkflow[]): PreparedWorkflow[] {
	const dir = join(importDir, 'workflows');
	mkdirSync(dir, { recursive: true });
	return workflows.map((workflow) => {
		const file = join(dir, `${workflow.id}.json`);
		writeFileSync(file, JSON.stringify(workflow.json, null, 2));
		return { id: workflow.id, name: workflow.name, file };
	});
}

/**
 * Activation through the public API of the running instance: one CLI publish per workflow would boot
 * n8n once each (half a minute apiece on a busy machine).
 */
async function activateAll(n8nUrl: string, workflows: PreparedWorkflow[]): Promise<void> {
	const rest = new N8nRest(n8nUrl);
	await rest.setupOwner();
	await rest.createApiKey();
	for (const workflow of workflows) {
		const answer = await rest.publicApi('POST', `/workflows/${workflow.id}/activate`);
		if (answer.status !== 200) throw new Error(`activating ${workflow.id} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
	}
}

/**
 * BENCH_N8N_ENV="NAME=value NAME2=value": more environment for the n8n process, for experiments (e.g.
 * NODE_OPTIONS=--cpu-prof, or one of n8n's expression-engine settings); the table says which were set.
 */
export function extraN8nEnvironment(): NodeJS.ProcessEnv {
	const pairs = (process.env.BENCH_N8N_ENV ?? '').split(/\s+/).filter(Boolean);
	return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

export async function startBenchStack(distDir: string, workflows: BenchWorkflow[]): Promise<BenchStack> {
	const runtime = resolveRuntime('2');
	const runDir = join(BENCH_DIR, 'run');
	rmSync(runDir, { recursive: true, force: true });
	const userFolder = join(runDir, 'user');
	const importDir = join(runDir, 'import');
	mkdirSync(userFolder, { recursive: true });
	mkdirSync(importDir, { recursive: true });

	let sandbox: LoggedProcess | undefined;
	let n8n: LoggedProcess | undefined;
	try {
		const started = await startSandboxProcess(runDir);
		sandbox = started.proc;
		log(`sandbox at ${started.url} with ${BULK_PHONE_NUMBERS} bulk phone numbers`);

		process.env.META_CALLING_DIST = distDir;
		installBuiltPackage(userFolder);
		const credentialFile = writeSandboxCredential(importDir, started.url);
		// The hand-built signature check of scenario 5 needs a Crypto credential; one import for both.
		const credentials = JSON.parse(readFileSync(credentialFile, 'utf8')) as unknown[];
		writeFileSync(credentialFile, JSON.stringify([...credentials, CRYPTO_CREDENTIAL], null, 2));
		const prepared = writeWorkflows(importDir, workflows);
		const options: N8nInstanceOptions = {
			runtime,
			userFolder,
			port: await freePort(),
			brokerPort: await freePort(),
			logFile: join(runDir, 'n8n.log'),
			environment: extraN8nEnvironment(),
		};
		log(`importing the credential and ${prepared.length} workflows (n8n CLI)`);
		await n8nCli(options, ['import:credentials', `--input=${credentialFile}`]);
		await n8nCli(options, ['import:workflow', '--separate', `--input=${join(importDir, 'workflows')}`]);
		const n8nUrl = `http://127.0.0.1:${options.port}`;
		log(`starting n8n ${runtime.version}`);
		n8n = startN8n(options);
		await waitForReadiness(n8n, n8nUrl);
		await activateAll(n8nUrl, prepared);
		log(`n8n ready at ${n8nUrl}, workflows active (log: ${options.logFile})`);
		return { runtime, n8n, sandbox, n8nUrl, sandboxUrl: started.url, runDir, n8nOptions: options };
	} catch (error) {
		await stopProcess(n8n);
		await stopProcess(sandbox);
		throw error;
	}
}

/**
 * Stops n8n and starts it again on the same user folder (workflows stay active): after a run that did not
 * finish, n8n's event loop may stay blocked for minutes, which would blur every later measurement.
 */
export async function restartBenchN8n(stack: BenchStack): Promise<void> {
	log('restarting n8n (the last run did not finish)');
	await stopProcess(stack.n8n);
	stack.n8n = startN8n(stack.n8nOptions);
	await waitForReadiness(stack.n8n, stack.n8nUrl);
}

export async function stopBenchStack(stack: BenchStack | undefined): Promise<void> {
	if (!stack) return;
	await stopProcess(stack.n8n);
	await stopProcess(stack.sandbox);
}

export { log };
