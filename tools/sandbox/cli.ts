/**
 * `npm run sandbox`: the Meta Graph API sandbox on 127.0.0.1 with the demo data, for n8n, e2e tests,
 * benchmarks and demos. The flags are listed in USAGE (`npm run sandbox -- --help`).
 */
import http from 'http';

import { startSandbox, type SandboxOptions } from './sandbox';
import { DEMO, type SeedName } from './seed';
import { CONTROL_PREFIX } from './http/control';

export const USAGE = `Usage: npm run sandbox -- [flags]

A stand-in for Meta's Graph API on 127.0.0.1 with demo data (token, app, WABA, phone numbers, Pages).

  --port 8787              listen port (0 = any free port)
  --latency 50             fixed latency in ms for every Graph answer
  --read-lag 300           reads see the state as it was this many ms ago (eventual consistency)
  --rate-limit 100         requests per second (sliding 1 s window)
  --rate-limit-code 4      4 or 80007
  --rate-limit-status 400  400 or 429
  --bulk 1000              extra phone numbers 3100000000000000.. in the demo WABA
  --seed demo|empty
  --no-verify-callbacks    accept POST /<app>/subscriptions without calling the callback URL
  --also-listen 127.0.0.2  answer on this loopback address too (same port): a second host for
                           n8n's SSRF protection to block while 127.0.0.1 is allowed
  --help, -h               this text
`;

function flagValue(args: string[], name: string): string | undefined {
	const index = args.indexOf(name);
	if (index >= 0) return args[index + 1];
	const inline = args.find((a) => a.startsWith(`${name}=`));
	return inline?.slice(name.length + 1);
}

function numberFlag(args: string[], name: string): number | undefined {
	const value = flagValue(args, name);
	if (value === undefined) return undefined;
	const parsed = Number(value);
	if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} needs a number >= 0, got "${value}"`);
	return parsed;
}

export function optionsFromArgs(args: string[]): SandboxOptions {
	const rps = numberFlag(args, '--rate-limit');
	const code = numberFlag(args, '--rate-limit-code') ?? 4;
	const status = numberFlag(args, '--rate-limit-status') ?? 400;
	if (code !== 4 && code !== 80007) throw new Error('--rate-limit-code must be 4 or 80007');
	if (status !== 400 && status !== 429) throw new Error('--rate-limit-status must be 400 or 429');
	const seed = (flagValue(args, '--seed') ?? 'demo') as SeedName;
	if (seed !== 'demo' && seed !== 'empty') throw new Error('--seed must be demo or empty');
	return {
		host: '127.0.0.1',
		port: numberFlag(args, '--port') ?? 8787,
		seed,
		latencyMs: numberFlag(args, '--latency') ?? 0,
		readLagMs: numberFlag(args, '--read-lag') ?? 0,
		rateLimit: rps ? { requestsPerSecond: Math.floor(rps), code, httpStatus: status } : null,
		bulkPhoneNumbers: numberFlag(args, '--bulk') ?? 0,
		verifyCallbacks: !args.includes('--no-verify-callbacks'),
	};
}

/**
 * A second address with the same sandbox behind it: every request is passed on to `target` as it came.
 * Linux routes all of 127.0.0.0/8 to the loopback interface, so 127.0.0.2 needs no setup.
 */
export async function listenAlso(host: string, port: number, target: string): Promise<http.Server> {
	const server = http.createServer((req, res) => {
		const forwarded = http.request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		forwarded.on('error', () => res.destroy());
		req.pipe(forwarded);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	return server;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		process.stdout.write(USAGE);
		return;
	}
	const options = optionsFromArgs(args);
	const sandbox = await startSandbox(options);
	const alsoHost = flagValue(args, '--also-listen');
	if (alsoHost !== undefined && !/^127\.\d+\.\d+\.\d+$/.test(alsoHost)) throw new Error('--also-listen takes a loopback address 127.x.y.z');
	const also = alsoHost ? await listenAlso(alsoHost, sandbox.port, sandbox.url) : undefined;
	const lines = [
		`Meta Graph API sandbox listening on ${sandbox.url}${also ? ` and http://${alsoHost}:${sandbox.port}` : ''}`,
		`  base URL (credential "Base URL"): ${sandbox.url}`,
		`  access token:  ${DEMO.accessToken}`,
		`  app id:        ${DEMO.appId}`,
		`  app secret:    ${DEMO.appSecret}`,
		`  seed: ${options.seed}; latency ${options.latencyMs} ms; rate limit ${
			options.rateLimit ? `${options.rateLimit.requestsPerSecond}/s (code ${options.rateLimit.code})` : 'none'
		}; bulk numbers ${options.bulkPhoneNumbers}`,
		`  control API: ${sandbox.url}${CONTROL_PREFIX}state`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`${signal}: stopping the sandbox\n`);
		also?.close();
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`sandbox: ${(error as Error).message}\n`);
		process.exit(1);
	});
}
