import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../transport/graph';

/** Handles one input item; an array result becomes several output items paired with that input. */
export type ItemHandler = (itemIndex: number, graph: GraphClient) => Promise<IDataObject | IDataObject[]>;

export async function runItems(ctx: IExecuteFunctions, handler: ItemHandler): Promise<INodeExecutionData[][]> {
	void ctx;
	void handler;
	throw new Error('runItems: not implemented yet');
}
