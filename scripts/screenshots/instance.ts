import { spawn, type ChildProcess } from 'child_process';

import { REPO_ROOT } from '../../tools/n8n/lines';

/** The instance `npm start` runs; the screenshot script uses it, or starts it for the time it needs it. */
export interface Instance {
	url: string;
	/** Set when this script started it: stopped again at the end. */
	started?: ChildProcess;
}

function instanceUrl(env: NodeJS.ProcessEnv = process.env): string {
	return `http://127.0.0.1:${env.META_CALLING_N8N_PORT || '5678'}`;
}

async function isReady(url: string): Promise<boolean> {
	try {
		return (await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(5000) })).status === 200;
	} catch {
		return false;
	}
}

/**
 * Uses a running `npm start`, or runs one (its own process group) and waits for its "is ready" banner;
 * the first start on a fresh machine installs n8n, so the wait is long.
 */
export async function useOrStartInstance(log: (text: string) => void, timeoutMs = 30 * 60 * 1000): Promise<Instance> {
	const url = instanceUrl();
	if (await isReady(url)) {
		log(`using the running instance at ${url}`);
		return { url };
	}
	log(`no instance at ${url}: running npm start`);
	const child = spawn('npm', ['start', '--silent'], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`npm start was not ready within ${timeoutMs / 1000} s`)), timeoutMs);
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			process.stdout.write(chunk);
			output += chunk.toString();
			if (/is ready/.test(output)) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`npm start exited (${code}) before it was ready`));
		});
	});
	return { url, started: child };
}

/** Ctrl-C for the npm start this script ran: it stops n8n and the sandbox itself. */
export async function stopInstance(instance: Instance): Promise<void> {
	const child = instance.started;
	if (!child?.pid || child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	process.kill(-child.pid, 'SIGINT');
	await exited;
}
