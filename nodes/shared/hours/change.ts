import { byDate, futureHolidays, MAX_HOLIDAYS } from './holidays';
import { InputError } from '../validation';
import type { CallHours, Holiday, WeeklyHoursEntry } from './types';

/*
 * One item's change of WhatsApp call hours as a difference (what it sets), not as the whole state it wrote.
 * When a concurrent writer's stale write has dropped the change, the difference is applied again to what
 * is stored now, so that writer's own changes stay (shared/execution/accountUpdate.ts). Pure.
 */

export interface CallHoursChange {
	/** Status, timezone and weekly hours this item sets; absent when it leaves them as stored. */
	frame?: Pick<CallHours, 'status' | 'timezoneId' | 'weeklyHours'>;
	/** Holidays this item adds or gives new times. */
	put: Holiday[];
	/** Dates this item removes. */
	drop: string[];
}

const sameHoliday = (a: Holiday, b: Holiday): boolean =>
	a.date === b.date && a.startTime === b.startTime && a.endTime === b.endTime;

function sameWeeklyHours(a: readonly WeeklyHoursEntry[], b: readonly WeeklyHoursEntry[]): boolean {
	const key = (e: WeeklyHoursEntry) => `${e.dayOfWeek} ${e.openTime}-${e.closeTime}`;
	const left = a.map(key).sort();
	const right = b.map(key).sort();
	return left.length === right.length && left.every((entry, i) => entry === right[i]);
}

function sameFrame(a: CallHoursChange['frame'] & object, b: CallHours): boolean {
	return a.status === b.status && a.timezoneId === b.timezoneId && sameWeeklyHours(a.weeklyHours, b.weeklyHours);
}

/** What turned `before` (undefined: no call hours were stored) into `after`. */
export function callHoursChange(before: CallHours | undefined, after: CallHours): CallHoursChange {
	const stored = before?.holidays ?? [];
	const change: CallHoursChange = {
		put: after.holidays.filter((h) => !stored.some((b) => sameHoliday(b, h))),
		drop: stored.map((h) => h.date).filter((date) => !after.holidays.some((a) => a.date === date)),
	};
	const frame = { status: after.status, timezoneId: after.timezoneId, weeklyHours: after.weeklyHours };
	if (!before || !sameFrame(frame, before)) change.frame = frame;
	return change;
}

/** Whether `current` holds the change: its frame, every holiday it put, none of the dates it dropped. */
export function holdsCallHoursChange(current: CallHours | undefined, change: CallHoursChange): boolean {
	if (!current) return false;
	if (change.frame && !sameFrame(change.frame, current)) return false;
	if (!change.put.every((h) => current.holidays.some((c) => sameHoliday(c, h)))) return false;
	return !change.drop.some((date) => current.holidays.some((c) => c.date === date));
}

/**
 * The change applied to `current`: other holidays and fields stay as they are now, past dates go (Meta
 * refuses them). More than 20 holidays afterwards is an InputError, so nothing is written.
 */
export function applyCallHoursChange(
	current: CallHours | undefined,
	change: CallHoursChange,
	now: Date,
	field = 'holidays',
): CallHours {
	const frame = change.frame ?? current;
	if (!frame) throw new InputError('phoneNumberId', 'has no call hours stored any more; set call hours first');
	const touched = new Set([...change.drop, ...change.put.map((h) => h.date)]);
	const kept = (current?.holidays ?? []).filter((h) => !touched.has(h.date));
	const holidays = futureHolidays([...kept, ...change.put], { timezoneId: frame.timezoneId, now }).sort(byDate);
	if (holidays.length > MAX_HOLIDAYS) {
		throw new InputError(
			field,
			`at most ${MAX_HOLIDAYS} holidays; with the ones stored now (another execution added some meanwhile) there would be ${holidays.length}: ${holidays.map((h) => h.date).join(', ')}`,
		);
	}
	return { status: frame.status, timezoneId: frame.timezoneId, weeklyHours: frame.weeklyHours, holidays };
}
