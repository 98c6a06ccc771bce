import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../../../WhatsAppCalling/actions/common.descriptions';
import { parseCheckTime } from '../../../WhatsAppCalling/helpers/checkTime';
import { checkAvailability } from '../../../shared/hours';
import type { GraphClient } from '../../../shared/transport/graph';
import { callHoursOf } from '../../helpers/callSettings';
import { fetchCallSettings, readPageId } from '../common';

const displayOptions = showFor('availability', 'check');

export const description: INodeProperties[] = [
	{
		displayName: 'At',
		name: 'at',
		type: 'dateTime',
		default: '',
		description:
			'The moment to check; empty = now. Without an offset it is read in the workflow timezone. The weekly hours are applied in the Page’s call hours timezone.',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: false }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient): Promise<IDataObject> {
	const pageId = readPageId(this, itemIndex);
	const at = parseCheckTime(this.getNodeParameter('at', itemIndex, ''), this.getTimezone(), new Date());
	const { settings } = await fetchCallSettings(graph, pageId, ['call_hours', 'icon_enabled']);
	const availability = checkAvailability({
		at,
		// A Page has no calling on/off switch of its own; the icon and the hours decide.
		callingEnabled: true,
		callHours: callHoursOf(settings),
		// Meta shows the icon unless told otherwise.
		iconEnabled: settings.icon_enabled ?? true,
	});
	return { pageId, at: at.toISOString(), ...availability };
}
