import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { fieldLabel, inputErrorInWords, labelPathsIn } from '../../../nodes/shared/descriptions/fieldLabel';

const whatsAppProperties = new WhatsAppCalling().description.properties;
const messengerProperties = new MessengerCalling().description.properties;

/*
 * Every field path an InputError can carry, per throw site (grep `new InputError(` under nodes/), with the
 * operation that reads it, and the words the user must see. Paths with a position are listed once with
 * position 0 (and once with a later one where the group matters). The scan at the end fails when a throw
 * site names a parameter this table does not cover.
 */

type Case = [resource: string, operation: string, path: string, label: string];

const WHATSAPP: Case[] = [
	['callingSettings', 'get', 'phoneNumberId', 'Phone Number ID'],
	['callingSettings', 'update', 'updateFields', 'Update Fields'],
	['callingSettings', 'update', 'updateFields.status', 'Update Fields › Calling Status'],
	['callingSettings', 'update', 'updateFields.callIconVisibility', 'Update Fields › Call Icon Visibility'],
	['callingSettings', 'update', 'updateFields.callbackPermissionStatus', 'Update Fields › Callback Permission Status'],
	['callingSettings', 'update', 'updateFields.sipStatus', 'Update Fields › SIP Status'],
	['callingSettings', 'update', 'updateFields.srtpKeyExchangeProtocol', 'Update Fields › SRTP Key Exchange Protocol'],
	['callingSettings', 'update', 'updateFields.restrictToUserCountries', 'Update Fields › Restrict To User Countries'],
	['callingSettings', 'update', 'updateFields.restrictToUserCountries[1]', 'Update Fields › Restrict To User Countries › entry 2'],
	['callingSettings', 'update', 'updateFields.audioAdditionalCodecs', 'Update Fields › Audio Additional Codecs'],
	['callingSettings', 'update', 'updateFields.audioAdditionalCodecs[0]', 'Update Fields › Audio Additional Codecs › entry 1'],
	['callingSettings', 'update', 'updateFields.sipServers', 'Update Fields › SIP Servers'],
	['callingSettings', 'update', 'updateFields.sipServers[0]', 'Update Fields › SIP Servers › Server 1'],
	['callingSettings', 'update', 'updateFields.sipServers[0].hostname', 'Update Fields › SIP Servers › Server 1 › Hostname'],
	['callingSettings', 'update', 'updateFields.sipServers[0].port', 'Update Fields › SIP Servers › Server 1 › Port'],
	['callingSettings', 'update', 'updateFields.sipServers[0].requestUriUserParams', 'Update Fields › SIP Servers › Server 1 › Request URI User Params'],
	['callingSettings', 'setCallHours', 'callHoursStatus', 'Call Hours Status'],
	['callingSettings', 'setCallHours', 'holidayMode', 'Holiday Mode'],
	['callingSettings', 'setCallHours', 'timezoneId', 'Timezone'],
	['callingSettings', 'setCallHours', 'weeklyHours', 'Weekly Hours'],
	['callingSettings', 'setCallHours', 'weeklyHours[2]', 'Weekly Hours › Opening Window 3'],
	['callingSettings', 'setCallHours', 'weeklyHours[2].dayOfWeek', 'Weekly Hours › Opening Window 3 › Day of Week'],
	['callingSettings', 'setCallHours', 'weeklyHours[2].openTime', 'Weekly Hours › Opening Window 3 › Open Time'],
	['callingSettings', 'setCallHours', 'weeklyHours[2].closeTime', 'Weekly Hours › Opening Window 3 › Close Time'],
	['callingSettings', 'setCallHours', 'holidays', 'Holidays'],
	['callingSettings', 'setCallHours', 'holidays[0].date', 'Holidays › Holiday 1 › Date'],
	['callingSettings', 'setCallHours', 'holidaysJson[0].date', 'Holidays (JSON) › entry 1 › date'],
	['holidaySchedule', 'add', 'holidays', 'Holidays'],
	['holidaySchedule', 'add', 'holidays[1]', 'Holidays › Holiday 2'],
	['holidaySchedule', 'add', 'holidays[1].date', 'Holidays › Holiday 2 › Date'],
	['holidaySchedule', 'add', 'holidays[1].startTime', 'Holidays › Holiday 2 › Start Time'],
	['holidaySchedule', 'add', 'holidays[1].endTime', 'Holidays › Holiday 2 › End Time'],
	['holidaySchedule', 'add', 'holidaysJson', 'Holidays (JSON)'],
	['holidaySchedule', 'add', 'holidaysJson[3]', 'Holidays (JSON) › entry 4'],
	['holidaySchedule', 'add', 'holidaysJson[3].startTime', 'Holidays (JSON) › entry 4 › startTime'],
	['holidaySchedule', 'replace', 'holidays[0].date', 'Holidays › Holiday 1 › Date'],
	['holidaySchedule', 'remove', 'dates', 'Dates'],
	['holidaySchedule', 'remove', 'dates[0]', 'Dates › entry 1'],
	['holidaySchedule', 'add', 'phoneNumberId', 'Phone Number ID'],
	['holidaySchedule', 'sync', 'calendarSource', 'Calendar Source'],
	['holidaySchedule', 'sync', 'countryCode', 'Country Name or ID'],
	['holidaySchedule', 'sync', 'subdivisionCode', 'Subdivision Code'],
	['holidaySchedule', 'sync', 'calendarUrl', 'Calendar URL'],
	['holidaySchedule', 'sync', 'calendarJson', 'Calendar JSON'],
	['holidaySchedule', 'sync', 'calendarJson[1].date', 'Calendar JSON › entry 2 › date'],
	['holidaySchedule', 'sync', 'syncMode', 'Sync Mode'],
	['holidaySchedule', 'sync', 'options.lookAheadDays', 'Options › Look-Ahead Days'],
	['holidaySchedule', 'sync', 'options.holidayTypes', 'Options › Holiday Types'],
	['holidaySchedule', 'sync', 'options.publicHolidaysBaseUrl', 'Options › Public Holidays Base URL'],
	['phoneNumber', 'getAll', 'wabaId', 'WhatsApp Business Account ID'],
	['phoneNumber', 'getAll', 'limit', 'Limit'],
	['message', 'sendCallButton', 'recipient', 'Recipient'],
	['message', 'sendCallButton', 'bodyText', 'Body Text'],
	['message', 'sendCallButton', 'options.displayText', 'Options › Button Text'],
	['message', 'sendCallButton', 'options.buttonLifetime', 'Options › Button Active For'],
	['message', 'sendCallButton', 'options.payload', 'Options › Tracking Payload'],
	['message', 'sendCallPermissionRequest', 'recipient', 'Recipient'],
	['message', 'sendCallPermissionRequest', 'bodyText', 'Body Text'],
	['callPermission', 'get', 'recipient', 'Recipient'],
	['availability', 'check', 'at', 'At'],
	['availability', 'check', 'options.concurrency', 'Options › Concurrency'],
	['availability', 'check', 'options.maxWaitSeconds', 'Options › Max Wait (Seconds)'],
	['availability', 'check', 'calendarUrl', 'Calendar URL'],
	['availability', 'check', 'countryCode', 'Country Name or ID'],
];

const MESSENGER: Case[] = [
	['callSettings', 'get', 'pageId', 'Page ID'],
	['callSettings', 'get', 'fields', 'Fields'],
	['callSettings', 'setCallHours', 'timezoneId', 'Timezone'],
	['callSettings', 'setCallHours', 'weeklyHours', 'Weekly Hours'],
	['callSettings', 'setCallHours', 'weeklyHours[6].openTime', 'Weekly Hours › Opening Window 7 › Open Time'],
	['callSettings', 'setIconVisibility', 'iconEnabled', 'Icon Enabled'],
	['callSettings', 'setCallRouting', 'ringTarget', 'Ring Target'],
	['callSettings', 'setCallingEnabled', 'audioEnabled', 'Audio Calls'],
	['callSettings', 'setCallingEnabled', 'videoEnabled', 'Video Calls'],
	['callSettings', 'closeCalling', 'closeMode', 'Close Mode'],
	['callSettings', 'syncClosure', 'calendarSource', 'Calendar Source'],
	['callSettings', 'syncClosure', 'countryCode', 'Country Name or ID'],
	['callSettings', 'syncClosure', 'calendarUrl', 'Calendar URL'],
	['callSettings', 'syncClosure', 'openState', 'Open State'],
	['callSettings', 'syncClosure', 'ringTarget', 'Ring Target'],
	['callSettings', 'syncClosure', 'timezoneId', 'Timezone'],
	['callSettings', 'closeCalling', 'keptSnapshot', 'Kept Snapshot'],
	['callSettings', 'closeCalling', 'keptSnapshot.pageId', 'Kept Snapshot › pageId'],
	['callSettings', 'restoreCalling', 'snapshot', 'Snapshot'],
	['callSettings', 'restoreCalling', 'snapshot.pageId', 'Snapshot › pageId'],
	['callSettings', 'restoreCalling', 'snapshot.settings', 'Snapshot › settings'],
	['callSettings', 'restoreCalling', 'snapshot.settings.call_routing.ring_target', 'Snapshot › settings › call_routing › ring_target'],
	['callSettings', 'restoreCalling', 'snapshot.settings.icon_enabled', 'Snapshot › settings › icon_enabled'],
	['callSettings', 'restoreCalling', 'snapshot.settings.audio_enabled', 'Snapshot › settings › audio_enabled'],
	['callSettings', 'restoreCalling', 'snapshot.settings.video_enabled', 'Snapshot › settings › video_enabled'],
	['callSettings', 'restoreCalling', 'snapshot.settings.call_hours', 'Snapshot › settings › call_hours'],
	['callSettings', 'restoreCalling', 'snapshot.settings.call_hours.timezone_id', 'Snapshot › settings › call_hours › timezone_id'],
	[
		'callSettings',
		'restoreCalling',
		'snapshot.settings.call_hours.weekly_operating_hours[0].openTime',
		'Snapshot › settings › call_hours › weekly_operating_hours › entry 1 › openTime',
	],
	['message', 'sendCallPrompt', 'recipientId', 'Recipient ID'],
	['message', 'sendCallPrompt', 'ttlDays', 'Button Active (Days)'],
	['availability', 'check', 'at', 'At'],
	['availability', 'check', 'calendarUrl', 'Calendar URL'],
	['availability', 'check', 'countryCode', 'Country Name or ID'],
];

describe.each([
	['WhatsApp Calling', whatsAppProperties, WHATSAPP],
	['Messenger Calling', messengerProperties, MESSENGER],
] as Array<[string, INodeProperties[], Case[]]>)('%s: every input error path in the words on screen', (_node, properties, cases) => {
	it.each(cases)('%s → %s: %s', (resource, operation, path, label) => {
		const found = fieldLabel(properties, path, { resource, operation });
		expect(found).toMatchObject({ label, complete: true });
	});
});

describe('fieldLabel', () => {
	it('keeps a path it cannot find as the code wrote it', () => {
		expect(fieldLabel([], 'holidays[1].date')).toEqual({ label: 'holidays[1].date', complete: false });
		expect(fieldLabel(whatsAppProperties, 'nothing.here[0]').label).toBe('nothing.here[0]');
	});

	it('rewrites other entries a rule names, but not the plain word', () => {
		const shown = { resource: 'holidaySchedule', operation: 'add' };
		expect(labelPathsIn('one entry per date; 2099-01-01 is also in holidays[0]; at most 20 holidays', whatsAppProperties, 'holidays', shown)).toBe(
			'one entry per date; 2099-01-01 is also in Holidays › Holiday 1; at most 20 holidays',
		);
	});

	it('says how to fix it: the hint, else the parameter description', () => {
		const shown = { resource: 'callingSettings', operation: 'setCallHours' };
		const words = inputErrorInWords(whatsAppProperties, { field: 'weeklyHours[2].openTime', rule: 'must be a time as hhmm, e.g. 0930' }, shown);
		expect(words.message).toBe('Weekly Hours › Opening Window 3 › Open Time: must be a time as hhmm, e.g. 0930');
		expect(words.description).toBe('Weekly Hours › Opening Window 3 › Open Time: Opening time as hhmm (24-hour clock), e.g. 0930');
		const hinted = inputErrorInWords(whatsAppProperties, { field: 'timezoneId', rule: 'x', hint: 'Pick one from the list.' }, shown);
		expect(hinted.description).toBe('Pick one from the list.');
	});
});

// Fields that never come from a parameter: the code's own clock and Meta's stored data.
const NOT_PARAMETERS = new Set(['now', 'callHours']);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
	});
}

describe('the table covers every throw site', () => {
	const covered = new Set([...WHATSAPP, ...MESSENGER].map(([, , path]) => path.match(/^[A-Za-z]\w*/)![0]));
	const literalFields = sourceFiles(join(__dirname, '../../../nodes')).flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(/new InputError\(\s*['`]([A-Za-z]\w*)/g)].map((match) => match[1]),
	);

	it('finds the throw sites', () => {
		expect(literalFields.length).toBeGreaterThan(10);
	});

	it.each([...new Set(literalFields)].filter((field) => !NOT_PARAMETERS.has(field)))('%s', (field) => {
		expect(covered).toContain(field);
	});
});
