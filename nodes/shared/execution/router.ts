import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../transport/graph';
import { runItems } from './runItems';
import type { ItemResult } from './settling';

/** One operation file: its `execute` handles one item. */
export interface Operation {
	execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient): Promise<ItemResult>;
}

/** resource -> operation -> the operation file; each node lists its own. */
export type OperationTable = Record<string, Record<string, Operation>>;

/**
 * Dispatches a node run to the chosen operation and hands it to the shared item loop. Resource and
 * operation are the same for every item: n8n does not allow expressions in them.
 */
export async function routeToOperation(
	ctx: IExecuteFunctions,
	operations: OperationTable,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const chosen = operations[resource]?.[operation];
	if (!chosen) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	return await runItems(ctx, async (itemIndex, graph) => await chosen.execute.call(ctx, itemIndex, graph));
}
