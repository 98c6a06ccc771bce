/** The calendar core: sources of closures (public holidays, iCalendar, JSON), pure apart from source.ts and fetch.ts. */
export * from './types';
export { parseCalendar } from './ical';
export { expandRule } from './rrule';
export { eventClosures, type Window } from './closures';
export { closureDays, wholeDays } from './days';
export { closuresFromJson } from './jsonSource';
export { HOLIDAY_TYPES, publicHolidaysFromAnswer, parseHolidayTypes, parseSubdivisionCode } from './publicHolidays';
export { closureStateAt, joinClosures, type ClosureState } from './state';
export {
	CALENDAR_SOURCES,
	DEFAULT_PUBLIC_HOLIDAYS_BASE_URL,
	readCalendarSource,
	loadClosures,
	prepareSource,
	type PreparedSource,
	type CalendarSource,
	type LoadedClosures,
} from './source';
export { fetchCalendarText, FETCH_TIMEOUT_MS, MAX_CALENDAR_BYTES } from './fetch';
export { getPublicHolidayCountries } from './countries';
export { checkAvailabilityWithCalendar, type CalendarAvailability } from './availability';
export { availabilityAnswer, readCheckCalendar } from './checkOption';
