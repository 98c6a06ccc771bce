import { existsSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { CACHE_DIR, REPO_ROOT, resolveRuntime, type N8nLine, type N8nRuntime } from './lines';
import { importCredentialAndWorkflows, startN8n, waitForReadiness, type N8nInstanceOptions } from './n8nProcess';
import { N8nRest } from './n8nRest';
import { freePort, startLogged, stopProcess, waitUntil, type LoggedProcess } from './processes';
import { installBuiltPackage, prepareWorkflows, writeSandboxCredential, writeWorkflows, type PreparedWorkflow, type WorkflowToImport } from './userFolder';

/** What a running stack tells the tests (written to a JSON file, read by every test file). */
export interface StackInfo {
	line: N8nLine;
	n8nVersion: string;
	n8nUrl: string;
	sandboxUrl: string;
	runDir: string;
	n8nLog: string;
	sandboxLog: string;
	/** Where the built package sits inside the user folder. */
	packageDir: string;
	workflows: PreparedWorkflow[];
	/** The owner's session cookie and an API key, so tests do not log in again. */
	ownerCookie: string;
	apiKey: string;
	/** Seconds each phase took, for the run's report. */
	timings: Record<string, number>;
	/**
	 * Where production webhooks are received when that is not `n8nUrl` (queue mode: the webhook
	 * processor, test/e2e-queue). `callWebhook` and the trigger tests post there.
	 */
	webhookBaseUrl?: string;
}

export interface RunningStack {
	info: StackInfo;
	runtime: N8nRuntime;
	n8n: LoggedProcess;
	sandbox: LoggedProcess;
	/** How n8n was started, so that restartN8n can start it again. */
	n8nOptions: N8nInstanceOptions;
}

/** Seconds each start-up phase took (`timed('import', ...)`), for the run's report. */
export function phaseTimer() {
	const timings: Record<string, number> = {};
	const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		const result = await work();
		timings[phase] = Math.round((Date.now() - started) / 100) / 10;
		return result;
	};
	return { timings, timed };
}

/** The run folder of a line: recreated at each run and kept afterwards for post-mortems. */
export function runDirFor(line: string): string {
	return process.env.META_CALLING_E2E_RUN_DIR ?? join(CACHE_DIR, 'e2e-runs', `n8n-${line}`);
}

export function stackInfoFile(runDir: string): string {
	return join(runDir, 'stack.json');
}

function sandboxCli(): string {
	return process.env.META_CALLING_SANDBOX_CLI ?? join(REPO_ROOT, 'tools', 'sandbox', 'cli.ts');
}

/**
 * Sandbox in its own process (n8n calls it over HTTP like it calls Meta), seeded with the demo data.
 * `port`: a fixed one (`npm start`); default any free port.
 */
export async function startSandboxProcess(runDir: string, fixedPort?: number, extraArgs: string[] = []): Promise<{ proc: LoggedProcess; url: string }> {
	const cli = sandboxCli();
	if (!existsSync(cli)) throw new Error(`sandbox CLI ${cli} does not exist`);
	const port = fixedPort ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
	const proc = startLogged('sandbox', tsx, [cli, '--port', String(port), ...extraArgs], {
		cwd: REPO_ROOT,
		env: { ...process.env, NODE_ENV: 'test' },
		logFile: join(runDir, 'sandbox.log'),
	});
	await waitUntil(`${url}/__sandbox/health`, async () => (await fetch(`${url}/__sandbox/health`)).ok, {
		timeoutMs: 60000,
		process: proc,
	});
	return { proc, url };
}

/** A stack other than the run's shared one (a test file that needs n8n started with other settings, the bench). */
export interface StackOptions {
	/** Default: runDirFor(line). */
	runDir?: string;
	/** More environment for n8n (e.g. N8N_SSRF_PROTECTION_ENABLED), set over the harness's own. */
	n8nEnvironment?: NodeJS.ProcessEnv;
	/** More sandbox CLI flags (e.g. --also-listen 127.0.0.2, --bulk 1000). */
	sandboxArgs?: string[];
	/** The workflow folders to import; default every e2e and example workflow. */
	workflowFolders?: string[];
	/** Workflows built in code (the bench's), imported instead of `workflowFolders`. */
	workflows?: WorkflowToImport[];
	/** More credentials imported beside the sandbox one (n8n's import format). */
	extraCredentials?: unknown[];
	/** A build other than dist/ (see installBuiltPackage). */
	distDir?: string;
	/** Progress lines (the bench prints them; the e2e tier reports phase timings instead). */
	log?: (message: string) => void;
}

/** The run folder emptied (it is kept after a run for post-mortems), with its user and import folders. */
function freshRunFolder(runDir: string): { userFolder: string; importDir: string } {
	rmSync(runDir, { recursive: true, force: true });
	const userFolder = join(runDir, 'user');
	const importDir = join(runDir, 'import');
	mkdirSync(userFolder, { recursive: true });
	mkdirSync(importDir, { recursive: true });
	return { userFolder, importDir };
}

/** What n8n's CLI imports: the sandbox credential (and any extra ones), and the workflows of the options. */
function writeImportFiles(importDir: string, sandboxUrl: string, stackOptions: StackOptions): { credentialFile: string; workflows: PreparedWorkflow[] } {
	const credentialFile = writeSandboxCredential(importDir, sandboxUrl, stackOptions.extraCredentials);
	const workflows = stackOptions.workflows
		? writeWorkflows(importDir, stackOptions.workflows)
		: prepareWorkflows(importDir, stackOptions.workflowFolders, sandboxUrl);
	return { credentialFile, workflows };
}

/**
 * Starts one line's stack from nothing: a fresh user folder with the built package, the sandbox, the
 * sandbox credential and every workflow imported and activated by n8n's CLI, n8n started and ready,
 * an owner with a session and an API key. Anything started is stopped again if a later step fails.
 */
export async function startStack(line = process.env.N8N_LINE ?? '2', stackOptions: StackOptions = {}): Promise<RunningStack> {
	const runtime = resolveRuntime(line);
	const runDir = stackOptions.runDir ?? runDirFor(runtime.line);
	const { userFolder, importDir } = freshRunFolder(runDir);
	const { timings, timed } = phaseTimer();
	const log = stackOptions.log ?? (() => undefined);

	let sandbox: LoggedProcess | undefined;
	let n8n: LoggedProcess | undefined;
	try {
		const started = await timed('sandboxStart', () => startSandboxProcess(runDir, undefined, stackOptions.sandboxArgs));
		sandbox = started.proc;
		const sandboxUrl = started.url;
		log(`sandbox at ${sandboxUrl} ${(stackOptions.sandboxArgs ?? []).join(' ')}`);

		const packageDir = installBuiltPackage(userFolder, stackOptions.distDir);
		const { credentialFile, workflows } = writeImportFiles(importDir, sandboxUrl, stackOptions);

		const options: N8nInstanceOptions = {
			runtime,
			userFolder,
			port: await freePort(),
			brokerPort: await freePort(),
			logFile: join(runDir, 'n8n.log'),
			environment: stackOptions.n8nEnvironment,
		};
		log(`importing the credential and ${workflows.length} workflows (n8n CLI)`);
		await timed('import', () => importCredentialAndWorkflows(options, credentialFile, join(importDir, 'workflows'), workflows.length));
		const n8nUrl = `http://127.0.0.1:${options.port}`;
		log(`starting n8n ${runtime.version}`);
		n8n = startN8n(options);
		const runningN8n = n8n;
		await timed('n8nReady', () => waitForReadiness(runningN8n, n8nUrl));

		const rest = new N8nRest(n8nUrl);
		await rest.setupOwner();
		const apiKey = await rest.createApiKey();
		await timed('activate', () => activateAll(rest, workflows));
		log(`n8n ready at ${n8nUrl}, workflows active (log: ${options.logFile})`);

		const info: StackInfo = {
			line: runtime.line,
			n8nVersion: runtime.version,
			n8nUrl,
			sandboxUrl,
			runDir,
			n8nLog: options.logFile,
			sandboxLog: join(runDir, 'sandbox.log'),
			packageDir,
			workflows,
			ownerCookie: rest.sessionCookie,
			apiKey,
			timings,
		};
		writeFileSync(stackInfoFile(runDir), JSON.stringify(info, null, 2));
		return { info, runtime, n8n, sandbox, n8nOptions: options };
	} catch (error) {
		await stopProcess(n8n);
		await stopProcess(sandbox);
		throw error;
	}
}

/**
 * Activates (2.x: publishes) every imported workflow through the public API of the running instance (one
 * CLI publish per workflow would boot n8n once each); names the workflow and n8n's reason on failure.
 */
export async function activateAll(rest: N8nRest, workflows: PreparedWorkflow[]): Promise<void> {
	for (const workflow of workflows) {
		const answer = await rest.publicApi('POST', `/workflows/${workflow.id}/activate`);
		if (answer.status !== 200 || answer.body?.active !== true) {
			throw new Error(`n8n could not activate workflow "${workflow.name}" (${workflow.file}): ${answer.status} ${answer.text.slice(0, 500)}`);
		}
	}
}

/**
 * Stops n8n and starts it again on the same user folder (workflows stay active): after a run that did not
 * finish, n8n's event loop may stay blocked for minutes, which would blur every later measurement.
 */
export async function restartN8n(stack: RunningStack): Promise<void> {
	await stopProcess(stack.n8n);
	stack.n8n = startN8n(stack.n8nOptions);
	await waitForReadiness(stack.n8n, stack.info.n8nUrl);
}

export async function stopStack(stack: RunningStack | undefined): Promise<void> {
	if (!stack) return;
	await stopProcess(stack.n8n);
	await stopProcess(stack.sandbox);
}
