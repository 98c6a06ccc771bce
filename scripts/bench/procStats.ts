import { readdirSync, readFileSync } from 'fs';

/*
 * CPU time and memory of a process and everything it started (n8n and its task runner), read from
 * Linux's /proc. Sampling from outside costs n8n nothing, which a probe inside it would not.
 */

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)

interface ProcEntry {
	pid: number;
	ppid: number;
	/** utime + stime of the process itself, in clock ticks. */
	cpuTicks: number;
}

/** Fields of /proc/<pid>/stat after the command name, which may itself hold spaces and parentheses. */
function readStat(pid: number): ProcEntry | undefined {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		// fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
		return { pid, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
	} catch {
		return undefined; // exited between listing and reading
	}
}

function rssKb(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

/** The root and every descendant alive now. */
export function processTree(rootPid: number): ProcEntry[] {
	const all = readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map((name) => readStat(Number(name)))
		.filter((entry): entry is ProcEntry => entry !== undefined);
	const children = new Map<number, ProcEntry[]>();
	for (const entry of all) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry]);
	const root = all.find((entry) => entry.pid === rootPid);
	if (!root) return [];
	const tree: ProcEntry[] = [];
	const stack = [root];
	while (stack.length > 0) {
		const entry = stack.pop() as ProcEntry;
		tree.push(entry);
		stack.push(...(children.get(entry.pid) ?? []));
	}
	return tree;
}

/** CPU seconds the tree has used so far (user + system). */
export function treeCpuSeconds(rootPid: number): number {
	return processTree(rootPid).reduce((sum, entry) => sum + entry.cpuTicks, 0) / CLOCK_TICKS_PER_SECOND;
}

export function treeRssMb(rootPid: number): number {
	return processTree(rootPid).reduce((sum, entry) => sum + rssKb(entry.pid), 0) / 1024;
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
