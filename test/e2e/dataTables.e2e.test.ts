import { e2eContext } from './harness/context';
import { clearDataTable, dataTableRows, ensureDataTable } from '../../tools/n8n/dataTables';

/**
 * Example 2 keeps Close Calling's snapshot in n8n's own data table (it survives queue mode, where static
 * data does not). This checks, on each n8n line, that the Data table node exists and that the harness's
 * ensureDataTable (used by the queue tier and by `npm start`) creates a table and is idempotent.
 */
const e2e = e2eContext();
const TABLE = `e2e_data_table_check_${e2e.line}`;

describe(`n8n ${e2e.line}.x: n8n's data tables`, () => {
	it('has the Data table node (n8n-nodes-base.dataTable)', async () => {
		const types = await e2e.rest.nodeTypes();
		const versions = types.filter((t) => t.name === 'n8n-nodes-base.dataTable').map((t) => (t as { version?: number | number[] }).version);
		process.stdout.write(`\n[e2e] n8n ${e2e.n8nVersion}: n8n-nodes-base.dataTable versions ${JSON.stringify(versions)}\n`);
		expect(versions.length).toBeGreaterThan(0);
	});

	it('ensureDataTable creates a table with the columns once, adds a missing column later, and keeps its rows', async () => {
		const first = await ensureDataTable(e2e.rest, TABLE, [{ name: 'pageId', type: 'string' }]);
		const again = await ensureDataTable(e2e.rest, TABLE, [
			{ name: 'pageId', type: 'string' },
			{ name: 'snapshot', type: 'string' },
		]);
		expect([first.created, again.created, again.id]).toEqual([true, false, first.id]);

		const columns = await e2e.rest.rest('GET', `/projects/${first.projectId}/data-tables/${first.id}/columns`);
		expect(columns.body.data.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([
			['pageId', 'string'],
			['snapshot', 'string'],
		]);
		const inserted = await e2e.rest.rest('POST', `/projects/${first.projectId}/data-tables/${first.id}/insert`, {
			data: [{ pageId: '4000000000000001', snapshot: '{}' }],
			returnType: 'count',
		});
		expect([inserted.status, inserted.status === 200 ? '' : inserted.text]).toEqual([200, '']);
		await ensureDataTable(e2e.rest, TABLE, [{ name: 'pageId', type: 'string' }]);
		expect((await dataTableRows(e2e.rest, first)).map((r) => r.pageId)).toEqual(['4000000000000001']);
		await clearDataTable(e2e.rest, first);
		expect(await dataTableRows(e2e.rest, first)).toEqual([]);
	});
});
