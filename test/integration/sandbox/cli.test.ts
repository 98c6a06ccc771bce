import { spawn } from 'child_process';
import path from 'path';
import { DEMO } from '../../../tools/sandbox';

/** `npm run sandbox` as a separate process: prints what a user needs, serves Graph calls, stops on SIGTERM. */
it('starts on the given port, prints URL, token, app id and secret, and stops cleanly on SIGTERM', async () => {
	const root = path.resolve(__dirname, '../../..');
	const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['tools/sandbox/cli.ts', '--port', '0', '--latency', '1'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	try {
		let output = '';
		const url = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no URL printed within 15 s: ${output}`)), 15000);
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
				if (match && output.includes('control API')) {
					clearTimeout(timer);
					resolve(match[1]);
				}
			});
			child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
		});
		for (const printed of [DEMO.accessToken, DEMO.appId, DEMO.appSecret]) expect(output).toContain(printed);

		const me = await fetch(`${url}/v26.0/me`, { headers: { Authorization: `Bearer ${DEMO.accessToken}` } });
		expect(me.status).toBe(200);

		const exitCode = new Promise<number | null>((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		expect(await exitCode).toBe(0);
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
	}
}, 30000);

it('--help prints the flags and starts nothing', async () => {
	const root = path.resolve(__dirname, '../../..');
	const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['tools/sandbox/cli.ts', '--help'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	expect(exitCode).toBe(0);
	expect(output).toMatch(/^Usage: npm run sandbox -- \[flags\]/);
	for (const flag of ['--port', '--latency', '--read-lag', '--rate-limit', '--bulk', '--seed', '--no-verify-callbacks']) {
		expect(output).toContain(flag);
	}
	expect(output).not.toContain('listening on');
}, 30000);
