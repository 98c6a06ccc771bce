import { stackInfoFile } from '../../../tools/n8n/stack';
import { startQueueStack, stopQueueStack, type RunningQueueStack } from '../../e2e/harness/queueStack';

/**
 * Jest globalSetup of the e2e-queue project: one queue-mode deployment (main, two workers, webhook
 * processor, sandbox) for the whole run, on the Redis and Postgres that scripts/services.sh started.
 */
export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const stack = await startQueueStack();
	(globalThis as { __metaCallingQueueStack?: RunningQueueStack }).__metaCallingQueueStack = stack;
	// e2eContext() (test/e2e/harness/context.ts) reads the stack from this file; the test files inherit it.
	process.env.META_CALLING_E2E_STACK = stackInfoFile(stack.info.runDir);
	const { info } = stack;
	const processes = info.processes.map((p) => `${p.name} ${p.url}`).join(', ');
	process.stdout.write(
		`\n[e2e-queue] n8n ${info.n8nVersion} in queue mode: ${processes}; Redis ${info.redis.port}, Postgres ${info.postgres.port}; ` +
			`sandbox ${info.sandboxUrl}; ${info.workflows.length} workflow(s) active; ready in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
			`${JSON.stringify(info.timings)}\n[e2e-queue] logs: ${info.runDir}/{main,worker-1,worker-2,webhook,sandbox}.log\n`,
	);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			void stopQueueStack(stack).finally(() => process.exit(130));
		});
	}
}
