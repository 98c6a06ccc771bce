import type { INodeProperties } from 'n8n-workflow';

import { operationParameters } from '../../../shared/execution/runItems';
import * as closeCalling from './closeCalling.operation';
import * as get from './get.operation';
import * as restoreCalling from './restoreCalling.operation';
import * as setCallHours from './setCallHours.operation';
import * as setCallingEnabled from './setCallingEnabled.operation';
import * as setCallRouting from './setCallRouting.operation';
import * as setIconVisibility from './setIconVisibility.operation';
import * as syncClosure from './syncClosure.operation';

/** The resource's operations, each in its own file. */
export const operations = { closeCalling, get, restoreCalling, setCallHours, setCallingEnabled, setCallRouting, setIconVisibility, syncClosure };

/** The operation selector; the node lists it above the Page ID, the parameters below. */
export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['callSettings'] } },
	options: [
		{
			name: 'Close Calling',
			value: 'closeCalling',
			description: 'Close the Page for calls (hide the icon, close the hours or both) and keep a snapshot to restore',
			action: 'Close calling',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Read the Page’s call hours, call routing, icon, audio and video settings',
			action: 'Get call settings',
		},
		{
			name: 'Restore Calling',
			value: 'restoreCalling',
			description: 'Put back exactly the settings a Close Calling snapshot holds',
			action: 'Restore calling',
		},
		{
			name: 'Set Call Hours',
			value: 'setCallHours',
			description: 'Set the timezone and the weekly hours in which people can call',
			action: 'Set call hours',
		},
		{
			name: 'Set Call Routing',
			value: 'setCallRouting',
			description: 'Choose whether calls ring Meta’s apps or third-party apps',
			action: 'Set call routing',
		},
		{
			name: 'Set Calling On/Off',
			value: 'setCallingEnabled',
			description: 'Switch audio calls and video calls to the Page on or off',
			action: 'Set calling on or off',
		},
		{
			name: 'Set Icon Visibility',
			value: 'setIconVisibility',
			description: 'Show or hide the call icon in Messenger threads',
			action: 'Set icon visibility',
		},
		{
			name: 'Sync Closure From Calendar',
			value: 'syncClosure',
			description: 'Run on a schedule: close the Page while a calendar closure is in force, reopen it afterwards',
			action: 'Sync closure from a calendar',
		},
	],
	default: 'get',
};

export const description: INodeProperties[] = operationParameters(operations);
