import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation, type OperationTable } from '../../shared/execution/router';
import { properties } from './properties';
import * as availability from './availability/Availability.resource';
import * as callSettings from './callSettings/CallSettings.resource';
import * as message from './message/Message.resource';

/** Every resource/operation pair the node offers; a unit test checks it against the description. */
export const operations: OperationTable = {
	callSettings: {
		get: callSettings.get,
		setCallHours: callSettings.setCallHours,
		setIconVisibility: callSettings.setIconVisibility,
		setCallingEnabled: callSettings.setCallingEnabled,
		setCallRouting: callSettings.setCallRouting,
		closeCalling: callSettings.closeCalling,
		restoreCalling: callSettings.restoreCalling,
		syncClosure: callSettings.syncClosure,
	},
	message: { sendCallPrompt: message.sendCallPrompt },
	availability: { check: availability.check },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, operations, properties);
}
