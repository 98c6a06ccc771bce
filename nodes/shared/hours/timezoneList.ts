import { DateTime } from 'luxon';

export interface TimezoneOption {
	name: string;
	value: string;
	description: string;
}

/** Every IANA zone the runtime knows (UTC first), each with its offset at `now`, e.g. "UTC+01:00 now (CET)". */
export function timezoneOptions(now: Date): TimezoneOption[] {
	const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
	const at = DateTime.fromJSDate(now);
	return zones.map((zone) => {
		const local = at.setZone(zone);
		const offset = local.isValid ? local.toFormat("'UTC'ZZ") : 'offset unknown';
		const abbreviation = local.isValid ? local.toFormat('ZZZZ') : '';
		const named = abbreviation && !/^(GMT|UTC)?[+-]/.test(abbreviation) && abbreviation !== 'UTC' ? ` (${abbreviation})` : '';
		return { name: zone, value: zone, description: `${offset} now${named}` };
	});
}
