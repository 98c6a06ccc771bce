/** The hours core both action nodes share: parse, validate, merge, convert to Meta's JSON, availability. */
export * from './types';
export { HHMM_RULE, DATE_RULE, hhmmToMinutes, minutesToHhmm, normalizeHhmm, isIsoDate } from './time';
export { validateTimezone, todayIn } from './timezone';
export {
	weeklyHoursFromParameter,
	validateWeeklyHours,
	closedDays,
	type WeeklyHoursRules,
} from './weeklyHours';
export {
	MAX_HOLIDAYS,
	holidaysFromParameter,
	holidaysFromJson,
	validateHolidays,
	futureHolidays,
	mergeHolidays,
	removeHolidays,
	replaceHolidays,
	type HolidayRules,
	type MergeResult,
	type RemoveResult,
	type ReplaceResult,
} from './holidays';
export {
	weeklyHoursFromWire,
	holidaysFromWire,
	callHoursFromWire,
	callHoursToWire,
	messengerCallHoursToWire,
} from './wire';
export {
	checkAvailability,
	AVAILABILITY_HORIZON_DAYS,
	type Availability,
	type AvailabilityInput,
	type AvailabilityReason,
} from './availability';
export { callHoursChange, holdsCallHoursChange, applyCallHoursChange, type CallHoursChange } from './change';
export { InputError } from '../validation';
export { parseCheckTime } from './checkTime';
