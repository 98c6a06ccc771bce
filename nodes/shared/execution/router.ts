import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import type { GraphClient } from '../transport/types';
import { runItems } from './runItems';
import type { ItemResult } from './settling';

/** One operation file: its `execute` handles one item. */
export interface Operation {
	/** `input` is what `validate` returned for this item (read once: expressions cost CPU per evaluation). */
	execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient, input: unknown): Promise<ItemResult>;
	/** Reads the item's parameters and runs the pure checks, before any item's request leaves (throws on a broken rule). */
	validate?(this: IExecuteFunctions, itemIndex: number): unknown;
	/** True for operations that must never be repeated (a message): with On Error: Stop, one item at a time. */
	sequentialOnStop?: boolean;
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
	properties: readonly INodeProperties[],
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const chosen = operations[resource]?.[operation];
	if (!chosen) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	const validate = chosen.validate;
	return await runItems(ctx, async (itemIndex, graph, input) => await chosen.execute.call(ctx, itemIndex, graph, input), {
		validate: validate ? (itemIndex) => validate.call(ctx, itemIndex) : undefined,
		sequentialOnStop: chosen.sequentialOnStop === true,
		properties,
	});
}
