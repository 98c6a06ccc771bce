import { spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer, type Server } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { freePort } from '../../../tools/n8n/processes';
import { REPO_ROOT } from '../../../tools/n8n/lines';

/*
 * `npm start` with a port taken must say so at once, before it spends 6-11 s building and before it
 * installs anything. The real script, with its cache in a temporary folder (so nothing is installed).
 */
function listen(port: number): Promise<Server> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

function runStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'start.ts')], {
			cwd: REPO_ROOT,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('error', reject);
		child.once('close', (code) => resolve({ code, output }));
	});
}

describe('npm start checks its ports before building', () => {
	let cache: string;
	let busy: Server | undefined;
	beforeEach(() => {
		cache = mkdtempSync(join(tmpdir(), 'start-ports-'));
	});
	afterEach(() => {
		busy?.close();
		rmSync(cache, { recursive: true, force: true });
	});

	it('stops at a taken sandbox port without building or installing', async () => {
		const sandboxPort = await freePort();
		busy = await listen(sandboxPort);
		const { code, output } = await runStart({
			META_CALLING_CACHE_DIR: cache,
			META_CALLING_N8N_PORT: String(await freePort()),
			META_CALLING_SANDBOX_PORT: String(sandboxPort),
		});
		expect(output).toContain(`port ${sandboxPort} for the sandbox (META_CALLING_SANDBOX_PORT) is in use`);
		expect(output).not.toMatch(/building the package|n8n-env|Node 24 and n8n/);
		expect(code).toBe(1);
	}, 120000);
});
