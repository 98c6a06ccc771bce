import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/validation';
import { CLOSE_MODES, type CloseMode } from '../../helpers/snapshot';

/** How a Page is closed: the parameter Close Calling and Sync Closure From Calendar share. */
export function closeModeField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Close Mode',
		name: 'closeMode',
		type: 'options',
		options: [
			{
				name: 'Both',
				value: 'both',
				description:
					'Hide the icon and close every day. A Page without call hours gets no hours (Meta could not remove them again): only its icon is hidden.',
			},
			{
				name: 'Close Hours',
				value: 'closeHours',
				description: 'Keep the timezone but close every day; refused for a Page without call hours',
			},
			{
				name: 'Hide Icon',
				value: 'hideIcon',
				description: 'Hide the call icon in Messenger threads; the hours stay as they are',
			},
		],
		default: 'both',
		displayOptions,
	};
}

export function readCloseMode(ctx: IExecuteFunctions, itemIndex: number): CloseMode {
	const raw = String(ctx.getNodeParameter('closeMode', itemIndex, 'both'));
	if (!(CLOSE_MODES as readonly string[]).includes(raw)) {
		throw new InputError('closeMode', `must be one of ${CLOSE_MODES.join(', ')}`);
	}
	return raw as CloseMode;
}
