import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';

import type { ProcessGroupListener } from '../../tools/n8n/processes';

/**
 * Pure: one line of the guard's protocol (see watchdog.ts) applied to the set of process groups it
 * watches. Anything else is ignored: the guard must never stop a group it was not told about.
 */
export function applyGuardLine(groups: Set<number>, line: string): void {
	const match = /^([+-])(\d+)$/.exec(line.trim());
	if (!match) return;
	const pgid = Number(match[2]);
	if (pgid <= 1) return;
	if (match[1] === '+') groups.add(pgid);
	else groups.delete(pgid);
}

/** Whether any process is still in the group (signal 0 only checks). */
export function groupHasMembers(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The script's side of the guard: the process-group events of startLogged, and the groups it stopped itself. */
export interface GuardLink extends ProcessGroupListener {
	/**
	 * The script is done with this group (after stopProcess): SIGKILL to whatever is left of it (normally
	 * nothing; stopProcess skips a group whose leader had already exited), then the guard forgets it. At
	 * the leader's exit a member (n8n's task runner) may still be there, so `exited` keeps the group; before
	 * this line the guard, reading end of file a moment later, found that member still dying and reported a
	 * group nobody had left behind.
	 */
	killAndForget(pgid: number | undefined): void;
}

/**
 * Tells the watchdog which process groups to stop if the script dies. Starts the watchdog (watchdog.ts)
 * with the loader this script runs under (`node --import tsx`, or tsx's own flags), in its own process
 * group so that signals aimed at the script's group leave it alone.
 */
export function startGuard(graceMs = 10000): GuardLink {
	// Not the debugger's flags: the watchdog would want the script's inspector port.
	const loaderFlags = process.execArgv.filter((flag) => !flag.startsWith('--inspect'));
	const watchdog: ChildProcess = spawn(process.execPath, [...loaderFlags, join(__dirname, 'watchdog.ts'), String(graceMs)], {
		detached: true,
		stdio: ['pipe', 'ignore', 'inherit'],
	});
	// The guard must not keep the script alive; its stdin pipe closes when the script exits.
	watchdog.unref();
	(watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
	watchdog.on('error', () => undefined);
	watchdog.stdin?.on('error', () => undefined);
	const send = (line: string): void => {
		if (watchdog.stdin?.writable) watchdog.stdin.write(`${line}\n`);
	};
	return {
		started(pgid) {
			if (pgid !== undefined) send(`+${pgid}`);
		},
		exited(pgid) {
			// A leader's exit may leave members behind (n8n's task runner), which the script then stops; until
			// the group is empty its number cannot be reused, so the watchdog may keep it.
			if (pgid !== undefined && !groupHasMembers(pgid)) send(`-${pgid}`);
		},
		killAndForget(pgid) {
			if (pgid === undefined || pgid <= 1) return;
			try {
				process.kill(-pgid, 'SIGKILL');
			} catch {
				// Nothing left.
			}
			send(`-${pgid}`);
		},
	};
}
