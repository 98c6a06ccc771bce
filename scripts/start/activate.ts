import { n8nCli, type N8nInstanceOptions } from '../../tools/n8n/n8nProcess';
import type { PreparedWorkflow } from '../../tools/n8n/userFolder';

/**
 * Activates the imported examples with n8n's CLI before n8n starts, so that no API key or session has
 * to be made in the user's instance for it. Only on the first start (one short n8n boot per command).
 * n8n 2.x calls it publishing and has no "all" switch; 1.x activates all at once.
 */
export async function activateWithCli(options: N8nInstanceOptions, workflows: PreparedWorkflow[]): Promise<void> {
	if (options.runtime.line === '1') {
		await n8nCli(options, ['update:workflow', '--all', '--active=true']);
		return;
	}
	for (const workflow of workflows) await n8nCli(options, ['publish:workflow', `--id=${workflow.id}`]);
}
