import { spawn, type ChildProcess } from 'child_process';
import { createWriteStream, readFileSync } from 'fs';
import { createServer } from 'net';

/** A child process whose stdout and stderr go to a log file, in its own process group. */
export interface LoggedProcess {
	name: string;
	child: ChildProcess;
	logFile: string;
	/** Resolves when the process has exited (any reason). */
	exited: Promise<number | null>;
}

export function startLogged(
	name: string,
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; echoStderr?: boolean },
): LoggedProcess {
	const log = createWriteStream(options.logFile, { flags: 'a' });
	// detached: its own process group, so stopping it also stops what it started (n8n's task runner, tsx's node).
	const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	if (options.echoStderr) child.stderr?.pipe(process.stderr);
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	trackForExit(child);
	for (const listener of groupListeners) listener.started(child.pid);
	child.once('exit', () => {
		for (const listener of groupListeners) listener.exited(child.pid);
	});
	return { name, child, logFile: options.logFile, exited };
}

/** Told of every process group startLogged starts and of its leader's exit. */
export interface ProcessGroupListener {
	started(pgid: number | undefined): void;
	exited(pgid: number | undefined): void;
}
const groupListeners: ProcessGroupListener[] = [];

/** `npm start` hands its guard here (scripts/start/guard.ts): it stops these groups if the script is killed. */
export function onProcessGroups(listener: ProcessGroupListener): void {
	groupListeners.push(listener);
}

/** Runs a command to completion, its output appended to a log file; throws with the output's tail on failure. */
export async function runLogged(
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; timeoutMs: number },
): Promise<void> {
	const started = startLogged(args.slice(0, 2).join(' '), command, args, options);
	const timer = setTimeout(() => killGroup(started.child, 'SIGKILL'), options.timeoutMs);
	const code = await started.exited;
	clearTimeout(timer);
	if (code !== 0) {
		throw new Error(`${command} ${args.join(' ')} exited with ${code}\n${tailOf(options.logFile, 30)}`);
	}
}

/** Stops a process group: SIGTERM, then SIGKILL after a grace period. */
export async function stopProcess(proc: LoggedProcess | undefined, graceMs = 10000): Promise<void> {
	if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
	killGroup(proc.child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(proc.child, 'SIGKILL'), graceMs);
	await proc.exited;
	clearTimeout(timer);
	// Whatever the leader left behind in its group (a task runner) goes too.
	killGroup(proc.child, 'SIGKILL');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

// If jest itself dies (a crash, Ctrl-C), the servers must not outlive it.
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function trackForExit(child: ChildProcess): void {
	liveChildren.add(child);
	child.once('exit', () => liveChildren.delete(child));
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once('exit', () => {
		for (const c of liveChildren) killGroup(c, 'SIGKILL');
	});
}

export function tailOf(file: string, lines: number): string {
	try {
		return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return `(no log at ${file})`;
	}
}

/** A port the OS says is free on 127.0.0.1 right now. */
/** Whether nothing listens on `port` of 127.0.0.1 now (fixed ports of `npm start`). */
export function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Polls until `probe` returns true, the process dies, or the deadline passes. */
export async function waitUntil(
	what: string,
	probe: () => Promise<boolean>,
	options: { timeoutMs: number; intervalMs?: number; process?: LoggedProcess },
): Promise<void> {
	const deadline = Date.now() + options.timeoutMs;
	while (Date.now() < deadline) {
		const proc = options.process;
		if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) {
			throw new Error(`${proc.name} exited while waiting for ${what}\n${tailOf(proc.logFile, 40)}`);
		}
		if (await probe().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
	}
	const tail = options.process ? `\n${tailOf(options.process.logFile, 40)}` : '';
	throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}${tail}`);
}
