/** The calendar core: sources of closures (public holidays, iCalendar, JSON), pure apart from source.ts and fetch.ts. */
// Everything each module exports (`export *` keeps the compiled barrel small: the tarball has a size budget).
export * from './types';
export * from './ical';
export * from './rrule';
export * from './closures';
export * from './days';
export * from './jsonSource';
export * from './publicHolidays';
export * from './state';
export * from './source';
export * from './fetch';
export * from './countries';
export * from './availability';
export * from './checkOption';
