import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkAvailability } from '../../../shared/hours';
import type { GraphClient } from '../../../shared/transport/graph';
import { parseCheckTime } from '../../helpers/checkTime';
import { isCallingEnabled, storedCallHours } from '../../helpers/settingsAnswer';
import { optionsCollection, showFor } from '../common.descriptions';
import { fetchSettings, readPhoneNumberId } from '../common';

const displayOptions = showFor('availability', 'check');

export const description: INodeProperties[] = [
	{
		displayName: 'At',
		name: 'at',
		type: 'dateTime',
		default: '',
		description:
			'The moment to check; empty = now. Without an offset it is read in the workflow timezone. Weekly hours and holidays are applied in the business timezone.',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: false }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient): Promise<IDataObject> {
	const phoneNumberId = readPhoneNumberId(this, itemIndex);
	const at = parseCheckTime(this.getNodeParameter('at', itemIndex, ''), this.getTimezone(), new Date());
	const { calling } = await fetchSettings(graph, phoneNumberId);
	const availability = checkAvailability({
		at,
		callingEnabled: isCallingEnabled(calling),
		callHours: storedCallHours(calling),
	});
	return { phoneNumberId, at: at.toISOString(), ...availability };
}
