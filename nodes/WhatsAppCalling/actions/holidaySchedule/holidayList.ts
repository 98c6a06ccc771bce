import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import { checkHolidaysBeforeRead, holidaysInputFields, readHolidaysInput } from '../../../shared/descriptions/hours';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import type { Settling } from '../../../shared/execution/settling';
import { mergeHolidays, replaceHolidays, type HolidayRules } from '../../../shared/hours/holidays';
import type { Holiday } from '../../../shared/hours/types';
import type { GraphClient } from '../../../shared/transport/graph';
import { updateHolidays, type HolidayDecision } from '../api';

/** The notice of every holiday write, and Holiday Schedule → Add and → Replace, which differ only in their rule. */

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

/** The new list from the stored and the given holidays, and what the operation reports about it. */
type ListRule = (stored: Holiday[], given: Holiday[], rules: HolidayRules) => HolidayDecision;

/** An operation that writes a list of holidays (from the form or as JSON) into the stored schedule by `rule`. */
function holidayListOperation(operation: 'add' | 'replace', rule: ListRule) {
	const displayOptions = showFor('holidaySchedule', operation);
	/** The number and the holidays, checked before anything is read. */
	function validate(this: IExecuteFunctions, itemIndex: number) {
		const phoneNumberId = readPhoneNumberId(this, itemIndex);
		const holidays = readHolidaysInput(this, itemIndex);
		checkHolidaysBeforeRead(holidays);
		return { phoneNumberId, holidays, options: readOptions(this, itemIndex) };
	}
	async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: ReturnType<typeof validate>): Promise<Settling> {
		const { holidays, field } = input.holidays;
		return await updateHolidays(this, graph, input, (stored, clock) => rule(stored.holidays, holidays, { ...clock, field }));
	}
	return {
		description: [
			keepsEverythingElseNotice(displayOptions),
			...holidaysInputFields(displayOptions),
			optionsCollection(displayOptions, { write: true, readModifyWrite: true }),
		],
		validate,
		execute,
	};
}

/** The given holidays join the stored ones; a date already stored gets the given times. */
export const add = holidayListOperation('add', (stored, given, rules) => {
	const { added, updated, ...next } = mergeHolidays(stored, given, rules);
	return { ...next, report: { added, updated } };
});

/** The given holidays become the whole schedule. */
export const replace = holidayListOperation('replace', (stored, given, rules) => {
	const { added, updated, removed, ...next } = replaceHolidays(stored, given, rules);
	return { ...next, report: { added, updated, removed } };
});
