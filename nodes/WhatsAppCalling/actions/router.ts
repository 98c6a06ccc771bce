import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { runItems } from '../../shared/execution/runItems';
import type { GraphClient } from '../../shared/transport/graph';
import * as availability from './availability/Availability.resource';
import * as callingSettings from './callingSettings/CallingSettings.resource';
import * as holidaySchedule from './holidaySchedule/HolidaySchedule.resource';

type Operation = {
	execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient): Promise<IDataObject | IDataObject[]>;
};

/** Every resource/operation pair the node offers; a unit test checks it against the description. */
export const operations: Record<string, Record<string, Operation>> = {
	callingSettings: {
		get: callingSettings.get,
		update: callingSettings.update,
		setCallHours: callingSettings.setCallHours,
	},
	holidaySchedule: {
		get: holidaySchedule.get,
		add: holidaySchedule.add,
		remove: holidaySchedule.remove,
		replace: holidaySchedule.replace,
	},
	availability: { check: availability.check },
};

/** Resource and operation are the same for every item (n8n does not allow expressions for them). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	return await runItems(this, async (itemIndex, graph) => await handler.execute.call(this, itemIndex, graph));
}
