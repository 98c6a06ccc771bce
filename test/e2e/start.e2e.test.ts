import { spawn, type ChildProcess } from 'child_process';
import { existsSync, mkdirSync, realpathSync, rmSync, symlinkSync } from 'fs';
import { join } from 'path';

import { CACHE_DIR, N8N_LINES, REPO_ROOT } from '../../tools/n8n/lines';
import { freePort, portIsFree } from '../../tools/n8n/processes';
import { allProcesses, descendantsOf, type ProcessInfo } from '../../tools/n8n/processTree';

/**
 * `npm start` (scripts/start.ts) stops everything it started however it is stopped (issue 14 item 7): a
 * signal to the npm process (what `docker stop`, `timeout` and systemd send), Ctrl-C in a terminal (SIGINT
 * to the whole foreground process group), a signal to the script itself, SIGKILL of the script or of npm.
 * Each case runs the real `npm start` (n8n of line 2, the sandbox, on free ports, in a cache folder of its
 * own), sends the signal, and then every process that ever ran below npm must be gone and the ports free.
 * npm start runs one n8n line (2 by default), so this file runs on line 2 only.
 */
const onLine2 = (process.env.N8N_LINE ?? '2') === '2' ? describe : describe.skip;

const STOP_DEADLINE_MS = 60000;

async function pause(ms: number): Promise<void> {
	await new Promise((r) => setTimeout(r, ms));
}

/** Running, and still the same program (a pid may be reused once its process is gone). */
function stillRunning(seen: ProcessInfo): boolean {
	const now = allProcesses().find((p) => p.pid === seen.pid);
	return now !== undefined && now.state !== 'Z' && now.command === seen.command;
}

interface StartRun {
	npm: ChildProcess;
	npmExited: Promise<void>;
	output(): string;
	/** Every process seen below npm so far, by pid. */
	seen: Map<number, ProcessInfo>;
	sample(): void;
}

onLine2('npm start stops everything it started', () => {
	const runDir = join(CACHE_DIR, 'e2e-runs', 'start');
	const cacheDir = join(runDir, 'cache');
	const version = N8N_LINES['2'];
	let ports: { n8n: number; sandbox: number };
	let current: StartRun | undefined;

	beforeAll(async () => {
		// A cache folder of its own (npm start keeps its instance in <cache>/start/), sharing the installs.
		rmSync(runDir, { recursive: true, force: true });
		mkdirSync(cacheDir, { recursive: true });
		for (const install of ['node24', `n8n-${version}`]) {
			const target = join(CACHE_DIR, install);
			if (!existsSync(target)) throw new Error(`${target} is missing: run npm run test:e2e, which installs it`);
			symlinkSync(realpathSync(target), join(cacheDir, install));
		}
		let n8nPort = await freePort();
		// n8n's task-runner broker takes the next port.
		while (!(await portIsFree(n8nPort + 1))) n8nPort = await freePort();
		ports = { n8n: n8nPort, sandbox: await freePort() };
	});

	function startNpmStart(): StartRun {
		const npm = spawn('npm', ['start'], {
			cwd: REPO_ROOT,
			env: {
				...process.env,
				META_CALLING_CACHE_DIR: cacheDir,
				// The e2e run has just built dist/.
				META_CALLING_DIST: process.env.META_CALLING_DIST ?? join(REPO_ROOT, 'dist'),
				META_CALLING_N8N_PORT: String(ports.n8n),
				META_CALLING_SANDBOX_PORT: String(ports.sandbox),
			},
			// Its own process group, like a foreground job in a terminal: Ctrl-C is SIGINT to that group.
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let text = '';
		npm.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
		npm.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
		const npmExited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
		const seen = new Map<number, ProcessInfo>();
		const sample = (): void => {
			if (npm.pid === undefined) return;
			for (const p of descendantsOf(npm.pid)) if (p.state !== 'Z') seen.set(p.pid, p);
		};
		current = { npm, npmExited, output: () => text, seen, sample };
		return current;
	}

	async function waitFor(run: StartRun, what: string, probe: () => boolean, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			run.sample();
			if (probe()) return;
			if (run.npm.exitCode !== null || run.npm.signalCode !== null) break;
			await pause(200);
		}
		throw new Error(`npm start: no ${what} within ${timeoutMs} ms; its output:\n${run.output()}`);
	}

	const n8nServer = (run: StartRun): ProcessInfo | undefined =>
		[...run.seen.values()].find((p) => /n8n\/bin\/n8n start$/.test(p.command));
	const sandboxServer = (run: StartRun): ProcessInfo | undefined =>
		[...run.seen.values()].find((p) => p.command.includes('tools/sandbox/cli.ts'));
	/** The process running scripts/start.ts: the parent of n8n. */
	const script = (run: StartRun): ProcessInfo => {
		const n8n = n8nServer(run);
		const parent = n8n && run.seen.get(n8n.ppid);
		if (!parent) throw new Error(`no parent of n8n below npm; seen: ${[...run.seen.values()].map((p) => p.command).join('; ')}`);
		return parent;
	};

	/** Sends the signal, then: every process seen below npm gone, npm exited, the three ports free. */
	async function expectAllStopped(run: StartRun, send: () => void): Promise<void> {
		run.sample();
		// Steps that ended before the signal (the build check, n8n's import CLI) are not counted.
		const before = [...run.seen.values()].filter(stillRunning);
		// At least npm's child, the sandbox and n8n.
		expect(before.length).toBeGreaterThanOrEqual(3);
		const sentAt = Date.now();
		send();
		const deadline = sentAt + STOP_DEADLINE_MS;
		while (Date.now() < deadline && (before.some(stillRunning) || (run.npm.exitCode === null && run.npm.signalCode === null))) {
			await pause(250);
		}
		const survivors = before.filter(stillRunning).map((p) => `${p.pid} ${p.command}`);
		const portsInUse: number[] = [];
		for (const port of [ports.n8n, ports.n8n + 1, ports.sandbox]) if (!(await portIsFree(port))) portsInUse.push(port);
		process.stdout.write(`[start e2e] ${before.length} processes running at the signal; after ${Date.now() - sentAt} ms ${survivors.length} still run\n`);
		expect({ survivors, portsInUse }).toEqual({ survivors: [], portsInUse: [] });
		expect(run.npm.exitCode !== null || run.npm.signalCode !== null).toBe(true);
	}

	afterEach(async () => {
		// A failed case must not leave its processes to the next one.
		const run = current;
		current = undefined;
		if (!run) return;
		run.sample();
		for (const p of run.seen.values()) {
			if (!stillRunning(p)) continue;
			try {
				process.kill(p.pid, 'SIGKILL');
			} catch {
				// Gone meanwhile.
			}
		}
		if (run.npm.exitCode === null && run.npm.signalCode === null) run.npm.kill('SIGKILL');
		await run.npmExited;
	});

	it('when ready (banner printed), SIGTERM to the npm process stops n8n, the sandbox and itself', async () => {
		const run = startNpmStart();
		await waitFor(run, 'ready banner', () => run.output().includes('with n8n-nodes-meta-calling is ready'), 300000);
		expect(n8nServer(run)).toBeDefined();
		expect(sandboxServer(run)).toBeDefined();
		await expectAllStopped(run, () => run.npm.kill('SIGTERM'));
		expect(run.output()).toContain('SIGTERM: stopping');
		expect(run.output()).toMatch(/stopping n8n 2\.\d+\.\d+\n.*stopping sandbox\n.*stopped\n/);
		// The script stopped every group itself: its guard has nothing to report (it once did, in one of two stops).
		expect(run.output()).not.toContain('[start guard]');
	}, 420000);

	// [the way, how to send it, what the script or its watchdog says: which of them did the stopping]
	const PARENT_GONE = 'the process that started this script';
	const whileStarting: Array<[string, (run: StartRun) => void, string]> = [
		['SIGINT to the npm process', (run) => run.npm.kill('SIGINT'), 'SIGINT: stopping'],
		// npm does not forward SIGHUP and dies of it: the script sees its parent gone.
		['SIGHUP to the npm process', (run) => run.npm.kill('SIGHUP'), PARENT_GONE],
		['Ctrl-C in a terminal (SIGINT to the foreground process group)', (run) => process.kill(-(run.npm.pid as number), 'SIGINT'), 'SIGINT: stopping'],
		['SIGTERM to the script process', (run) => process.kill(script(run).pid, 'SIGTERM'), 'SIGTERM: stopping'],
		['SIGKILL of the script process', (run) => process.kill(script(run).pid, 'SIGKILL'), '[start guard] npm start ended without stopping'],
		['SIGKILL of the npm process', (run) => run.npm.kill('SIGKILL'), PARENT_GONE],
	];

	it.each(whileStarting)('as soon as n8n runs, %s stops everything', async (_what, send, said) => {
		const run = startNpmStart();
		await waitFor(run, 'n8n process and sandbox', () => n8nServer(run) !== undefined && sandboxServer(run) !== undefined, 180000);
		await expectAllStopped(run, () => send(run));
		expect(run.output()).toContain(said);
	}, 300000);
});
