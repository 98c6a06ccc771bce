import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimezoneId, readWeeklyHours } from '../../../shared/descriptions/hours';
import type { WeeklyHoursEntry } from '../../../shared/hours/types';
import { InputError } from '../../../shared/validation';
import { CLOSE_MODES, type CloseMode } from '../../helpers/snapshot';

/*
 * Parameters several Call Settings operations share, with their readers: Close Mode (Close Calling, Sync
 * Closure From Calendar), and Messenger's reading of the shared Timezone and Weekly Hours fields
 * (readers in shared/descriptions/hours.ts) for Set Call Hours and Sync Closure From Calendar.
 */

/** How a Page is closed. */
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

/** Timezone and Weekly Hours as Messenger takes them: one window per day; none at all only when `allowEmpty`. */
export function readCallHoursFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	allowEmpty: boolean,
): { timezoneId: string; weeklyHours: WeeklyHoursEntry[] } {
	return { timezoneId: readTimezoneId(ctx, itemIndex), weeklyHours: readWeeklyHours(ctx, itemIndex, { maxPerDay: 1, allowEmpty }) };
}
