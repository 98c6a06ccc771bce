import { spawn } from 'child_process';
import { openSync, readFileSync, readlinkSync } from 'fs';

import { allProcesses, isRunning } from '../../tools/n8n/processTree';
import type { QueueProcessInfo } from '../e2e/harness/queueStack';

/*
 * kill -9 of a queue-mode worker in the middle of an execution, and the same worker started again, for
 * faults.e2e.test.ts. The worker is found in /proc (its process group leader runs `n8n worker` in its own user
 * folder) and started again with the command line and environment it had, so it rejoins the same Redis and
 * Postgres with the same ports. The new process is not a handle of jest's (output to its log file, unref'd),
 * so jest still ends; it is killed when jest's process exits, after globalTeardown.
 */

export interface WorkerProcess {
	pid: number;
	argv: string[];
	env: NodeJS.ProcessEnv;
	cwd: string;
}

function readArgv(pid: number): string[] {
	return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

function readEnvironment(pid: number): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const entry of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean)) {
		const at = entry.indexOf('=');
		if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
	}
	return env;
}

/** The running `n8n worker` process (group leader) of one worker of the stack. */
export function findWorker(worker: QueueProcessInfo): WorkerProcess {
	for (const p of allProcesses()) {
		if (p.pid !== p.pgid || p.state === 'Z') continue;
		try {
			if (readlinkSync(`/proc/${p.pid}/cwd`) !== worker.userFolder) continue;
			const argv = readArgv(p.pid);
			if (!argv.includes('worker')) continue;
			return { pid: p.pid, argv, env: readEnvironment(p.pid), cwd: worker.userFolder };
		} catch {
			continue; // gone meanwhile
		}
	}
	throw new Error(`no running n8n worker in ${worker.userFolder}`);
}

/** SIGKILL to the worker's whole process group (the worker and its task runner), as `kill -9` of a container would. */
export async function killWorker(proc: WorkerProcess): Promise<void> {
	process.kill(-proc.pid, 'SIGKILL');
	const deadline = Date.now() + 10000;
	while (isRunning(proc.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	if (isRunning(proc.pid)) throw new Error(`worker ${proc.pid} still runs 10 s after SIGKILL`);
}

/** Starts the worker again as it was; resolves once its health check says ready. */
export async function restartWorker(proc: WorkerProcess, worker: QueueProcessInfo, timeoutMs = 180000): Promise<number> {
	const log = openSync(worker.logFile, 'a');
	const child = spawn(proc.argv[0], proc.argv.slice(1), { cwd: proc.cwd, env: proc.env, detached: true, stdio: ['ignore', log, log] });
	child.unref();
	const pid = child.pid as number;
	process.once('exit', () => {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	});
	const readiness = `http://127.0.0.1:${worker.healthCheckPort}/healthz/readiness`;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!isRunning(pid)) throw new Error(`the restarted ${worker.name} exited; see ${worker.logFile}`);
		if ((await fetch(readiness).then((r) => r.status, () => 0)) === 200) return pid;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`the restarted ${worker.name} was not ready within ${timeoutMs} ms`);
}
