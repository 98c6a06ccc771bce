import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { CACHE_DIR, REPO_ROOT, resolveRuntime } from '../../../tools/n8n/lines';
import { importCredentialAndWorkflows, startN8nCommand, waitForReadiness, type N8nInstanceOptions } from '../../../tools/n8n/n8nProcess';
import { N8nRest } from '../../../tools/n8n/n8nRest';
import { freePort, stopProcess, waitUntil, type LoggedProcess } from '../../../tools/n8n/processes';
import { activateAll, phaseTimer, startSandboxProcess, stackInfoFile, type StackInfo } from '../../../tools/n8n/stack';
import { installBuiltPackage, prepareWorkflows, writeSandboxCredential } from '../../../tools/n8n/userFolder';

/**
 * n8n's distributed engine ("queue mode") for the test/e2e-queue tier: one main (`n8n start`: editor, REST
 * and public API, activation), two workers (`n8n worker --concurrency=5`: they run every execution) and one
 * webhook processor (`n8n webhook`: receives production webhooks and queues their executions), sharing one
 * Postgres database and one Redis (started by scripts/services.sh, which passes their ports in QUEUE_*).
 *
 * Every process has its own user folder with the built package in it (a worker without it fails the
 * execution with "Unrecognized node type"), its own ports and its own log file in the run folder.
 */

export type QueueRole = 'main' | 'worker' | 'webhook';

export interface QueueProcessInfo {
	/** `main`, `worker-1`, `worker-2`, `webhook`: also the log file's name. */
	name: string;
	role: QueueRole;
	/** N8N_PORT: main's editor and API, the webhook processor's /webhook/..., a worker's (unused) own. */
	url: string;
	/** A worker's health server (`/healthz/readiness`); for others, the same port as `url` would be busy. */
	healthCheckPort: number;
	logFile: string;
	userFolder: string;
}

export interface QueueStackInfo extends StackInfo {
	mode: 'queue';
	processes: QueueProcessInfo[];
	redis: { host: string; port: number };
	postgres: { host: string; port: number; database: string };
}

export interface RunningQueueStack {
	info: QueueStackInfo;
	processes: LoggedProcess[];
	sandbox: LoggedProcess;
}

const WORKER_CONCURRENCY = 5;
const WORKER_NAMES = ['worker-1', 'worker-2'];

/** Workflows of the queue tier: its own folder plus the regular tier's (the shared concurrency and trigger tests use them). */
const QUEUE_WORKFLOW_FOLDERS = [join(REPO_ROOT, 'test', 'e2e-queue', 'workflows'), join(REPO_ROOT, 'test', 'e2e', 'workflows')];

function queueRunDir(): string {
	return process.env.META_CALLING_E2E_QUEUE_RUN_DIR ?? join(CACHE_DIR, 'e2e-runs', 'n8n-queue');
}

interface QueueServices {
	redis: { host: string; port: number };
	postgres: { host: string; port: number; database: string; user: string; password: string };
}

/** Redis and Postgres as scripts/services.sh exported them; a clear error when the tier runs without it. */
function queueServicesFromEnvironment(env: NodeJS.ProcessEnv = process.env): QueueServices {
	const missing = ['QUEUE_REDIS_PORT', 'QUEUE_PG_PORT'].filter((name) => !env[name]);
	if (missing.length > 0) {
		throw new Error(
			`the queue-mode tier needs Redis and Postgres (${missing.join(', ')} not set): ` +
				'run it with `bash test/e2e-queue/run.sh`, which starts them through scripts/services.sh',
		);
	}
	return {
		redis: { host: env.QUEUE_REDIS_HOST ?? '127.0.0.1', port: Number(env.QUEUE_REDIS_PORT) },
		postgres: {
			host: env.QUEUE_PG_HOST ?? '127.0.0.1',
			port: Number(env.QUEUE_PG_PORT),
			database: env.QUEUE_PG_DATABASE ?? 'n8n',
			user: env.QUEUE_PG_USER ?? 'postgres',
			password: env.QUEUE_PG_PASSWORD ?? 'postgres',
		},
	};
}

/** What every process of the deployment shares: queue mode, Redis, Postgres, where webhooks are received. */
function sharedQueueEnvironment(services: QueueServices, webhookBaseUrl: string): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: services.redis.host,
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: services.postgres.host,
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_DATABASE: services.postgres.database,
		DB_POSTGRESDB_USER: services.postgres.user,
		DB_POSTGRESDB_PASSWORD: services.postgres.password,
		// Trigger registrations (Meta's callback URL) and the editor's production URLs name the webhook processor.
		WEBHOOK_URL: `${webhookBaseUrl}/`,
		N8N_WEBHOOK_URL: `${webhookBaseUrl}/`,
		// The workers report to /healthz/readiness, which the harness waits for.
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
}

/**
 * Starts the deployment from nothing (fresh run folder and database content): sandbox, credential and
 * workflows imported into Postgres, main, then the workers and the webhook processor, then every workflow
 * activated (after the webhook processor runs: Meta's callback check of a trigger's activation reaches it).
 * Anything started is stopped again if a later step fails.
 */
export async function startQueueStack(): Promise<RunningQueueStack> {
	const services = queueServicesFromEnvironment();
	const runtime = resolveRuntime('2');
	const runDir = queueRunDir();
	rmSync(runDir, { recursive: true, force: true });
	const importDir = join(runDir, 'import');
	mkdirSync(importDir, { recursive: true });
	const { timings, timed } = phaseTimer();

	const running: LoggedProcess[] = [];
	let sandbox: LoggedProcess | undefined;
	try {
		const started = await timed('sandboxStart', () => startSandboxProcess(runDir));
		sandbox = started.proc;
		const sandboxUrl = started.url;

		// Ports first: the webhook processor's URL goes into every process's environment.
		const plan: QueueProcessInfo[] = [];
		for (const [name, role] of [['main', 'main'], ...WORKER_NAMES.map((w) => [w, 'worker']), ['webhook', 'webhook']] as Array<[string, QueueRole]>) {
			const port = await freePort();
			const userFolder = join(runDir, name);
			mkdirSync(userFolder, { recursive: true });
			plan.push({ name, role, url: `http://127.0.0.1:${port}`, healthCheckPort: await freePort(), logFile: join(runDir, `${name}.log`), userFolder });
		}
		const webhookBaseUrl = plan.find((p) => p.role === 'webhook')!.url;
		const shared = sharedQueueEnvironment(services, webhookBaseUrl);
		const optionsOf = async (p: QueueProcessInfo): Promise<N8nInstanceOptions> => ({
			runtime,
			userFolder: p.userFolder,
			port: Number(new URL(p.url).port),
			brokerPort: await freePort(),
			logFile: p.logFile,
			environment: { ...shared, QUEUE_HEALTH_CHECK_PORT: String(p.healthCheckPort) },
		});
		const options = new Map<string, N8nInstanceOptions>();
		for (const p of plan) {
			options.set(p.name, await optionsOf(p));
			installBuiltPackage(p.userFolder);
		}
		const main = plan[0];
		const mainOptions = options.get(main.name)!;

		const credentialFile = writeSandboxCredential(importDir, sandboxUrl);
		const workflows = prepareWorkflows(importDir, QUEUE_WORKFLOW_FOLDERS);
		// Into the shared database (the first CLI run also creates n8n's tables there).
		await timed('import', () => importCredentialAndWorkflows(mainOptions, credentialFile, join(importDir, 'workflows'), workflows.length));

		const mainProcess = startN8nCommand(mainOptions, ['start'], 'n8n main');
		running.push(mainProcess);
		await timed('mainReady', () => waitForReadiness(mainProcess, main.url));
		const rest = new N8nRest(main.url);
		await rest.setupOwner();
		const apiKey = await rest.createApiKey();

		// Workers and the webhook processor only after main migrated the database.
		await timed('workersAndWebhookReady', async () => {
			const waits: Array<Promise<void>> = [];
			for (const p of plan.slice(1)) {
				const args = p.role === 'worker' ? ['worker', `--concurrency=${WORKER_CONCURRENCY}`] : ['webhook'];
				const proc = startN8nCommand(options.get(p.name)!, args, `n8n ${p.name}`);
				running.push(proc);
				const readiness = p.role === 'worker' ? `http://127.0.0.1:${p.healthCheckPort}/healthz/readiness` : `${p.url}/healthz/readiness`;
				waits.push(
					waitUntil(readiness, async () => (await fetch(readiness)).status === 200, { timeoutMs: 180000, intervalMs: 500, process: proc }),
				);
			}
			await Promise.all(waits);
		});
		await timed('activate', () => activateAll(rest, workflows));

		const info: QueueStackInfo = {
			mode: 'queue',
			line: runtime.line,
			n8nVersion: runtime.version,
			n8nUrl: main.url,
			webhookBaseUrl,
			sandboxUrl,
			runDir,
			n8nLog: main.logFile,
			sandboxLog: join(runDir, 'sandbox.log'),
			packageDir: join(main.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-meta-calling'),
			workflows,
			ownerCookie: rest.sessionCookie,
			apiKey,
			timings,
			processes: plan,
			redis: services.redis,
			postgres: { host: services.postgres.host, port: services.postgres.port, database: services.postgres.database },
		};
		writeFileSync(stackInfoFile(runDir), JSON.stringify(info, null, 2));
		return { info, processes: running, sandbox };
	} catch (error) {
		await stopQueueProcesses(running, sandbox);
		throw error;
	}
}

/** Webhook processor and workers first (they finish what they run), then main, then the sandbox. */
async function stopQueueProcesses(processes: LoggedProcess[], sandbox: LoggedProcess | undefined): Promise<void> {
	await Promise.all([...processes].reverse().slice(0, -1).map((p) => stopProcess(p)));
	if (processes.length > 0) await stopProcess(processes[0]);
	await stopProcess(sandbox);
}

export async function stopQueueStack(stack: RunningQueueStack | undefined): Promise<void> {
	if (!stack) return;
	await stopQueueProcesses(stack.processes, stack.sandbox);
}

/**
 * Which worker ran which execution, from the workers' own logs ("Worker started execution <id> (job <n>)",
 * n8n 2.40.7's and 2.41.1's job processor at level info): execution id -> worker name.
 */
export function executionWorkers(info: QueueStackInfo): Map<string, string> {
	const byExecution = new Map<string, string>();
	for (const p of info.processes.filter((q) => q.role === 'worker')) {
		let text = '';
		try {
			text = readFileSync(p.logFile, 'utf8');
		} catch {
			continue;
		}
		for (const match of text.matchAll(/Worker started execution (\d+) \(job/g)) byExecution.set(match[1], p.name);
	}
	return byExecution;
}
