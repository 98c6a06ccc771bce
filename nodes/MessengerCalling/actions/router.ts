import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { runItems, type ItemHandler } from '../../shared/execution/runItems';
import * as availability from './availability/Availability.resource';
import * as callSettings from './callSettings/CallSettings.resource';
import * as message from './message/Message.resource';

type Operation = { execute: (this: IExecuteFunctions, ...args: Parameters<ItemHandler>) => ReturnType<ItemHandler> };

export const operations: Record<string, Record<string, Operation>> = {
	callSettings: {
		get: callSettings.get,
		setCallHours: callSettings.setCallHours,
		setIconVisibility: callSettings.setIconVisibility,
		setCallRouting: callSettings.setCallRouting,
		closeCalling: callSettings.closeCalling,
		restoreCalling: callSettings.restoreCalling,
	},
	message: { sendCallPrompt: message.sendCallPrompt },
	availability: { check: availability.check },
};

/** Resource and operation are the same for every item (n8n forbids expressions in them). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = operations[resource]?.[operation];
	if (!chosen) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	return await runItems(this, async (itemIndex, graph) => await chosen.execute.call(this, itemIndex, graph));
}
