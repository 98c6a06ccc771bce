import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { operationTable, routeToOperation } from '../../shared/execution/runItems';
import { properties } from './properties';
import * as availability from './availability/Availability.resource';
import * as callingSettings from './callingSettings/CallingSettings.resource';
import * as holidaySchedule from './holidaySchedule/HolidaySchedule.resource';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';

/** Every resource/operation pair the node offers, from the resource modules. */
export const operations = operationTable({ callingSettings, holidaySchedule, availability, phoneNumber });

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, operations, properties);
}
