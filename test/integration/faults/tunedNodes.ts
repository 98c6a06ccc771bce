import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { operations as messengerOperations } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { operations as whatsAppOperations } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import type { OperationTable } from '../../../nodes/shared/execution/runItems';
import { runItems, type ClientTuning } from '../../../nodes/shared/execution/runItems';

/**
 * The real nodes (same description, same operation files, same item loop) with a short per-attempt timeout
 * and a short backoff, so that "Meta answered after the client gave up" takes a second, not the 60 s the
 * shipped client waits. Only the client's timing differs from routeToOperation (shared/execution/router.ts).
 */
function tuned<T extends INodeType>(node: T, operations: OperationTable, tuning: ClientTuning): T {
	node.execute = async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const chosen = operations[this.getNodeParameter('resource', 0) as string][this.getNodeParameter('operation', 0) as string];
		const validate = chosen.validate;
		return await runItems(this, async (itemIndex, graph, input) => await chosen.execute.call(this, itemIndex, graph, input), {
			validate: validate ? (itemIndex) => validate.call(this, itemIndex) : undefined,
			sequentialOnStop: chosen.sequentialOnStop === true,
			properties: node.description.properties,
			...tuning,
		});
	};
	return node;
}

/** Per-attempt timeout of the tuned nodes. */
export const CLIENT_TIMEOUT_MS = 2500;
const TUNING: ClientTuning = { requestTimeoutMs: CLIENT_TIMEOUT_MS, backoff: { baseMs: 20, capMs: 100 } };

export const whatsAppWithShortTimeout = (): WhatsAppCalling => tuned(new WhatsAppCalling(), whatsAppOperations, TUNING);
export const messengerWithShortTimeout = (): MessengerCalling => tuned(new MessengerCalling(), messengerOperations, TUNING);
