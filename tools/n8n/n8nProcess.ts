import { join } from 'path';

import type { N8nRuntime } from './lines';
import { runLogged, startLogged, waitUntil, type LoggedProcess } from './processes';

/** Fixed so that credentials imported in plain text can be read back by the same instance. */
const ENCRYPTION_KEY = 'meta-calling-e2e-fixed-encryption-key';

export interface N8nInstanceOptions {
	runtime: N8nRuntime;
	userFolder: string;
	port: number;
	brokerPort: number;
	logFile: string;
	/** Set last, over everything below (queue mode: EXECUTIONS_MODE, Redis, Postgres, health-check port...). */
	environment?: NodeJS.ProcessEnv;
}

/** Settings whose names differ between the lines (an unknown module name stops n8n 2.x from starting). */
function lineSpecificEnvironment(runtime: N8nRuntime, url: string): NodeJS.ProcessEnv {
	// 1.x as it ships (its deprecation notices ask for settings that change behaviour, e.g. the pooled
	// SQLite driver times out on its write lock under a burst of webhook executions on 2 cores).
	if (runtime.line === '1') return { WEBHOOK_URL: url };
	return {
		N8N_WEBHOOK_URL: url,
		// Fetches n8n's MCP server list from api.n8n.io at start.
		N8N_DISABLED_MODULES: 'mcp-registry',
	};
}

/**
 * The environment of every n8n process of a run: its own user folder, SQLite, loopback only, and
 * everything that would phone home switched off (this machine has no internet; n8n must not wait on it).
 */
export function n8nEnvironment({ runtime, userFolder, port, brokerPort, environment }: N8nInstanceOptions): NodeJS.ProcessEnv {
	const url = `http://127.0.0.1:${port}/`;
	return {
		...lineSpecificEnvironment(runtime, url),
		PATH: `${runtime.nodeBinDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
		HOME: userFolder,
		LANG: process.env.LANG ?? 'C.UTF-8',
		TZ: 'UTC',
		GENERIC_TIMEZONE: 'UTC',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// The Code node's task runner broker: its default port (5679) would clash with another n8n.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_EDITOR_BASE_URL: url,
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_FORMAT: 'json',
		// Community packages: load what is in .n8n/nodes, never reach npm or n8n's package list.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Nothing that phones home.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_PUBLIC_API_DISABLED: 'false',
		...environment,
	};
}

/** One n8n CLI command (import, publish) against the run's user folder; its output goes to the run's log. */
export async function n8nCli(options: N8nInstanceOptions, args: string[], timeoutMs = 120000): Promise<void> {
	const { runtime, userFolder, logFile } = options;
	await runLogged(runtime.nodeBinary, [runtime.n8nEntry, ...args], {
		cwd: userFolder,
		env: n8nEnvironment(options),
		logFile,
		timeoutMs,
	});
}

/**
 * Imports the credential file and the workflow folder with n8n's CLI (two short n8n boots).
 * Workflows stay inactive here: they are activated through the public API once n8n runs (see stack.ts),
 * which is one HTTP call per workflow on both lines instead of one n8n boot per workflow
 * (`publish:workflow` in 2.x), and reports an activation error at once instead of in the log.
 */
export async function importCredentialAndWorkflows(
	options: N8nInstanceOptions,
	credentialFile: string,
	workflowDir: string,
	workflowCount: number,
): Promise<void> {
	await n8nCli(options, ['import:credentials', `--input=${credentialFile}`]);
	if (workflowCount > 0) await n8nCli(options, ['import:workflow', '--separate', `--input=${workflowDir}`]);
}

export function startN8n(options: N8nInstanceOptions): LoggedProcess {
	return startN8nCommand(options, ['start']);
}

/** Any long-running n8n command (`start`, `worker --concurrency=5`, `webhook`) in its own process group. */
export function startN8nCommand(options: N8nInstanceOptions, args: string[], name = `n8n ${options.runtime.version} ${args[0]}`): LoggedProcess {
	const { runtime, userFolder, logFile } = options;
	return startLogged(name, runtime.nodeBinary, [runtime.n8nEntry, ...args], {
		cwd: userFolder,
		env: n8nEnvironment(options),
		logFile,
	});
}

/**
 * Ready = the database is up (`/healthz/readiness`) and the REST API is mounted: n8n 1.x answers
 * readiness before its /rest routes exist (owner setup would get a 404).
 */
export async function waitForReadiness(n8n: LoggedProcess, n8nUrl: string, timeoutMs = 180000): Promise<void> {
	const answers200 = async (path: string) => (await fetch(`${n8nUrl}${path}`)).status === 200;
	await waitUntil(`${n8nUrl}/healthz/readiness and /rest/settings`, async () => (await answers200('/healthz/readiness')) && (await answers200('/rest/settings')), {
		timeoutMs,
		intervalMs: 500,
		process: n8n,
	});
}

export function userFolderPaths(userFolder: string) {
	return {
		n8nDir: join(userFolder, '.n8n'),
		database: join(userFolder, '.n8n', 'database.sqlite'),
	};
}
