import { spawn } from 'child_process';
import { join } from 'path';

/*
 * The guard must never report a process group the script has already stopped itself ("[start guard] npm
 * start ended without stopping process groups …" after "[start] stopped", seen once in two stops). Real
 * processes: the fixture stops a group whose member outlives its leader, tells the guard, and exits.
 */
function runFixture(): Promise<{ stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'stopOneGroup.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.once('error', reject);
		// 'close': the guard inherits stderr, so this waits for the guard to be gone too.
		child.once('close', () => resolve({ stdout, stderr }));
	});
}

describe("npm start's guard after the script stopped its groups itself", () => {
	it.each([1, 2, 3])('reports nothing (run %i)', async () => {
		const { stdout, stderr } = await runFixture();
		expect(stdout).toMatch(/^stopped \d+\n$/);
		expect(stderr).not.toContain('[start guard]');
	}, 60000);
});
