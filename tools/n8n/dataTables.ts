import type { N8nRest } from './n8nRest';

/**
 * n8n's data tables (n8n 2.x; module `data-table`), created the way the editor does it: the internal REST
 * API of the owner's personal project, `/rest/projects/:projectId/data-tables` (n8n 2.40.7's and 2.41.1's
 * DataTableController: `POST /` with `{name, columns: [{name, type}]}`, `GET /?filter={"name":...}`,
 * `GET|POST /:dataTableId/columns`). Workflows then name the table in n8n's Data table node by name.
 */

export type DataTableColumnType = 'string' | 'number' | 'boolean' | 'date';

export interface DataTableColumn {
	name: string;
	type: DataTableColumnType;
}

export interface DataTableRef {
	id: string;
	name: string;
	projectId: string;
	/** True when this call created it (false: it existed already). */
	created: boolean;
}

function failed(what: string, answer: { status: number; text: string }): Error {
	return new Error(`${what} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
}

/** The id of the owner's personal project (where the editor creates data tables by default). */
async function personalProjectId(rest: N8nRest): Promise<string> {
	const answer = await rest.rest<{ data: { id: string } }>('GET', '/projects/personal');
	if (answer.status !== 200 || !answer.body?.data?.id) throw failed('GET /rest/projects/personal', answer);
	return answer.body.data.id;
}

/**
 * Makes sure a data table `name` exists in the owner's personal project with at least `columns` (missing
 * columns are added; existing rows and other columns are left alone). Idempotent, for a test stack and
 * for `npm start` alike. A column that exists with another type is an error: n8n cannot change a type.
 */
export async function ensureDataTable(rest: N8nRest, name: string, columns: DataTableColumn[]): Promise<DataTableRef> {
	const projectId = await personalProjectId(rest);
	const base = `/projects/${projectId}/data-tables`;

	// The name filter is a case-insensitive LIKE: pick the exact name from what it finds.
	const listed = await rest.rest('GET', `${base}?${new URLSearchParams({ filter: JSON.stringify({ name }), take: '100' })}`);
	if (listed.status !== 200) throw failed(`GET /rest${base}`, listed);
	const tables: Array<{ id: string; name: string }> = listed.body?.data?.data ?? [];
	const existing = tables.find((t) => t.name === name);

	if (!existing) {
		const created = await rest.rest('POST', base, { name, columns });
		if (created.status !== 200 || !created.body?.data?.id) throw failed(`POST /rest${base}`, created);
		return { id: created.body.data.id, name, projectId, created: true };
	}

	const columnsAnswer = await rest.rest('GET', `${base}/${existing.id}/columns`);
	if (columnsAnswer.status !== 200) throw failed(`GET /rest${base}/${existing.id}/columns`, columnsAnswer);
	const present: DataTableColumn[] = columnsAnswer.body?.data ?? [];
	for (const column of columns) {
		const found = present.find((c) => c.name === column.name);
		if (found && found.type !== column.type) {
			throw new Error(`data table "${name}" has column "${column.name}" of type ${found.type}, not ${column.type}`);
		}
		if (found) continue;
		const added = await rest.rest('POST', `${base}/${existing.id}/columns`, column);
		if (added.status !== 200) throw failed(`POST /rest${base}/${existing.id}/columns`, added);
	}
	return { id: existing.id, name, projectId, created: false };
}

/** Every row of a data table (system columns id, createdAt, updatedAt included), for tests to check. */
export async function dataTableRows(rest: N8nRest, table: Pick<DataTableRef, 'id' | 'projectId'>): Promise<Array<Record<string, unknown>>> {
	const path = `/projects/${table.projectId}/data-tables/${table.id}/rows?take=1000`;
	let answer = await rest.rest('GET', path);
	// n8n 1.123.81 on SQLite sometimes answers this read with 500 "Transaction is not started yet" while a
	// workflow has just written the table; the same read a moment later succeeds.
	for (let retry = 0; answer.status === 500 && retry < 5; retry++) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		answer = await rest.rest('GET', path);
	}
	if (answer.status !== 200) throw failed(`GET /rest${path}`, answer);
	return answer.body?.data?.data ?? [];
}

/** Deletes every row of a data table (n8n's delete needs a filter: "id >= 0" matches them all). */
export async function clearDataTable(rest: N8nRest, table: Pick<DataTableRef, 'id' | 'projectId'>): Promise<void> {
	const filter = JSON.stringify({ type: 'and', filters: [{ columnName: 'id', condition: 'gte', value: 0 }] });
	const path = `/projects/${table.projectId}/data-tables/${table.id}/rows?${new URLSearchParams({ filter })}`;
	const answer = await rest.rest('DELETE', path);
	if (answer.status !== 200) throw failed(`DELETE /rest${path}`, answer);
}
