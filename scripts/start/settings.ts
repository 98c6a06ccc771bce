import { join } from 'path';

import { CACHE_DIR, N8N_LINES, type N8nLine } from '../../tools/n8n/lines';

/**
 * What `npm start` runs where. Fixed ports so that the printed URLs, the credential's Base URL and the
 * trigger's callback URL stay the same from one start to the next; each can be moved by an environment
 * variable when the port is taken.
 */
export interface StartSettings {
	line: N8nLine;
	version: string;
	n8nPort: number;
	/** n8n's task-runner broker (Code node); n8n's default 5679 */
	brokerPort: number;
	sandboxPort: number;
	/** Kept between starts: n8n's user folder (SQLite database, the installed package), logs. */
	homeDir: string;
	userFolder: string;
	importDir: string;
	/** --fresh: forget the previous instance (workflows, executions, owner) and start from nothing. */
	fresh: boolean;
}

function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (1-65535), got "${raw}"`);
	return port;
}

export const USAGE = `usage: npm start [-- --fresh] [-- --n8n-line 1]
  --fresh          delete the previous instance (.cache/start/n8n-<version>) and set it up again
  --n8n-line 1|2   n8n line to run (default 2 = n8n ${N8N_LINES['2']}; 1 = n8n ${N8N_LINES['1']})
environment: META_CALLING_N8N_PORT (5678), META_CALLING_SANDBOX_PORT (8787)`;

/** Pure: command-line arguments and environment -> settings. Throws on an unknown argument. */
export function readSettings(args: readonly string[], env: NodeJS.ProcessEnv = process.env): StartSettings {
	let line: N8nLine = '2';
	let fresh = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--fresh') fresh = true;
		else if (arg === '--n8n-line' || arg.startsWith('--n8n-line=')) {
			const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
			if (value !== '1' && value !== '2') throw new Error(`--n8n-line must be 1 or 2, got "${value}"\n${USAGE}`);
			line = value;
		} else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
	}
	const version = N8N_LINES[line];
	const n8nPort = portFrom(env, 'META_CALLING_N8N_PORT', 5678);
	const homeDir = join(CACHE_DIR, 'start', `n8n-${version}`);
	return {
		line,
		version,
		n8nPort,
		brokerPort: n8nPort + 1,
		sandboxPort: portFrom(env, 'META_CALLING_SANDBOX_PORT', 8787),
		homeDir,
		userFolder: join(homeDir, 'user'),
		importDir: join(homeDir, 'import'),
		fresh,
	};
}
