/**
 * The one error type for input that breaks a rule. Pure functions throw it; the item loop turns it into a
 * NodeOperationError for that item before any request leaves. `field` is the parameter path the code read
 * (`weeklyHours[2].openTime`); the item loop shows it in the labels on screen ("Weekly Hours › Opening
 * Window 3 › Open Time", descriptions/fieldLabel.ts). `hint` says how to fix it when the parameter's own
 * description does not.
 */
export class InputError extends Error {
	readonly field: string;
	readonly rule: string;
	readonly hint?: string;

	constructor(field: string, rule: string, hint?: string) {
		super(`${field}: ${rule}`);
		this.name = 'InputError';
		this.field = field;
		this.rule = rule;
		this.hint = hint;
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for undefined, null, '' and whitespace: parameters the user left empty. */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Parses JSON text from a parameter; undefined when it is not JSON (the caller names the field and rule). */
export function tryParseJson(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch {
		return undefined;
	}
}

/**
 * "a, b,,c" -> ["a", "b", "c"]. An expression may hand over an array instead of text, so arrays of strings
 * (or numbers) are accepted too. Empty parts are dropped; the order is kept.
 */
export function parseCommaList(value: unknown, field: string): string[] {
	if (isBlank(value)) return [];
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
	if (parts === undefined) throw new InputError(field, 'must be a comma-separated list');
	return parts.map((part, index) => {
		if (typeof part === 'number' && Number.isFinite(part)) return String(part);
		if (typeof part !== 'string') throw new InputError(`${field}[${index}]`, 'must be text');
		return part.trim();
	}).filter((part) => part !== '');
}

// ISO 3166-1 alpha-2 as of 2025, plus XK (Kosovo, user-assigned but used by phone numbering and by Meta).
const COUNTRY_CODES = new Set(
	(
		'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
		'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
		'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
		'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
		'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
		'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
		'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
		'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
	).split(' '),
);

const COUNTRY_CODE_RULE = 'must be an ISO 3166-1 alpha-2 country code, e.g. US or BR';

/**
 * Two ASCII letters that name a country, uppercased; undefined otherwise. Checked before uppercasing:
 * Unicode uppercasing turns other letters into ASCII ones ("ß" -> "SS", "ı" -> "I").
 */
function countryCodeOf(text: string): string | undefined {
	const code = text.toUpperCase();
	return /^[a-z]{2}$/i.test(text) && COUNTRY_CODES.has(code) ? code : undefined;
}

/** One ISO country code, uppercased (a single-choice parameter: no list, so the error names the field itself). */
export function parseCountryCode(value: unknown, field: string): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	const code = countryCodeOf(text);
	if (code === undefined) throw new InputError(field, `${COUNTRY_CODE_RULE} (got "${text}")`);
	return code;
}

/** ISO country codes, uppercased and deduplicated; an empty value gives [] (Meta: no restriction). */
export function parseCountryCodes(value: unknown, field: string): string[] {
	const codes: string[] = [];
	parseCommaList(value, field).forEach((part, index) => {
		const code = countryCodeOf(part);
		if (code === undefined) {
			throw new InputError(`${field}[${index}]`, `${COUNTRY_CODE_RULE} (got "${part}")`);
		}
		if (!codes.includes(code)) codes.push(code);
	});
	return codes;
}

/**
 * A whole number from min to max: a safe integer, or decimal digits as text (an expression's result).
 * Text such as "1e3", "0x10" or "12.0" is refused: Number() would read it as a number the user never
 * typed, and past 2^53 it no longer counts exactly.
 */
export function parseWholeNumber(value: unknown, field: string, min: number, max: number, rule: string): number {
	const text = typeof value === 'string' ? value.trim() : undefined;
	const number = text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : value;
	if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < min || number > max) {
		throw new InputError(field, `${rule} (got ${JSON.stringify(value) ?? 'nothing'})`);
	}
	return number;
}

/**
 * A Graph object ID (phone number ID, Page ID): digits only. Expressions may hand over a number; anything
 * else is refused before a request could go to a wrong or malformed URL.
 */
export function parseObjectId(value: unknown, field: string, rule: string): string {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof text !== 'string' || !/^\d+$/.test(text.trim())) {
		throw new InputError(field, `${rule} (got ${JSON.stringify(value ?? '')})`);
	}
	return text.trim();
}
