/** The calendar parameters are public interface (issue 13 pins them): names, values, defaults. */
import type { INodeProperties } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';

function shownFor(properties: INodeProperties[], resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation));
}

const values = (p: INodeProperties | undefined) => (p?.options ?? []).map((o) => ('value' in o ? o.value : undefined)).sort();
const optionNames = (p: INodeProperties | undefined) => (p?.options ?? []).map((o) => ('name' in o ? (o as INodeProperties).name : '')).sort();

describe.each([
	['WhatsApp', new WhatsAppCalling(), 'holidaySchedule', 'sync', ['allowEmptyCalendar', 'holidayTypes', 'lookAheadDays', 'publicHolidaysBaseUrl']],
	['Messenger', new MessengerCalling(), 'callSettings', 'syncClosure', ['holidayTypes', 'publicHolidaysBaseUrl']],
])('%s calendar operation', (_name, node, resource, operation, options) => {
	const fields = shownFor(node.description.properties, resource, operation);
	const byName = (name: string) => fields.find((p) => p.name === name);

	it('has the pinned source parameters', () => {
		expect(values(byName('calendarSource'))).toEqual(['ical', 'json', 'publicHolidays']);
		expect(byName('calendarSource')?.default).toBe('publicHolidays');
		for (const name of ['countryCode', 'subdivisionCode', 'calendarUrl', 'calendarJson']) expect(byName(name)).toBeDefined();
		expect(byName('countryCode')?.typeOptions?.loadOptionsMethod).toBe('getPublicHolidayCountries');
		expect(optionNames(byName('options'))).toEqual(expect.arrayContaining(options));
		expect(node.methods.loadOptions.getPublicHolidayCountries).toEqual(expect.any(Function));
	});
});

it('WhatsApp Sync From Calendar: syncMode mirror (default) or merge, look-ahead 366 days', () => {
	const fields = shownFor(new WhatsAppCalling().description.properties, 'holidaySchedule', 'sync');
	const syncMode = fields.find((p) => p.name === 'syncMode');
	expect([values(syncMode), syncMode?.default]).toEqual([['merge', 'mirror'], 'mirror']);
	const options = fields.find((p) => p.name === 'options')?.options as INodeProperties[];
	expect(options.find((o) => o.name === 'lookAheadDays')?.default).toBe(366);
	expect(options.find((o) => o.name === 'allowEmptyCalendar')?.default).toBe(false);
});

it('Messenger Sync Closure From Calendar: openState snapshot (default) or parameters, closeMode as Close Calling, at', () => {
	const fields = shownFor(new MessengerCalling().description.properties, 'callSettings', 'syncClosure');
	const openState = fields.find((p) => p.name === 'openState');
	expect([values(openState), openState?.default]).toEqual([['parameters', 'snapshot'], 'snapshot']);
	expect(values(fields.find((p) => p.name === 'closeMode'))).toEqual(['both', 'closeHours', 'hideIcon']);
	for (const name of ['snapshot', 'timezoneId', 'weeklyHours', 'iconEnabled', 'ringTarget', 'at']) expect(fields.some((p) => p.name === name)).toBe(true);
});

it.each([
	['WhatsApp', new WhatsAppCalling()],
	['Messenger', new MessengerCalling()],
])('%s Availability → Check: the calendar is optional and off by default', (_name, node) => {
	const fields = shownFor(node.description.properties, 'availability', 'check');
	expect(fields.find((p) => p.name === 'checkCalendar')?.default).toBe(false);
	expect(fields.find((p) => p.name === 'calendarSource')?.displayOptions?.show?.checkCalendar).toEqual([true]);
});
