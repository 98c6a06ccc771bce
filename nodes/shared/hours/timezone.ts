import { DateTime, IANAZone } from 'luxon';
import { InputError } from '../validation';
import type { BusinessClock } from './types';

export const TIMEZONE_RULE = 'must be an IANA timezone name, e.g. Europe/Berlin or America/Los_Angeles';

let knownSpellings: Map<string, string> | undefined;
// Asking Intl whether a zone exists costs a formatter each time; the answer never changes. Only names
// that exist are kept, so the map stays as small as the timezone database.
const validNames = new Map<string, string>();

/** "europe/berlin" -> "Europe/Berlin", so a name typed in the wrong case still reaches Meta as Meta spells it. */
function properCase(name: string): string {
	knownSpellings ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
	return knownSpellings.get(name.toLowerCase()) ?? name;
}

/**
 * Checks an IANA timezone name with luxon and returns it trimmed, case fixed. Aliases such as Asia/Kolkata
 * are kept as given (ICU would rename it to Asia/Calcutta, which surprises people).
 */
export function validateTimezone(timezoneId: unknown, field = 'timezoneId'): string {
	if (typeof timezoneId !== 'string' || timezoneId.trim() === '') {
		throw new InputError(field, `is required; ${TIMEZONE_RULE}`);
	}
	const name = timezoneId.trim();
	const known = validNames.get(name);
	if (known !== undefined) return known;
	if (!IANAZone.isValidZone(name)) throw new InputError(field, `${TIMEZONE_RULE} (got "${name}")`);
	validNames.set(name, properCase(name));
	return properCase(name);
}

/** Today's date ("YYYY-MM-DD") in the business timezone: holiday dates are judged there, not in UTC. */
export function todayIn(clock: BusinessClock): string {
	const zone = validateTimezone(clock.timezoneId);
	const today = DateTime.fromJSDate(clock.now, { zone });
	if (!today.isValid) throw new InputError('now', 'must be a valid date-time');
	return today.toISODate() as string;
}
