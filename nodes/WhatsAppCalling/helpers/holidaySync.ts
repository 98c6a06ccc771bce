import { byDate, futureHolidays, MAX_HOLIDAYS } from '../../shared/hours/holidays';
import { todayIn } from '../../shared/hours/timezone';
import type { BusinessClock, Holiday } from '../../shared/hours/types';
import { InputError } from '../../shared/validation';

/*
 * Sync From Calendar's rule, pure: the stored holiday schedule and the calendar's upcoming days -> the
 * schedule to write. Meta keeps 20 holidays, so the soonest 20 are written and the rest wait ("deferred")
 * for a later sync, when earlier dates have passed: a weekly sync rolls the window forward for ever.
 */

export const SYNC_MODES = ['mirror', 'merge'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];

export interface HolidaySyncPlan {
	/** the schedule to write, sorted, at most 20 */
	holidays: Holiday[];
	/** dates written that were not stored */
	added: string[];
	/** stored future dates that are no longer in the schedule */
	removed: string[];
	/** dates stored before and still in the schedule (with the calendar's times in mirror mode) */
	kept: string[];
	/** calendar dates beyond the 20 that fit, for a later sync */
	deferred: string[];
	/** stored holidays whose date has passed (Meta refuses them in a write) */
	droppedPast: Holiday[];
}

/** Two closures of one date become one entry from the earlier start to the later end (Meta keeps one per date). */
function widen(a: Holiday, b: Holiday): Holiday {
	return {
		date: a.date,
		startTime: a.startTime < b.startTime ? a.startTime : b.startTime,
		endTime: a.endTime > b.endTime ? a.endTime : b.endTime,
	};
}

export function planHolidaySync(
	stored: readonly Holiday[],
	calendarDays: readonly Holiday[],
	mode: SyncMode,
	clock: BusinessClock,
	allowEmptyCalendar: boolean,
): HolidaySyncPlan {
	const future = futureHolidays(stored, clock);
	const today = todayIn(clock);
	const droppedPast = stored.filter((h) => h.date < today);
	if (mode === 'mirror' && calendarDays.length === 0 && !allowEmptyCalendar) {
		throw new InputError(
			'calendarSource',
			`yields no upcoming day, and in mirror mode that would delete every stored holiday (${future.length} now); nothing was written. Check the source, or turn on the option "Allow Empty Calendar" if an empty schedule is meant`,
		);
	}
	const storedByDate = new Map(future.map((h) => [h.date, h]));
	const calendarByDate = new Map<string, Holiday>();
	for (const day of calendarDays) {
		const known = calendarByDate.get(day.date);
		calendarByDate.set(day.date, known ? widen(known, day) : day);
	}
	let written: Holiday[];
	let deferred: string[];
	if (mode === 'mirror') {
		const all = [...calendarByDate.values()].sort(byDate);
		written = all.slice(0, MAX_HOLIDAYS);
		deferred = all.slice(MAX_HOLIDAYS).map((h) => h.date);
	} else {
		// Every stored holiday stays; calendar days fill the free places, soonest first.
		const merged = new Map(storedByDate);
		for (const [date, day] of calendarByDate) {
			const known = merged.get(date);
			if (known) merged.set(date, widen(known, day));
		}
		const fresh = [...calendarByDate.values()].filter((h) => !storedByDate.has(h.date)).sort(byDate);
		const room = Math.max(0, MAX_HOLIDAYS - merged.size);
		fresh.slice(0, room).forEach((h) => merged.set(h.date, h));
		written = [...merged.values()].sort(byDate);
		deferred = fresh.slice(room).map((h) => h.date);
	}
	const writtenDates = new Set(written.map((h) => h.date));
	return {
		holidays: written,
		added: written.filter((h) => !storedByDate.has(h.date)).map((h) => h.date),
		removed: future.filter((h) => !writtenDates.has(h.date)).map((h) => h.date),
		kept: written.filter((h) => storedByDate.has(h.date)).map((h) => h.date),
		deferred,
		droppedPast,
	};
}
