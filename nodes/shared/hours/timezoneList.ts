import { DateTime } from 'luxon';

export interface TimezoneOption {
	name: string;
	value: string;
	description: string;
}

/**
 * ICU (and so Intl.supportedValuesOf) still lists some zones under their old names. The list offers the
 * current IANA name instead, the one people search for and Meta's documentation uses; luxon knows both.
 */
export const CURRENT_IANA_NAMES: Record<string, string> = {
	'Africa/Asmera': 'Africa/Asmara',
	'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
	'America/Catamarca': 'America/Argentina/Catamarca',
	'America/Coral_Harbour': 'America/Atikokan',
	'America/Cordoba': 'America/Argentina/Cordoba',
	'America/Godthab': 'America/Nuuk',
	'America/Indianapolis': 'America/Indiana/Indianapolis',
	'America/Jujuy': 'America/Argentina/Jujuy',
	'America/Louisville': 'America/Kentucky/Louisville',
	'America/Mendoza': 'America/Argentina/Mendoza',
	'Asia/Calcutta': 'Asia/Kolkata',
	'Asia/Katmandu': 'Asia/Kathmandu',
	'Asia/Rangoon': 'Asia/Yangon',
	'Asia/Saigon': 'Asia/Ho_Chi_Minh',
	'Atlantic/Faeroe': 'Atlantic/Faroe',
	'Europe/Kiev': 'Europe/Kyiv',
	'Pacific/Enderbury': 'Pacific/Kanton',
	'Pacific/Ponape': 'Pacific/Pohnpei',
	'Pacific/Truk': 'Pacific/Chuuk',
};

/** Every IANA zone the runtime knows (UTC first), each with its offset at `now`, e.g. "UTC-08:00 now (PST)". */
export function timezoneOptions(now: Date): TimezoneOption[] {
	const known = Intl.supportedValuesOf('timeZone').map((zone) => CURRENT_IANA_NAMES[zone] ?? zone);
	const zones = ['UTC', ...[...new Set(known)].filter((zone) => zone !== 'UTC').sort()];
	const at = DateTime.fromJSDate(now);
	return zones.map((zone) => {
		const local = at.setZone(zone);
		if (!local.isValid) return { name: zone, value: zone, description: 'offset unknown' };
		const abbreviation = local.toFormat('ZZZZ');
		// Only a real name (PST, CET); ICU's "GMT+1" would repeat the offset.
		const named = /^[A-Z]{2,5}$/.test(abbreviation) && abbreviation !== 'UTC' && abbreviation !== 'GMT' ? ` (${abbreviation})` : '';
		return { name: zone, value: zone, description: `${local.toFormat("'UTC'ZZ")} now${named}` };
	});
}
