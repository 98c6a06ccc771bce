import { startStack, stopStack, type RunningStack } from '../../../tools/n8n/stack';

/** Jest globalSetup of the e2e project: one stack (sandbox + n8n of N8N_LINE) for the whole run. */
export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const stack = await startStack();
	(globalThis as { __metaCallingE2eStack?: RunningStack }).__metaCallingE2eStack = stack;
	const { info } = stack;
	process.stdout.write(
		`\n[e2e] n8n ${info.n8nVersion} at ${info.n8nUrl}, sandbox at ${info.sandboxUrl}, ` +
			`${info.workflows.length} workflow(s) active, ready in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
			`${JSON.stringify(info.timings)}\n[e2e] logs: ${info.n8nLog}\n`,
	);
	// If the tests crash before teardown, the processes still go (see processes.ts); this covers Ctrl-C.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			void stopStack(stack).finally(() => process.exit(130));
		});
	}
}
