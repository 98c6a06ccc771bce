import { NodeOperationError, type INode } from 'n8n-workflow';

import { isRecord } from '../validation';

/*
 * Meta answers a write with HTTP 200 even when it did not apply it: WhatsApp's settings and Messenger's hours
 * and routing say {"success": false}, Messenger's icon says {"result": "failure"}. Both nodes treat such an
 * answer as a failed item, never as an output item that only looks like a result.
 */

/** True when Meta's answer says the write was not applied. */
export function isWriteFailure(answer: unknown): boolean {
	if (!isRecord(answer)) return false;
	if (answer.success === false || answer.success === 'false') return true;
	return typeof answer.result === 'string' && answer.result.toLowerCase() === 'failure';
}

/** The error for such an answer; `what` names the fields that were being written. */
export function writeNotAppliedError(node: INode, what: string, answer: unknown): NodeOperationError {
	return new NodeOperationError(node, `Meta did not apply the change of ${what}`, {
		description: `Meta answered ${JSON.stringify(answer)} (HTTP 200). Nothing of this write was applied; earlier writes of this item, if any, were. Run it again; if Meta keeps refusing, read the settings (Get) to see what is stored.`,
	});
}
