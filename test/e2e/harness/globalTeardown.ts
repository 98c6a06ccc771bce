import { stopStack, type RunningStack } from '../../../tools/n8n/stack';

/** Jest globalTeardown of the e2e project: stops n8n and the sandbox (process groups, also on failure). */
export default async function globalTeardown(): Promise<void> {
	const holder = globalThis as { __metaCallingE2eStack?: RunningStack };
	await stopStack(holder.__metaCallingE2eStack);
	holder.__metaCallingE2eStack = undefined;
}
