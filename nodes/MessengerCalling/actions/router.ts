import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { operationTable, routeToOperation } from '../../shared/execution/runItems';
import { properties } from './properties';
import * as availability from './availability/Availability.resource';
import * as callSettings from './callSettings/CallSettings.resource';
import * as message from './message/Message.resource';

/** Every resource/operation pair the node offers, from the resource modules. */
export const operations = operationTable({ callSettings, message, availability });

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, operations, properties);
}
