import { DateTime, IANAZone } from 'luxon';
import { InputError } from '../validation';
import { CURRENT_IANA_NAMES } from './timezoneList';
import type { BusinessClock } from './types';

const TIMEZONE_RULE = 'must be an IANA timezone name, e.g. Europe/Berlin or America/Los_Angeles';

let knownSpellings: Map<string, string> | undefined;
// Asking Intl whether a zone exists costs a formatter each time; the answer never changes. Only names
// that exist are kept, so the map stays as small as the timezone database.
const validNames = new Map<string, string>();

/**
 * The zone's name as the IANA database spells it, which is how Meta's documentation and the Timezone list
 * write it: "europe/berlin" -> "Europe/Berlin", "utc" -> "UTC". A name the runtime does not list in any case
 * (an alias such as "us/eastern" or "etc/utc") becomes the zone it stands for ("America/New_York", "UTC"):
 * the same clock, under a spelling Meta surely reads, rather than a refusal of a workflow that worked.
 */
function canonicalSpelling(name: string): string {
	knownSpellings ??= new Map(
		[...Intl.supportedValuesOf('timeZone'), ...Object.values(CURRENT_IANA_NAMES)].map((zone) => [zone.toLowerCase(), zone]),
	);
	const known = knownSpellings.get(name.toLowerCase());
	if (known !== undefined) return known;
	const zone = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
	return CURRENT_IANA_NAMES[zone] ?? zone;
}

/**
 * Checks an IANA timezone name with luxon and returns it trimmed, spelled as the IANA database does (never
 * as typed in the wrong case). Current names such as Asia/Kolkata are kept (ICU would rename it to
 * Asia/Calcutta, which surprises people).
 */
export function validateTimezone(timezoneId: unknown, field = 'timezoneId'): string {
	if (typeof timezoneId !== 'string' || timezoneId.trim() === '') {
		throw new InputError(field, `is required; ${TIMEZONE_RULE}`);
	}
	const name = timezoneId.trim();
	const known = validNames.get(name);
	if (known !== undefined) return known;
	// Every IANA name starts with a letter; newer runtimes (Node 24, not 20) also take offsets such as "+02:00",
	// which are no zone names.
	if (!/^[a-z]/i.test(name) || !IANAZone.isValidZone(name)) throw new InputError(field, `${TIMEZONE_RULE} (got "${name}")`);
	const spelling = canonicalSpelling(name);
	validNames.set(name, spelling);
	return spelling;
}

/** Today's date ("YYYY-MM-DD") in the business timezone: holiday dates are judged there, not in UTC. */
export function todayIn(clock: BusinessClock): string {
	const zone = validateTimezone(clock.timezoneId);
	const today = DateTime.fromJSDate(clock.now, { zone });
	if (!today.isValid) throw new InputError('now', 'must be a valid date-time');
	return today.toISODate() as string;
}
