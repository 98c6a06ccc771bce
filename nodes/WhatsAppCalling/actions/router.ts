import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation, type OperationTable } from '../../shared/execution/router';
import { properties } from './properties';
import * as availability from './availability/Availability.resource';
import * as callingSettings from './callingSettings/CallingSettings.resource';
import * as holidaySchedule from './holidaySchedule/HolidaySchedule.resource';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';

/** Every resource/operation pair the node offers; a unit test checks it against the description. */
export const operations: OperationTable = {
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
		sync: holidaySchedule.sync,
	},
	availability: { check: availability.check },
	phoneNumber: { getAll: phoneNumber.getAll },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, operations, properties);
}
