import type { INodeProperties } from 'n8n-workflow';

import { operations, WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';

const { description } = new WhatsAppCalling();
const properties = description.properties;

/** Parameters shown for a resource/operation pair (ignores the operation selectors themselves). */
function shownFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => {
		const show = p.displayOptions?.show;
		return show?.resource?.includes(resource) && show?.operation?.includes(operation);
	});
}

function optionValues(property: INodeProperties | undefined): unknown[] {
	return (property?.options ?? []).map((o) => ('value' in o ? o.value : (o as { name: string }).name));
}

const WRITES: Array<[string, string]> = [
	['callingSettings', 'update'],
	['callingSettings', 'setCallHours'],
	['holidaySchedule', 'add'],
	['holidaySchedule', 'remove'],
	['holidaySchedule', 'replace'],
	['holidaySchedule', 'sync'],
];
const READS: Array<[string, string]> = [
	['callingSettings', 'get'],
	['holidaySchedule', 'get'],
	['availability', 'check'],
];

describe('WhatsApp Calling description (pinned public interface)', () => {
	it('has the pinned identity', () => {
		expect(description.name).toBe('whatsAppCalling');
		expect(description.displayName).toBe('WhatsApp Calling');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'metaCallingApi', required: true }]);
		expect(description.subtitle).toContain('$parameter["operation"]');
		expect(description.icon).toEqual({ light: 'file:whatsAppCalling.svg', dark: 'file:whatsAppCalling.dark.svg' });
	});

	it('every operation checks its input before the run sends anything (validate)', () => {
		const all = Object.entries(operations).flatMap(([resource, ops]) => Object.entries(ops).map(([name, op]) => [`${resource}.${name}`, op] as const));
		expect(all.filter(([, op]) => typeof op.validate !== 'function').map(([name]) => name)).toEqual([]);
		// Messages must never arrive twice: with On Error: Stop they go one at a time (the sends only).
		expect(all.filter(([, op]) => op.sequentialOnStop).map(([name]) => name)).toEqual(['message.sendCallButton', 'message.sendCallPermissionRequest']);
	});

	it('offers exactly the pinned resources and operations, each routed', () => {
		const resource = properties.find((p) => p.name === 'resource');
		expect(optionValues(resource).sort()).toEqual(['availability', 'callPermission', 'callingSettings', 'holidaySchedule', 'message', 'phoneNumber']);
		const pinned: Record<string, string[]> = {
			callingSettings: ['get', 'setCallHours', 'update'],
			holidaySchedule: ['add', 'get', 'remove', 'replace', 'sync'],
			availability: ['check'],
			message: ['sendCallButton', 'sendCallPermissionRequest'],
			callPermission: ['get'],
			phoneNumber: ['getAll'],
		};
		for (const [name, ops] of Object.entries(pinned)) {
			const selector = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(name));
			expect(optionValues(selector).sort()).toEqual(ops);
			expect(Object.keys(operations[name]).sort()).toEqual(ops);
		}
	});

	it('asks for phoneNumberId (From List or By ID) on every operation about one number', () => {
		const phone = properties.find((p) => p.name === 'phoneNumberId');
		expect(phone).toMatchObject({ type: 'resourceLocator', required: true, default: { mode: 'list', value: '' } });
		expect(phone?.modes?.map((m) => [m.name, m.typeOptions?.searchListMethod])).toEqual([
			['list', 'searchPhoneNumbers'],
			['id', undefined],
		]);
		expect(phone?.displayOptions).toEqual({ hide: { resource: ['phoneNumber'] } });
	});

	it('Phone Number → Get Many asks for the WABA, Return All / Limit and includeCallingSettings', () => {
		const shown = shownFor('phoneNumber', 'getAll');
		expect(shown.map((p) => p.name)).toEqual(['wabaId', 'returnAll', 'limit', 'options']);
		const byName = Object.fromEntries(shown.map((p) => [p.name, p]));
		expect(byName.wabaId.modes?.[0].typeOptions?.searchListMethod).toBe('searchWabas');
		expect(byName.limit.displayOptions?.show?.returnAll).toEqual([false]);
		expect(optionValues(byName.options)).toContain('includeCallingSettings');
	});

	it.each(WRITES)('%s/%s has options.dryRun', (resource, operation) => {
		const options = shownFor(resource, operation).find((p) => p.name === 'options');
		expect(optionValues(options)).toEqual(expect.arrayContaining(['concurrency', 'dryRun', 'maxWaitSeconds']));
	});

	it.each(READS)('%s/%s has concurrency but no dryRun', (resource, operation) => {
		const names = optionValues(shownFor(resource, operation).find((p) => p.name === 'options'));
		expect(names).toContain('concurrency');
		expect(names).not.toContain('dryRun');
	});

	it('callingSettings get has includeSipCredentials', () => {
		const options = shownFor('callingSettings', 'get').find((p) => p.name === 'options');
		expect(optionValues(options)).toContain('includeSipCredentials');
	});

	it('update has the pinned updateFields and enum values', () => {
		const fields = shownFor('callingSettings', 'update').find((p) => p.name === 'updateFields');
		const byName = Object.fromEntries((fields?.options as INodeProperties[]).map((o) => [o.name, o]));
		expect(Object.keys(byName).sort()).toEqual(
			[
				'audioAdditionalCodecs',
				'callIconVisibility',
				'callbackPermissionStatus',
				'restrictToUserCountries',
				'sipServers',
				'sipStatus',
				'srtpKeyExchangeProtocol',
				'status',
			].sort(),
		);
		expect(optionValues(byName.status)).toEqual(['ENABLED', 'DISABLED']);
		expect(optionValues(byName.callIconVisibility)).toEqual(['DEFAULT', 'DISABLE_ALL']);
		expect(optionValues(byName.srtpKeyExchangeProtocol)).toEqual(['DTLS', 'SDES']);
		const server = (byName.sipServers.options as Array<{ name: string; values: INodeProperties[] }>)[0];
		expect(server.values.map((v) => v.name)).toEqual(['hostname', 'port', 'requestUriUserParams']);
	});

	it('setCallHours has the pinned parameters and value shapes', () => {
		const shown = shownFor('callingSettings', 'setCallHours');
		const byName = Object.fromEntries(shown.map((p) => [p.name, p]));
		expect(optionValues(byName.callHoursStatus)).toEqual(['ENABLED', 'DISABLED']);
		expect(byName.timezoneId.type).toBe('resourceLocator');
		expect(byName.timezoneId.modes?.map((m) => m.name)).toEqual(['list', 'name']);
		expect(optionValues(byName.holidayMode)).toEqual(['keep', 'replace', 'clear']);
		expect(byName.holidayMode.default).toBe('keep');
		const hours = (byName.weeklyHours.options as Array<{ name: string; values: INodeProperties[] }>)[0];
		expect(hours.name).toBe('hours');
		expect(hours.values.map((v) => v.name)).toEqual(['dayOfWeek', 'openTime', 'closeTime']);
		const holiday = (byName.holidays.options as Array<{ name: string; values: INodeProperties[] }>)[0];
		expect(holiday.name).toBe('holiday');
		expect(holiday.values.map((v) => v.name)).toEqual(['date', 'startTime', 'endTime']);
		expect(byName.holidays.displayOptions?.show).toMatchObject({ holidayMode: ['replace'], holidaysInput: ['fields'] });
	});

	it.each([['add'], ['replace']])('holidaySchedule %s takes holidays from fields or JSON', (operation) => {
		const byName = Object.fromEntries(shownFor('holidaySchedule', operation).map((p) => [p.name, p]));
		expect(optionValues(byName.holidaysInput)).toEqual(['fields', 'json']);
		expect(byName.holidaysInput.default).toBe('fields');
		expect(byName.holidaysJson.displayOptions?.show?.holidaysInput).toEqual(['json']);
		expect(byName.holidays.displayOptions?.show?.holidaysInput).toEqual(['fields']);
	});

	it('holidaySchedule remove takes dates; availability check takes at', () => {
		expect(shownFor('holidaySchedule', 'remove').find((p) => p.name === 'dates')?.type).toBe('string');
		expect(shownFor('availability', 'check').find((p) => p.name === 'at')).toMatchObject({ type: 'dateTime', default: '' });
	});

	it('the call messages and the permission look-up have the pinned fields and options (issue 20)', () => {
		const names = (operation: string, resource = 'message') => shownFor(resource, operation).map((p) => p.name);
		const optionsOf = (operation: string) => optionValues(shownFor('message', operation).find((p) => p.name === 'options'));
		expect(names('sendCallButton')).toEqual(['recipient', 'bodyText', 'options']);
		expect(optionsOf('sendCallButton')).toEqual(expect.arrayContaining(['displayText', 'payload', 'onlyWhileOpen', 'buttonLifetime', 'dryRun']));
		expect(names('sendCallPermissionRequest')).toEqual(['recipient', 'bodyText', 'options']);
		const onlyIfAllowed = (shownFor('message', 'sendCallPermissionRequest').find((p) => p.name === 'options')?.options as INodeProperties[]).find((o) => o.name === 'onlyIfAllowed');
		expect(onlyIfAllowed?.default).toBe(true);
		expect(names('get', 'callPermission')).toEqual(['recipient', 'options']);
	});

	it('never shows two parameters of the same name for one operation', () => {
		for (const [resource, operation] of [...WRITES, ...READS]) {
			const names = shownFor(resource, operation).map((p) => p.name);
			expect(new Set(names).size).toBe(names.length);
		}
	});
});
