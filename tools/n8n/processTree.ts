import { readdirSync, readFileSync } from 'fs';

/** One process as Linux's /proc shows it. */
export interface ProcessInfo {
	pid: number;
	ppid: number;
	pgid: number;
	/** R, S, D, Z (zombie: exited, not yet reaped) ... */
	state: string;
	command: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// "pid (comm) state ppid pgid ...": comm may hold spaces and parentheses, so split after the last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
		return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]), state: fields[0], command };
	} catch {
		return undefined;
	}
}

/** Every live process on the machine. */
export function allProcesses(): ProcessInfo[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map((name) => readProcess(Number(name)))
		.filter((info): info is ProcessInfo => info !== undefined);
}

/** The processes below `rootPid` (children, their children, ...), whatever process group they run in. */
export function descendantsOf(rootPid: number, processes = allProcesses()): ProcessInfo[] {
	const found: ProcessInfo[] = [];
	let parents = new Set([rootPid]);
	while (parents.size > 0) {
		const next = processes.filter((p) => parents.has(p.ppid));
		found.push(...next);
		parents = new Set(next.map((p) => p.pid));
	}
	return found;
}

/** Whether a process still runs (a zombie has exited: it only waits for its parent to read its status). */
export function isRunning(pid: number): boolean {
	const info = readProcess(pid);
	return info !== undefined && info.state !== 'Z';
}
