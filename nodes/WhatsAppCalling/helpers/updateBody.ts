import type { IDataObject } from 'n8n-workflow';

import { InputError, isRecord, parseCommaList, parseCountryCodes, parseWholeNumber } from '../../shared/validation';

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

// A DNS name (labels of letters, digits and inner hyphens) of two labels or more; no scheme, port or path.
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
// Names that never resolve on the internet (RFC 6761, 6762, 8375 and the private-use .internal).
const LOCAL_NAME = /(^|\.)(localhost|localdomain|local|internal|home\.arpa)$/i;
// IPv4 blocks Meta's servers cannot or must not reach (RFC 6890): this network, private, shared (CGNAT),
// loopback, link-local (cloud metadata at 169.254.169.254), IETF and documentation blocks, benchmarking,
// multicast, reserved and broadcast.
const NON_PUBLIC_IPV4 = '0/8 10/8 100.64/10 127/8 169.254/16 172.16/12 192.0.0/24 192.0.2/24 192.168/16 198.18/15 198.51.100/24 203.0.113/24 224/3'
	.split(' ')
	.map((block) => {
		const [prefix, bits] = block.split('/');
		const octets = prefix.split('.').map(Number);
		return { first: ipv4Number([0, 1, 2, 3].map((i) => octets[i] ?? 0)), size: 2 ** (32 - Number(bits)) };
	});

function ipv4Number(octets: number[]): number {
	return octets.reduce((sum, octet) => sum * 256 + octet, 0);
}

/** "203.0.113.9" -> true when it is four decimal octets (no leading zeros) in a block reachable from the internet. */
function isPublicIpv4(labels: string[]): boolean {
	if (labels.length !== 4 || !labels.every((label) => /^(0|[1-9]\d{0,2})$/.test(label) && Number(label) < 256)) return false;
	const address = ipv4Number(labels.map(Number));
	return !NON_PUBLIC_IPV4.some(({ first, size }) => address >= first && address < first + size);
}

/**
 * Meta's servers connect to this host, so it must be reachable from the internet: a DNS name (not localhost
 * or another local-only name) or a public IPv4 address. A name ending in a number is read as an address
 * only ("999.999.999.999", "127.1" and "0x7f.0.0.1" are refused rather than sent as names).
 */
export function validateSipHostname(value: unknown, field: string): string {
	// Checked before lowercasing: Unicode lowercasing turns some letters into ASCII ones (Kelvin sign -> k).
	const host = typeof value === 'string' ? value.trim() : '';
	const labels = host.split('.');
	const reachable = /^\d+$/.test(labels[labels.length - 1])
		? isPublicIpv4(labels)
		: HOSTNAME.test(host) && !LOCAL_NAME.test(host);
	if (!reachable) {
		throw new InputError(
			field,
			`must be a host name like sip.example.com or a public IPv4 address (no scheme, port or path; not local or private) (got ${JSON.stringify(value ?? '')})`,
		);
	}
	return host.toLowerCase();
}

export function validateSipPort(value: unknown, field: string): number {
	if (value === undefined || value === null || value === '') return DEFAULT_SIP_PORT;
	return parseWholeNumber(value, field, 1, 65535, 'must be a whole number from 1 to 65535');
}

// Meta puts each pair into the SIP request URI's user part as ";name=value": these characters would end or
// reshape it (another parameter, the host part, headers) instead of being part of a name or value.
const URI_PARAM_BREAKERS = /[;@=?\s]/;

function uriParam(name: string, value: string, field: string): [string, string] {
	if (name === '' || URI_PARAM_BREAKERS.test(name) || URI_PARAM_BREAKERS.test(value)) {
		throw new InputError(
			field,
			`must be name=value pairs separated by commas, without ; @ = ? or spaces inside a name or value (got "${name}=${value}")`,
		);
	}
	return [name, value];
}

/** "tgrp=trunk1, trunk-context=example.com" (or an object from an expression) -> { tgrp: "trunk1", ... }. */
export function parseUriUserParams(value: unknown, field: string): Record<string, string> {
	if (value === undefined || value === null || value === '') return {};
	if (isRecord(value)) {
		return Object.fromEntries(Object.entries(value).map(([name, v]) => uriParam(name, String(v), field)));
	}
	if (typeof value !== 'string') throw new InputError(field, 'must be name=value pairs separated by commas');
	const pairs = value.split(',').map((pair) => pair.trim()).filter((pair) => pair !== '');
	return Object.fromEntries(
		pairs.map((pair) => {
			const eq = pair.indexOf('=');
			if (eq < 0) throw new InputError(field, `must be name=value pairs separated by commas; "${pair}" has no =`);
			return uriParam(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim(), field);
		}),
	);
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
function audioCodecsFromParameter(value: unknown, field: string): string[] {
	const codecs: string[] = [];
	parseCommaList(value, field).forEach((part, index) => {
		const codec = part.toUpperCase();
		if (!/^[a-z0-9]+$/i.test(part)) {
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
