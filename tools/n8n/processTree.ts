import { readdirSync, readFileSync } from 'fs';

/*
 * Processes as Linux's /proc shows them: which ones run below a root (the e2e tier checks that `npm start`
 * leaves none behind), and the CPU time and memory of such a tree (the bench samples n8n and its task
 * runner from outside, which costs n8n nothing, unlike a probe inside it).
 */

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)

/** One process's /proc/<pid>/stat fields that the callers use. */
interface ProcessStat {
	pid: number;
	ppid: number;
	pgid: number;
	/** R, S, D, Z (zombie: exited, not yet reaped) ... */
	state: string;
	/** utime + stime of the process itself, in clock ticks. */
	cpuTicks: number;
}

/** One process with its command line. */
export interface ProcessInfo extends ProcessStat {
	command: string;
}

function readStat(pid: number): ProcessStat | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// "pid (comm) state ppid pgid ...": comm may hold spaces and parentheses, so split after the last ')'.
		// fields[0] is field 3 (state): ppid is field 4, pgid 5, utime 14, stime 15.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]), state: fields[0], cpuTicks: Number(fields[11]) + Number(fields[12]) };
	} catch {
		return undefined; // exited between listing and reading
	}
}

function readProcess(pid: number): ProcessInfo | undefined {
	const stat = readStat(pid);
	try {
		return stat && { ...stat, command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ') };
	} catch {
		return undefined;
	}
}

function livePids(): number[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map(Number);
}

/** Every live process on the machine. */
export function allProcesses(): ProcessInfo[] {
	return livePids()
		.map(readProcess)
		.filter((info): info is ProcessInfo => info !== undefined);
}

/** The processes below `rootPid` (children, their children, ...), whatever process group they run in. */
export function descendantsOf<T extends ProcessStat>(rootPid: number, processes: T[]): T[];
export function descendantsOf(rootPid: number): ProcessInfo[];
export function descendantsOf(rootPid: number, processes: ProcessStat[] = allProcesses()): ProcessStat[] {
	const found: ProcessStat[] = [];
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
	const info = readStat(pid);
	return info !== undefined && info.state !== 'Z';
}

/** The root and every descendant alive now (no command lines: the bench samples this ten times a second). */
function treeOf(rootPid: number): ProcessStat[] {
	const stats = livePids()
		.map(readStat)
		.filter((stat): stat is ProcessStat => stat !== undefined);
	const root = stats.find((stat) => stat.pid === rootPid);
	return root ? [root, ...descendantsOf(rootPid, stats)] : [];
}

function rssKb(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

/** CPU seconds the tree has used so far (user + system). */
export function treeCpuSeconds(rootPid: number): number {
	return treeOf(rootPid).reduce((sum, entry) => sum + entry.cpuTicks, 0) / CLOCK_TICKS_PER_SECOND;
}

export function treeRssMb(rootPid: number): number {
	return treeOf(rootPid).reduce((sum, entry) => sum + rssKb(entry.pid), 0) / 1024;
}

export interface TreeUsage {
	cpuSeconds: number;
	peakRssMb: number;
}

/**
 * Starts sampling the tree's memory every `intervalMs`; `stop()` returns the CPU time used since the start
 * and the highest memory seen (one last sample is taken at the stop, so short runs get one too).
 */
export function sampleTree(rootPid: number, intervalMs = 100): { stop(): TreeUsage } {
	const cpuAtStart = treeCpuSeconds(rootPid);
	let peakRssMb = treeRssMb(rootPid);
	const timer = setInterval(() => {
		peakRssMb = Math.max(peakRssMb, treeRssMb(rootPid));
	}, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			peakRssMb = Math.max(peakRssMb, treeRssMb(rootPid));
			return { cpuSeconds: treeCpuSeconds(rootPid) - cpuAtStart, peakRssMb };
		},
	};
}
