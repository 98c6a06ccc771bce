import { stopQueueStack, type RunningQueueStack } from '../../e2e/harness/queueStack';

/** Jest globalTeardown of the e2e-queue project: every n8n process and the sandbox stopped by process group. */
export default async function globalTeardown(): Promise<void> {
	const holder = globalThis as { __metaCallingQueueStack?: RunningQueueStack };
	await stopQueueStack(holder.__metaCallingQueueStack);
	holder.__metaCallingQueueStack = undefined;
}
