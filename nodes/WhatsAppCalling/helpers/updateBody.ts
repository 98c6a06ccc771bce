import type { IDataObject } from 'n8n-workflow';

import { InputError, isRecord, parseCommaList, parseCountryCodes } from '../../shared/validation';

/**
 * Turns the node's `updateFields` collection into Meta's `calling` object. Only the fields the user added
 * are sent: Meta keeps every setting that the body leaves out (except inside call_hours, which this
 * operation never touches).
 */

export const DEFAULT_SIP_PORT = 5061;

const ENUM_FIELDS: Record<string, { wire: string; values: readonly string[] }> = {
	status: { wire: 'status', values: ['ENABLED', 'DISABLED'] },
	callIconVisibility: { wire: 'call_icon_visibility', values: ['DEFAULT', 'DISABLE_ALL'] },
	callbackPermissionStatus: { wire: 'callback_permission_status', values: ['ENABLED', 'DISABLED'] },
	srtpKeyExchangeProtocol: { wire: 'srtp_key_exchange_protocol', values: ['DTLS', 'SDES'] },
};

const SIP_STATUS_VALUES = ['ENABLED', 'DISABLED'] as const;

function enumValue(value: unknown, field: string, allowed: readonly string[]): string {
	const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!allowed.includes(upper)) throw new InputError(field, `must be one of ${allowed.join(', ')}`);
	return upper;
}

// A DNS name (labels of letters, digits and inner hyphens) or an IPv4 address; no scheme, port or path.
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export function validateSipHostname(value: unknown, field: string): string {
	const host = typeof value === 'string' ? value.trim() : '';
	if (!HOSTNAME.test(host)) {
		throw new InputError(field, 'must be a host name like sip.example.com (no scheme, port or path)');
	}
	return host.toLowerCase();
}

export function validateSipPort(value: unknown, field: string): number {
	if (value === undefined || value === null || value === '') return DEFAULT_SIP_PORT;
	const port = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new InputError(field, 'must be a whole number from 1 to 65535');
	}
	return port;
}

/** "tgrp=trunk1, trunk-context=example.com" (or an object from an expression) -> { tgrp: "trunk1", ... }. */
export function parseUriUserParams(value: unknown, field: string): Record<string, string> {
	if (value === undefined || value === null || value === '') return {};
	if (isRecord(value)) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
	}
	if (typeof value !== 'string') throw new InputError(field, 'must be key=value pairs separated by commas');
	const params: Record<string, string> = {};
	for (const pair of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
		const eq = pair.indexOf('=');
		const key = eq > 0 ? pair.slice(0, eq).trim() : '';
		if (key === '' || /\s/.test(key)) {
			throw new InputError(field, `must be key=value pairs separated by commas; "${pair}" has no key`);
		}
		params[key] = pair.slice(eq + 1).trim();
	}
	return params;
}

/** The fixedCollection `{"server": {hostname, port, requestUriUserParams}}`; no server deletes the stored one. */
export function sipServersFromParameter(value: unknown, field = 'sipServers'): IDataObject[] {
	// One server per app, so the field holds a single entry ({server: {...}}); a list is read too.
	const entry = isRecord(value) ? value.server : value;
	const list = isRecord(entry) ? [entry] : entry;
	if (list === undefined || list === null) return [];
	if (!Array.isArray(list)) throw new InputError(field, 'must be a list of servers');
	if (list.length > 1) throw new InputError(field, `at most one server (Meta allows one per app); got ${list.length}`);
	return list.map((server, index) => {
		const at = `${field}[${index}]`;
		if (!isRecord(server)) throw new InputError(at, 'must be an object with hostname and port');
		const out: IDataObject = {
			hostname: validateSipHostname(server.hostname, `${at}.hostname`),
			port: validateSipPort(server.port, `${at}.port`),
		};
		const params = parseUriUserParams(server.requestUriUserParams, `${at}.requestUriUserParams`);
		if (Object.keys(params).length > 0) out.request_uri_user_params = params;
		return out;
	});
}

function sipFrom(updateFields: Record<string, unknown>): IDataObject | undefined {
	const hasStatus = updateFields.sipStatus !== undefined;
	const hasServers = updateFields.sipServers !== undefined;
	if (!hasStatus && !hasServers) return undefined;
	const sip: IDataObject = {};
	if (hasStatus) sip.status = enumValue(updateFields.sipStatus, 'updateFields.sipStatus', SIP_STATUS_VALUES);
	if (hasServers) sip.servers = sipServersFromParameter(updateFields.sipServers, 'updateFields.sipServers');
	return sip;
}

/**
 * `audio.additional_codecs`: codecs offered besides Meta's default (e.g. PCMA, PCMU for SIP trunks that need
 * G.711). Names as Meta spells them, uppercased, deduplicated; an empty value sends [] (no extra codecs).
 */
export function audioCodecsFromParameter(value: unknown, field: string): string[] {
	const codecs: string[] = [];
	parseCommaList(value, field).forEach((part, index) => {
		const codec = part.toUpperCase();
		if (!/^[A-Z0-9]+$/.test(codec)) {
			throw new InputError(`${field}[${index}]`, `must be a codec name such as PCMA or PCMU (got "${part}")`);
		}
		if (!codecs.includes(codec)) codecs.push(codec);
	});
	return codecs;
}

/** Builds the `calling` body from the fields given; throws InputError for a bad value or when none is given. */
export function callingUpdateFromFields(updateFields: unknown): IDataObject {
	const fields = isRecord(updateFields) ? updateFields : {};
	const calling: IDataObject = {};
	for (const [name, { wire, values }] of Object.entries(ENUM_FIELDS)) {
		if (fields[name] !== undefined) calling[wire] = enumValue(fields[name], `updateFields.${name}`, values);
	}
	if (fields.restrictToUserCountries !== undefined) {
		calling.call_icons = {
			restrict_to_user_countries: parseCountryCodes(
				fields.restrictToUserCountries,
				'updateFields.restrictToUserCountries',
			),
		};
	}
	const sip = sipFrom(fields);
	if (sip) calling.sip = sip;
	if (fields.audioAdditionalCodecs !== undefined) {
		calling.audio = {
			additional_codecs: audioCodecsFromParameter(fields.audioAdditionalCodecs, 'updateFields.audioAdditionalCodecs'),
		};
	}
	if (Object.keys(calling).length === 0) {
		throw new InputError('updateFields', 'add at least one field to update');
	}
	return calling;
}
