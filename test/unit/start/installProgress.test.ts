import { spawn } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { REPO_ROOT } from '../../../tools/n8n/lines';

const node24Version = (JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'n8n-versions.json'), 'utf8')) as { node24: string }).node24;

/*
 * A first `npm start` installs n8n for minutes (506 s measured): scripts/n8n-env.sh must say every 15 s how
 * long it has been and what the install is doing. Here the real ensure_n8n runs with a stand-in `npm` that
 * unpacks two packages and runs for a few seconds, and the ticker's period set to 1 s.
 */
function runBash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn('bash', ['-c', script], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.once('error', reject);
		child.once('close', (code) => resolve({ code, stderr }));
	});
}

describe('n8n-env.sh: progress while n8n installs', () => {
	let work: string;
	beforeEach(() => {
		work = mkdtempSync(join(tmpdir(), 'install-progress-'));
	});
	afterEach(() => rmSync(work, { recursive: true, force: true }));

	it('prints the elapsed time and what npm is doing while it runs, and nothing after it ended', async () => {
		const cache = join(work, 'cache');
		const fakeBin = join(work, 'bin');
		mkdirSync(cache);
		mkdirSync(fakeBin);
		// Node 24 as ensure_node24 finds it installed: its marker and an executable bin/node (this Node stands
		// in; the stand-in npm never runs it). Not the repository's .cache/node24: on a fresh clone the unit
		// tests run before the e2e step installs it, and ensure_node24 would download it here.
		mkdirSync(join(cache, 'node24', 'bin'), { recursive: true });
		symlinkSync(process.execPath, join(cache, 'node24', 'bin', 'node'));
		writeFileSync(join(cache, 'node24', '.installed'), `${node24Version}\n`);
		const npm = join(fakeBin, 'npm');
		writeFileSync(npm, '#!/bin/sh\nmkdir -p node_modules/a node_modules/@s/b\necho {} > node_modules/a/package.json\necho {} > node_modules/@s/b/package.json\nsleep 6\necho "npm error stand-in" >&2\nexit 1\n');
		chmodSync(npm, 0o755);
		const { code, stderr } = await runBash('source scripts/n8n-env.sh && ensure_n8n 9.9.9', {
			META_CALLING_CACHE_DIR: cache,
			META_CALLING_PROGRESS_SECONDS: '1',
			PATH: `${fakeBin}:${process.env.PATH ?? ''}`,
		});
		const ticks = stderr.split('\n').filter((line) => line.includes('installing n8n@9.9.9: '));
		expect(ticks.length).toBeGreaterThanOrEqual(2);
		expect(ticks[0]).toMatch(/installing n8n@9\.9\.9: 0 min \d+ s so far; .*2 (packages )?unpacked/);
		// The ticker ends with the install: its lines all come before the failure's.
		expect(stderr.lastIndexOf('installing n8n@9.9.9: ')).toBeLessThan(stderr.indexOf('npm install of n8n@9.9.9 failed'));
		expect(stderr).toContain('npm error stand-in');
		expect(code).toBe(1);
	}, 60000);
});
