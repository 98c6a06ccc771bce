import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import { checkHolidaysBeforeRead, holidaysInputFields, readHolidaysInput } from '../../../shared/descriptions/hours';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';

/** What the holiday writes show alike, and the parameters Add and Replace share. */

export function keepsEverythingElseNotice(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName:
			'Meta replaces the whole call hours setting on every write. This operation reads the stored call hours first and writes them back with only the holidays changed: status, timezone and weekly hours stay as they are. Holidays whose date has passed are dropped.',
		name: 'holidayWriteNotice',
		type: 'notice',
		default: '',
		displayOptions,
	};
}

/** Add and Replace show the same: a list of holidays, from the form or as JSON. */
export function holidayListParameters(operation: 'add' | 'replace'): INodeProperties[] {
	const displayOptions = showFor('holidaySchedule', operation);
	return [
		keepsEverythingElseNotice(displayOptions),
		...holidaysInputFields(displayOptions),
		optionsCollection(displayOptions, { write: true, readModifyWrite: true }),
	];
}

/** Add and Replace read the same: the number and a list of holidays, checked before anything is read. */
export function readHolidayList(ctx: IExecuteFunctions, itemIndex: number) {
	const phoneNumberId = readPhoneNumberId(ctx, itemIndex);
	const holidays = readHolidaysInput(ctx, itemIndex);
	checkHolidaysBeforeRead(holidays);
	return { phoneNumberId, holidays, options: readOptions(ctx, itemIndex) };
}
