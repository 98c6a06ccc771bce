import { InputError, isBlank, isRecord, parseCommaList, parseCountryCode, parseCountryCodes, tryParseJson } from '../../../nodes/shared/validation';
import { parseDateList } from '../../../nodes/shared/hours/time';
import { expectInputError } from './expectInputError';

describe('InputError', () => {
	it('carries field and rule and reads "<field>: <rule>"', () => {
		const error = new InputError('weeklyHours[2].openTime', 'must be a time as hhmm, e.g. 0930');
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('InputError');
		expect(error.field).toBe('weeklyHours[2].openTime');
		expect(error.rule).toBe('must be a time as hhmm, e.g. 0930');
		expect(error.message).toBe('weeklyHours[2].openTime: must be a time as hhmm, e.g. 0930');
	});
});

describe('small helpers', () => {
	it('isRecord accepts plain objects only', () => {
		expect(isRecord({})).toBe(true);
		expect(isRecord([])).toBe(false);
		expect(isRecord(null)).toBe(false);
		expect(isRecord('x')).toBe(false);
	});

	it('isBlank sees empty parameters', () => {
		expect([undefined, null, '', '  '].map(isBlank)).toEqual([true, true, true, true]);
		expect([0, 'a', [], {}].map(isBlank)).toEqual([false, false, false, false]);
	});

	it('tryParseJson parses or answers undefined', () => {
		expect(tryParseJson('[1,2]')).toEqual({ value: [1, 2] });
		expect(tryParseJson('null')).toEqual({ value: null });
		expect(tryParseJson('{oops')).toBeUndefined();
	});
});

describe('parseCommaList', () => {
	it('splits, trims and drops empty parts', () => {
		expect(parseCommaList(' a, b,,c ,', 'f')).toEqual(['a', 'b', 'c']);
	});
	it('gives [] for an empty value', () => {
		expect(parseCommaList('', 'f')).toEqual([]);
		expect(parseCommaList(undefined, 'f')).toEqual([]);
	});
	it('accepts an array of strings and numbers from an expression', () => {
		expect(parseCommaList([' x ', 12, ''], 'f')).toEqual(['x', '12']);
	});
	it('rejects other shapes, naming the field', () => {
		expectInputError(() => parseCommaList({ a: 1 }, 'dates'), 'dates', 'comma-separated list');
		expectInputError(() => parseCommaList(['a', { b: 1 }], 'dates'), 'dates[1]', 'must be text');
		expectInputError(() => parseCommaList([Number.NaN], 'dates'), 'dates[0]', 'must be text');
	});
});

describe('parseCountryCodes', () => {
	it('uppercases and deduplicates ISO codes', () => {
		expect(parseCountryCodes('us, BR, us', 'restrictToUserCountries')).toEqual(['US', 'BR']);
	});
	it('gives [] for empty (no restriction)', () => {
		expect(parseCountryCodes('', 'restrictToUserCountries')).toEqual([]);
	});
	// Issue 19: uppercasing first turned "ß" into "SS" (South Sudan), "ıt" into "IT" and "ſe" into "SE".
	it.each(['USA', 'U', 'ZZ', 'EU', '12', 'U S', 'ß', 'ıt', 'ſe', 'Ａｔ'])('rejects %s naming the position', (code) => {
		expectInputError(
			() => parseCountryCodes(`DE, ${code}`, 'restrictToUserCountries'),
			'restrictToUserCountries[1]',
			'must be an ISO 3166-1 alpha-2 country code',
		);
	});
});

describe('parseCountryCode', () => {
	it('uppercases one ISO code', () => {
		expect(parseCountryCode(' de ', 'countryCode')).toBe('DE');
	});
	it.each(['ß', 'ıt', 'DEU', '', 7])('rejects %p naming the field', (code) => {
		expectInputError(() => parseCountryCode(code, 'countryCode'), 'countryCode', 'must be an ISO 3166-1 alpha-2 country code');
	});
});

describe('parseDateList', () => {
	it('keeps real dates in order, deduplicated', () => {
		expect(parseDateList('2026-12-25, 2026-01-01,2026-12-25', 'dates')).toEqual(['2026-12-25', '2026-01-01']);
	});
	it.each(['2026-02-30', '2026-13-01', '26-12-25', '2026-1-5', 'tomorrow'])('rejects %s', (date) => {
		expectInputError(() => parseDateList(`2026-12-24,${date}`, 'dates'), 'dates[1]', 'must be a date as YYYY-MM-DD');
	});
});
