import type { INodeProperties } from 'n8n-workflow';

import { MessengerCalling, operations } from '../../../nodes/MessengerCalling/MessengerCalling.node';

const { description } = new MessengerCalling();
const properties = description.properties;

function shownFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => {
		const show = p.displayOptions?.show;
		return show?.resource?.includes(resource) && show?.operation?.includes(operation);
	});
}

function param(resource: string, operation: string, name: string): INodeProperties | undefined {
	return shownFor(resource, operation).find((p) => p.name === name);
}

function values(property: INodeProperties | undefined): unknown[] {
	return (property?.options ?? []).map((o) => ('value' in o ? o.value : (o as { name: string }).name));
}

const WRITES: Array<[string, string]> = [
	['callSettings', 'setCallHours'],
	['callSettings', 'setIconVisibility'],
	['callSettings', 'setCallRouting'],
	['callSettings', 'setCallingEnabled'],
	['callSettings', 'closeCalling'],
	['callSettings', 'restoreCalling'],
	['callSettings', 'syncClosure'],
	['message', 'sendCallPrompt'],
];

describe('Messenger Calling description (pinned public interface)', () => {
	it('has the pinned identity', () => {
		expect(description.name).toBe('messengerCalling');
		expect(description.displayName).toBe('Messenger Calling');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'metaCallingApi', required: true }]);
		expect(description.icon).toEqual({ light: 'file:messengerCalling.svg', dark: 'file:messengerCalling.dark.svg' });
	});

	it('every operation checks its input before the run sends anything (validate)', () => {
		const all = Object.entries(operations).flatMap(([resource, ops]) => Object.entries(ops).map(([name, op]) => [`${resource}.${name}`, op] as const));
		expect(all.filter(([, op]) => typeof op.validate !== 'function').map(([name]) => name)).toEqual([]);
		expect(Object.entries(operations.message ?? {}).filter(([, op]) => op.sequentialOnStop).map(([name]) => name)).toEqual(['sendCallPrompt']);
	});

	it('offers exactly the pinned resources and operations, each routed', () => {
		expect(values(properties.find((p) => p.name === 'resource')).sort()).toEqual(['availability', 'callSettings', 'message']);
		const pinned: Record<string, string[]> = {
			callSettings: ['closeCalling', 'get', 'restoreCalling', 'setCallHours', 'setCallRouting', 'setCallingEnabled', 'setIconVisibility', 'syncClosure'],
			message: ['sendCallPrompt'],
			availability: ['check'],
		};
		for (const [resource, ops] of Object.entries(pinned)) {
			const selector = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
			expect(values(selector).sort()).toEqual(ops);
			expect(Object.keys(operations[resource]).sort()).toEqual(ops);
		}
	});

	it('shows pageId for every operation, right after the operation selectors', () => {
		const pageId = properties.find((p) => p.name === 'pageId');
		expect(pageId?.type).toBe('resourceLocator');
		expect(pageId?.modes?.map((m) => m.name)).toEqual(['list', 'id', 'url']);
		expect(pageId?.displayOptions).toBeUndefined();
		expect(properties.indexOf(pageId!)).toBe(4);
	});

	it('pins the parameters of each operation', () => {
		const fields = param('callSettings', 'get', 'fields');
		expect(fields?.type).toBe('multiOptions');
		expect(values(fields).sort()).toEqual(['audio_enabled', 'call_hours', 'call_routing', 'icon_enabled', 'video_enabled']);
		expect((fields?.default as string[]).sort()).toEqual(['audio_enabled', 'call_hours', 'call_routing', 'icon_enabled', 'video_enabled']);
		expect(param('callSettings', 'setCallHours', 'timezoneId')).toBeDefined();
		expect(param('callSettings', 'setCallHours', 'weeklyHours')?.type).toBe('fixedCollection');
		expect(param('callSettings', 'setIconVisibility', 'iconEnabled')?.type).toBe('boolean');
		expect(values(param('callSettings', 'setCallingEnabled', 'audioEnabled'))).toEqual(['keep', 'on', 'off']);
		expect(values(param('callSettings', 'setCallingEnabled', 'videoEnabled'))).toEqual(['keep', 'on', 'off']);
		const ringTarget = param('callSettings', 'setCallRouting', 'ringTarget');
		expect(values(ringTarget)).toEqual(['META', 'PARTNERS']);
		expect(ringTarget?.description).toMatch(/PARTNERS needs the app subscribed to the "calls" webhook field/);
		const closeMode = param('callSettings', 'closeCalling', 'closeMode');
		expect(values(closeMode).sort()).toEqual(['both', 'closeHours', 'hideIcon']);
		expect(closeMode?.default).toBe('both');
		expect(param('callSettings', 'restoreCalling', 'snapshot')?.type).toBe('json');
		expect(param('message', 'sendCallPrompt', 'recipientId')?.required).toBe(true);
		const ttl = param('message', 'sendCallPrompt', 'ttlDays');
		expect(ttl?.default).toBe(7);
		expect(ttl?.typeOptions).toMatchObject({ minValue: 1, numberPrecision: 0 });
		expect(param('availability', 'check', 'at')?.type).toBe('dateTime');
	});

	it('gives every write a dry run, setCallHours allowAllClosed, and every operation concurrency', () => {
		const optionNames = (resource: string, operation: string) =>
			(param(resource, operation, 'options')?.options ?? []).map((o) => (o as INodeProperties).name);
		for (const [resource, operation] of WRITES) expect(optionNames(resource, operation)).toContain('dryRun');
		for (const [resource, operation] of [['callSettings', 'get'], ['availability', 'check']]) {
			expect(optionNames(resource, operation)).not.toContain('dryRun');
		}
		for (const [resource, ops] of Object.entries(operations)) {
			for (const operation of Object.keys(ops)) expect(optionNames(resource, operation)).toContain('concurrency');
		}
		expect(optionNames('callSettings', 'setCallHours')).toContain('allowAllClosed');
	});
});
