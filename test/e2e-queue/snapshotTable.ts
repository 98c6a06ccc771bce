import { clearDataTable, ensureDataTable, type DataTableRef } from '../../tools/n8n/dataTables';
import type { E2eContext } from '../e2e/harness/context';

/** The data table example 2 keeps Close Calling's snapshots in (workflows close-keep and restore-*.json). */
const SNAPSHOT_TABLE = 'messenger_call_snapshots';

/**
 * Jest hooks of a test file that reads the snapshot table: the table made once (n8n's REST API), then
 * before each test the sandbox reset and the table emptied. Returns the table, known once beforeAll ran.
 */
export function useSnapshotTable(e2e: E2eContext): () => DataTableRef {
	let table: DataTableRef | undefined;
	beforeAll(async () => {
		table = await ensureDataTable(e2e.rest, SNAPSHOT_TABLE, [
			{ name: 'pageId', type: 'string' },
			{ name: 'snapshot', type: 'string' },
		]);
	});
	beforeEach(async () => {
		await e2e.sandbox('POST', 'reset', {});
		await clearDataTable(e2e.rest, madeTable());
	});
	function madeTable(): DataTableRef {
		if (!table) throw new Error(`the data table ${SNAPSHOT_TABLE} is made in beforeAll`);
		return table;
	}
	return madeTable;
}
