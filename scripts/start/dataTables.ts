import { ensureDataTable } from '../../tools/n8n/dataTables';
import { N8nRest } from '../../tools/n8n/n8nRest';
import { DEMO_OWNER } from './owner';

/** Example 2 keeps Close Calling's snapshot in this table (one row per Page): created once, kept afterwards. */
export const SNAPSHOT_TABLE = 'messenger_call_snapshots';

export async function ensureExampleDataTables(n8nUrl: string): Promise<void> {
	const rest = new N8nRest(n8nUrl);
	await rest.login(DEMO_OWNER.email, DEMO_OWNER.password);
	await ensureDataTable(rest, SNAPSHOT_TABLE, [
		{ name: 'pageId', type: 'string' },
		{ name: 'snapshot', type: 'string' },
	]);
}
