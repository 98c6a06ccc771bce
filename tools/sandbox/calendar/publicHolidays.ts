/**
 * A Nager.Date-compatible data set: the public holidays of a few countries, computed by their rules (fixed
 * dates, and Easter-based ones from the Gregorian computus), so the dates are real for any year. Only the
 * fields this package reads are filled faithfully; the shape is the service's.
 */

export interface NagerHoliday {
	date: string;
	localName: string;
	name: string;
	countryCode: string;
	fixed: boolean;
	global: boolean;
	counties: string[] | null;
	launchYear: number | null;
	types: string[];
}

export const AVAILABLE_COUNTRIES = [
	{ countryCode: 'AT', name: 'Austria' },
	{ countryCode: 'DE', name: 'Germany' },
	{ countryCode: 'FR', name: 'France' },
	{ countryCode: 'US', name: 'United States' },
];

/** Easter Sunday (anonymous Gregorian algorithm), as a UTC date. */
export function easterSunday(year: number): Date {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return new Date(Date.UTC(year, month - 1, day));
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const fixedDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** The n-th (1-based; -1 = last) weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
	if (n > 0) {
		const first = fixedDate(year, month, 1);
		return plusDays(first, ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7);
	}
	const last = fixedDate(year, month + 1, 0);
	return plusDays(last, -((last.getUTCDay() - weekday + 7) % 7));
}

type Rule = [date: Date, localName: string, name: string, counties?: string[], types?: string[]];

function rulesFor(countryCode: string, year: number): Rule[] {
	const easter = easterSunday(year);
	switch (countryCode) {
		case 'DE':
			return [
				[fixedDate(year, 1, 1), 'Neujahr', "New Year's Day"],
				[fixedDate(year, 1, 6), 'Heilige Drei Könige', 'Epiphany', ['DE-BW', 'DE-BY', 'DE-ST']],
				[fixedDate(year, 3, 8), 'Internationaler Frauentag', "International Women's Day", ['DE-BE', 'DE-MV']],
				[plusDays(easter, -2), 'Karfreitag', 'Good Friday'],
				[easter, 'Ostersonntag', 'Easter Sunday', ['DE-BB']],
				[plusDays(easter, 1), 'Ostermontag', 'Easter Monday'],
				[fixedDate(year, 5, 1), 'Tag der Arbeit', 'Labour Day'],
				[plusDays(easter, 39), 'Christi Himmelfahrt', 'Ascension Day'],
				[plusDays(easter, 50), 'Pfingstmontag', 'Whit Monday'],
				[plusDays(easter, 60), 'Fronleichnam', 'Corpus Christi', ['DE-BW', 'DE-BY', 'DE-HE', 'DE-NW', 'DE-RP', 'DE-SL']],
				[fixedDate(year, 8, 15), 'Mariä Himmelfahrt', 'Assumption Day', ['DE-SL']],
				[fixedDate(year, 10, 3), 'Tag der Deutschen Einheit', 'German Unity Day'],
				[fixedDate(year, 10, 31), 'Reformationstag', 'Reformation Day', ['DE-BB', 'DE-HB', 'DE-HH', 'DE-MV', 'DE-NI', 'DE-SN', 'DE-SH', 'DE-ST', 'DE-TH']],
				[fixedDate(year, 11, 1), 'Allerheiligen', "All Saints' Day", ['DE-BW', 'DE-BY', 'DE-NW', 'DE-RP', 'DE-SL']],
				[fixedDate(year, 12, 25), 'Erster Weihnachtstag', 'Christmas Day'],
				[fixedDate(year, 12, 26), 'Zweiter Weihnachtstag', "St. Stephen's Day"],
			];
		case 'AT':
			return [
				[fixedDate(year, 1, 1), 'Neujahr', "New Year's Day"],
				[fixedDate(year, 1, 6), 'Heilige Drei Könige', 'Epiphany'],
				[plusDays(easter, 1), 'Ostermontag', 'Easter Monday'],
				[fixedDate(year, 5, 1), 'Staatsfeiertag', 'National Holiday'],
				[plusDays(easter, 39), 'Christi Himmelfahrt', 'Ascension Day'],
				[plusDays(easter, 50), 'Pfingstmontag', 'Whit Monday'],
				[plusDays(easter, 60), 'Fronleichnam', 'Corpus Christi'],
				[fixedDate(year, 8, 15), 'Maria Himmelfahrt', 'Assumption Day'],
				[fixedDate(year, 10, 26), 'Nationalfeiertag', 'National Day'],
				[fixedDate(year, 11, 1), 'Allerheiligen', "All Saints' Day"],
				[fixedDate(year, 12, 8), 'Mariä Empfängnis', 'Immaculate Conception'],
				[fixedDate(year, 12, 24), 'Heiliger Abend', 'Christmas Eve', undefined, ['Bank']],
				[fixedDate(year, 12, 25), 'Christtag', 'Christmas Day'],
				[fixedDate(year, 12, 26), 'Stefanitag', "St. Stephen's Day"],
			];
		case 'FR':
			return [
				[fixedDate(year, 1, 1), "Jour de l'an", "New Year's Day"],
				[plusDays(easter, 1), 'Lundi de Pâques', 'Easter Monday'],
				[fixedDate(year, 5, 1), 'Fête du Travail', 'Labour Day'],
				[fixedDate(year, 5, 8), 'Victoire 1945', 'Victory in Europe Day'],
				[plusDays(easter, 39), 'Ascension', 'Ascension Day'],
				[plusDays(easter, 50), 'Lundi de Pentecôte', 'Whit Monday'],
				[fixedDate(year, 7, 14), 'Fête nationale', 'Bastille Day'],
				[fixedDate(year, 8, 15), 'Assomption', 'Assumption Day'],
				[fixedDate(year, 11, 1), 'Toussaint', "All Saints' Day"],
				[fixedDate(year, 11, 11), 'Armistice 1918', 'Armistice Day'],
				[fixedDate(year, 12, 25), 'Noël', 'Christmas Day'],
			];
		case 'US':
			return [
				[fixedDate(year, 1, 1), "New Year's Day", "New Year's Day"],
				[nthWeekday(year, 1, 1, 3), 'Martin Luther King, Jr. Day', 'Martin Luther King, Jr. Day'],
				[nthWeekday(year, 2, 1, 3), "Presidents' Day", "Washington's Birthday"],
				[nthWeekday(year, 5, 1, -1), 'Memorial Day', 'Memorial Day'],
				[fixedDate(year, 6, 19), 'Juneteenth National Independence Day', 'Juneteenth National Independence Day'],
				[fixedDate(year, 7, 4), 'Independence Day', 'Independence Day'],
				[nthWeekday(year, 9, 1, 1), 'Labor Day', 'Labour Day'],
				[nthWeekday(year, 10, 1, 2), 'Columbus Day', 'Columbus Day', undefined, ['Public', 'Observance']],
				[fixedDate(year, 11, 11), 'Veterans Day', 'Veterans Day'],
				[nthWeekday(year, 11, 4, 4), 'Thanksgiving Day', 'Thanksgiving Day'],
				[fixedDate(year, 12, 25), 'Christmas Day', 'Christmas Day'],
			];
		default:
			return [];
	}
}

/** One year's holidays of a country, sorted by date, or undefined for a country the data set lacks. */
export function publicHolidays(year: number, countryCode: string): NagerHoliday[] | undefined {
	if (!AVAILABLE_COUNTRIES.some((c) => c.countryCode === countryCode)) return undefined;
	return rulesFor(countryCode, year)
		.map(([date, localName, name, counties, types]) => ({
			date: iso(date),
			localName,
			name,
			countryCode,
			fixed: false,
			global: counties === undefined,
			counties: counties ?? null,
			launchYear: null,
			types: types ?? ['Public'],
		}))
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
