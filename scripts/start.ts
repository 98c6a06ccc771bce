/**
 * `npm start`: n8n with this package, the local Graph API sandbox, a working credential and the example
 * workflows, in one command (issue 6). Steps, each printed:
 *   0. its ports are free (n8n, n8n's task runner broker, the sandbox), before anything slow
 *   1. build the package (npm run build; skipped when META_CALLING_DIST points at a build)
 *   2. Node 24 and n8n into .cache/ (scripts/n8n-env.sh; cached after the first time)
 *   3. the sandbox on 127.0.0.1:8787, in its own process
 *   4. first start only: import the credential "Meta Calling API (sandbox)" and the examples, activated
 *   5. n8n on 127.0.0.1:5678 (SQLite, user folder .cache/start/n8n-<version>/user, kept between starts),
 *      the owner account created from the environment, the example trigger registered at the sandbox
 * Stopping: SIGINT (Ctrl-C), SIGTERM (docker stop, timeout, systemd) and SIGHUP stop n8n and the sandbox,
 * then the script exits. package.json runs it as `exec node --import tsx scripts/start.ts`: no `sh -c` and
 * no tsx relay process sit between npm and this script, so the signal npm forwards reaches it. When the
 * script cannot stop them itself, two guards do: the script stops everything when its parent (npm) is gone
 * (a SIGHUP or SIGKILL to npm), and a watchdog process (start/watchdog.ts) stops every process group the
 * script started when the script itself is gone (SIGKILL, a crash).
 * The e2e harness's modules do the n8n and sandbox work; this file only strings them together for a person
 * rather than a test.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { REPO_ROOT, resolveRuntime } from '../tools/n8n/lines';
import {
	importCredentialAndWorkflows,
	n8nCli,
	n8nEnvironment,
	userFolderPaths,
	waitForReadiness,
	type N8nInstanceOptions,
} from '../tools/n8n/n8nProcess';
import { onProcessGroups, portIsFree, startLogged, stopProcess, tailOf, type LoggedProcess } from '../tools/n8n/processes';
import { startSandboxProcess } from '../tools/n8n/stack';
import { installBuiltPackage, prepareWorkflows, SANDBOX_CREDENTIAL_NAME, writeSandboxCredential, type PreparedWorkflow } from '../tools/n8n/userFolder';
import { activateWithCli } from './start/activate';
import { EXAMPLES_DIR, exampleListing, examplesMissingFrom, readExamples, tryItCommand, whatsAppTriggerOf, type ImportMarker } from './start/examples';
import { ensureExampleDataTables } from './start/dataTables';
import { startGuard, type GuardLink } from './start/guard';
import { DEMO_OWNER, ensureOwnerByRest, ownerEnvironment } from './start/owner';
import { runtimeInstalled } from './start/runtimeCache';
import { readSettings, type StartSettings } from './start/settings';
import { subscribeExampleTrigger } from './start/subscribe';

const started = Date.now();
const running: LoggedProcess[] = [];
let stopping: Promise<never> | undefined;
let guard: GuardLink | undefined;

function say(text: string): void {
	process.stdout.write(`[start ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}\n`);
}

/**
 * Stops what this script started (n8n first: it may still write to the sandbox), then exits. Ctrl-C
 * reaches this process twice (from the terminal and forwarded by npm): the second call waits for the first.
 */
function stopAll(exitCode: number): Promise<never> {
	stopping ??= (async () => {
		for (const proc of [...running].reverse()) {
			say(`stopping ${proc.name}`);
			await stopProcess(proc, 15000);
			guard?.killAndForget(proc.child.pid);
		}
		say('stopped');
		process.exit(exitCode);
	})();
	return stopping;
}

/**
 * Runs a build or install step in its own process group like n8n and the sandbox (not spawnSync: that
 * would hold back a signal's handler until the step ends, and leave the step running if the script dies).
 */
async function runStep(what: string, command: string, args: string[], logFile: string, echoStderr = false): Promise<void> {
	writeFileSync(logFile, '');
	// The installer's progress (stderr) is worth seeing on a first start; a build's output only on failure.
	const step = startLogged(what, command, args, { cwd: REPO_ROOT, env: process.env, logFile, echoStderr });
	running.push(step);
	const code = await step.exited;
	running.splice(running.indexOf(step), 1);
	if (code !== 0) throw new Error(`${what} failed (exit ${code ?? step.child.signalCode})\n${tailOf(logFile, 30)}`);
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * npm does not forward SIGHUP, and nothing is forwarded when npm is SIGKILLed: either way npm is gone and
 * this script would run on without it. Its parent changing is the sign.
 */
function stopWhenParentIsGone(): void {
	const parent = process.ppid;
	if (parent <= 1) return;
	const timer = setInterval(() => {
		if (process.ppid === parent) return;
		say(`the process that started this script (pid ${parent}) is gone`);
		void stopAll(0);
	}, 500);
	timer.unref();
}

async function checkPorts(settings: StartSettings): Promise<void> {
	const wanted: Array<[number, string]> = [
		[settings.n8nPort, 'n8n (META_CALLING_N8N_PORT)'],
		[settings.brokerPort, "n8n's task runner broker (META_CALLING_N8N_PORT + 1)"],
		[settings.sandboxPort, 'the sandbox (META_CALLING_SANDBOX_PORT)'],
	];
	for (const [port, user] of wanted) {
		if (!(await portIsFree(port))) {
			throw new Error(`port ${port} for ${user} is in use: is another npm start, n8n or sandbox running? Stop it or choose another port.`);
		}
	}
}

/**
 * The instance is kept between starts (workflows, executions, the owner). The examples are imported and
 * activated once, so that a user's edits to them survive; the credential again whenever the sandbox URL
 * it holds would change.
 */
async function importOnce(settings: StartSettings, options: N8nInstanceOptions, sandboxUrl: string): Promise<void> {
	const marker = join(settings.homeDir, 'imported.json');
	const database = userFolderPaths(settings.userFolder).database;
	const previous = existsSync(marker) && existsSync(database) ? (JSON.parse(readFileSync(marker, 'utf8')) as ImportMarker) : undefined;
	const credentialFile = writeSandboxCredential(settings.importDir, sandboxUrl);
	const workflows = prepareWorkflows(settings.importDir, [EXAMPLES_DIR], sandboxUrl);
	if (!previous) {
		say(`importing the credential "${SANDBOX_CREDENTIAL_NAME}" and ${workflows.length} example workflows, activating them (n8n CLI, about a minute)`);
		await importAndActivate(options, credentialFile, settings.importDir, workflows, workflows);
	} else {
		const missing = examplesMissingFrom(previous, workflows);
		if (missing.length > 0) {
			say(`importing ${missing.length} example workflow(s) added since this instance was set up: ${missing.map((w) => w.name).join(', ')}`);
			await importAndActivate(options, credentialFile, settings.importDir, workflows, missing);
		} else if (previous.sandboxUrl !== sandboxUrl) {
			say(`pointing the credential "${SANDBOX_CREDENTIAL_NAME}" at ${sandboxUrl}`);
			await n8nCli(options, ['import:credentials', `--input=${credentialFile}`]);
		} else {
			say('instance already set up: keeping its workflows (npm start -- --fresh sets it up again)');
		}
	}
	const marked: ImportMarker = { sandboxUrl, examples: workflows.map((w) => w.id) };
	writeFileSync(marker, JSON.stringify(marked, null, 2));
}

/** Imports the credential and `chosen` out of the prepared workflows (the others' files are removed first). */
async function importAndActivate(
	options: N8nInstanceOptions,
	credentialFile: string,
	importDir: string,
	prepared: PreparedWorkflow[],
	chosen: PreparedWorkflow[],
): Promise<void> {
	for (const workflow of prepared) if (!chosen.includes(workflow)) rmSync(workflow.file, { force: true });
	await importCredentialAndWorkflows(options, credentialFile, join(importDir, 'workflows'), chosen.length);
	await activateWithCli(options, chosen);
}

function banner(settings: StartSettings, urls: { n8n: string; sandbox: string }, logs: { n8n: string; sandbox: string }, triggerNote: string): string {
	const examples = readExamples();
	const lines = [
		'',
		`n8n ${settings.version} with n8n-nodes-meta-calling is ready (${((Date.now() - started) / 1000).toFixed(0)} s)`,
		'',
		`  editor        ${urls.n8n}`,
		`  log in with   ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
		`  credential    "${SANDBOX_CREDENTIAL_NAME}" -> the sandbox`,
		`  sandbox       ${urls.sandbox} (Meta Graph API stand-in; state: ${urls.sandbox}/__sandbox/state)`,
		'',
		'  example workflows (active):',
		...exampleListing(examples, urls.n8n),
		'',
		'  try them:',
		...examples.flatMap((example, i) => tryItCommand(example, urls).split('\n').map((command, j) => `  ${j === 0 ? `${i + 1}.` : '  '} ${command}`)),
		...(triggerNote ? ['', `  ${triggerNote}`] : []),
		'',
		`  logs: ${logs.n8n}, ${logs.sandbox}`,
		'  Ctrl-C stops n8n and the sandbox.',
		'',
	];
	return lines.join('\n');
}

async function main(): Promise<void> {
	// A closed terminal must not turn a status line into a crash halfway through stopping.
	process.stdout.on('error', () => undefined);
	for (const signal of STOP_SIGNALS) {
		process.on(signal, () => {
			if (stopping === undefined) say(`${signal}: stopping`);
			void stopAll(0);
		});
	}
	stopWhenParentIsGone();
	const settings = readSettings(process.argv.slice(2));
	guard = startGuard();
	onProcessGroups(guard);

	// Before anything slow, and before --fresh deletes an instance another npm start may be running.
	await checkPorts(settings);
	if (settings.fresh) {
		say(`--fresh: deleting ${settings.homeDir}`);
		rmSync(settings.homeDir, { recursive: true, force: true });
	}
	mkdirSync(settings.importDir, { recursive: true });
	mkdirSync(settings.userFolder, { recursive: true });

	if (process.env.META_CALLING_DIST) say(`using the build in ${process.env.META_CALLING_DIST}`);
	else {
		say('building the package (npm run build)');
		await runStep('npm run build', 'npm', ['run', 'build'], join(settings.homeDir, 'build.log'));
	}

	say(
		runtimeInstalled(REPO_ROOT, settings.version)
			? `Node 24 and n8n ${settings.version}: installed in .cache/`
			: `Node 24 and n8n ${settings.version}: not in .cache/ yet, downloading and compiling (several minutes, once)`,
	);
	await runStep('scripts/n8n-env.sh', 'bash', [join(REPO_ROOT, 'scripts', 'n8n-env.sh'), 'n8n', settings.version], join(settings.homeDir, 'n8n-env.log'), true);
	const runtime = resolveRuntime(settings.line);
	// Again: a first install takes minutes, in which another program may have taken one.
	await checkPorts(settings);
	installBuiltPackage(settings.userFolder);

	say(`starting the sandbox on 127.0.0.1:${settings.sandboxPort}`);
	const sandbox = await startSandboxProcess(settings.homeDir, settings.sandboxPort);
	running.push(sandbox.proc);

	const options: N8nInstanceOptions = {
		runtime,
		userFolder: settings.userFolder,
		port: settings.n8nPort,
		brokerPort: settings.brokerPort,
		logFile: join(settings.homeDir, 'n8n.log'),
	};
	writeFileSync(options.logFile, '');
	await importOnce(settings, options, sandbox.url);

	const n8nUrl = `http://127.0.0.1:${settings.n8nPort}`;
	say(`starting n8n ${settings.version} on ${n8nUrl} (20-60 s)`);
	const n8n = startLogged(`n8n ${settings.version}`, runtime.nodeBinary, [runtime.n8nEntry, 'start'], {
		cwd: settings.userFolder,
		env: { ...n8nEnvironment(options), ...ownerEnvironment(runtime) },
		logFile: options.logFile,
	});
	running.push(n8n);
	await waitForReadiness(n8n, n8nUrl);
	await ensureOwnerByRest(runtime, n8nUrl);

	const urls = { n8n: n8nUrl, sandbox: sandbox.url };
	let triggerNote = '';
	try {
		await ensureExampleDataTables(n8nUrl);
	} catch (error) {
		triggerNote = `note: the data table of example 2 could not be created: ${(error as Error).message.split('\n')[0]}`;
	}
	for (const example of readExamples().filter((e) => whatsAppTriggerOf(e))) {
		try {
			const callbackUrl = await subscribeExampleTrigger(example, urls);
			say(`the sandbox sends WhatsApp account_update webhooks to ${callbackUrl}`);
		} catch (error) {
			// A user may have deactivated or changed the example: everything else still works.
			triggerNote = `note: "${example.name}" is not receiving sandbox webhooks: ${(error as Error).message.split('\n')[0]}`;
		}
	}

	process.stdout.write(banner(settings, urls, { n8n: options.logFile, sandbox: sandbox.proc.logFile }, triggerNote));

	const code = await Promise.race([n8n.exited, sandbox.proc.exited]);
	if (stopping === undefined) {
		const which = n8n.child.exitCode !== null || n8n.child.signalCode !== null ? n8n : sandbox.proc;
		say(`${which.name} stopped by itself (exit ${code}); last lines of ${which.logFile}:\n${tailOf(which.logFile, 30)}`);
		await stopAll(1);
	}
}

main().catch(async (error: unknown) => {
	// While stopping on a signal, the step that was running fails because it was stopped: no news.
	if (stopping === undefined) process.stderr.write(`\nnpm start failed: ${(error as Error).message}\n`);
	await stopAll(1);
});
