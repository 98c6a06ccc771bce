/**
 * The guard of `npm start`: a small process of its own that stops what the script started when the script
 * is gone without having done so itself (SIGKILL, a crash, an out-of-memory kill). n8n and the sandbox run
 * in their own process groups (so that a terminal's Ctrl-C reaches the script, which stops them in order);
 * nobody else would stop them.
 *
 * Protocol on stdin, one line each: `+<pgid>` a process group was started, `-<pgid>` it is gone. stdin
 * reaches end of file when the script exits, however it exits: the guard then stops every group still
 * listed (SIGTERM, SIGKILL after a grace period) and exits. After a clean stop by the script nothing is
 * listed and the guard exits at once.
 *
 * Run as `node [the script's loader flags] scripts/start/watchdog.ts [graceMs]`, detached from the script's
 * process group; started by scripts/start/guard.ts.
 */
import { applyGuardLine, groupHasMembers } from './guard';

const graceMs = Number(process.argv[2] ?? 10000);
const groups = new Set<number>();
let pending = '';

// Signals aimed at the script's group (Ctrl-C, a hangup) or sent to "everything npm start" must not stop the
// guard before it has done its one job: it ends when its stdin ends.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);

// The terminal may be gone too: a failed write must not stop the guard.
process.stderr.on('error', () => undefined);

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
	const lines = (pending + chunk).split('\n');
	pending = lines.pop() ?? '';
	for (const line of lines) applyGuardLine(groups, line);
});
process.stdin.on('end', () => void stopLeftovers());
process.stdin.on('error', () => void stopLeftovers());

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch {
		// Gone meanwhile.
	}
}

let stopping = false;
async function stopLeftovers(): Promise<void> {
	if (stopping) return;
	stopping = true;
	const left = [...groups].filter(groupHasMembers);
	for (const pgid of left) signalGroup(pgid, 'SIGTERM');
	if (left.length > 0) {
		process.stderr.write(`[start guard] npm start ended without stopping process groups ${left.join(', ')}: stopping them\n`);
	}
	const deadline = Date.now() + graceMs;
	while (left.some(groupHasMembers) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
	for (const pgid of left) signalGroup(pgid, 'SIGKILL');
	process.exit(0);
}
