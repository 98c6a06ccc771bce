/** Test helpers: the two steps of events -> closures in one call, and days over a wide window. */
import { expandEvents, occurrenceClosures, type Window } from '../../../nodes/shared/calendar/closures';
import { closureDays } from '../../../nodes/shared/calendar/days';
import { eventsFromJson } from '../../../nodes/shared/calendar/jsonSource';
import { type CalendarEvent, type Closure } from '../../../nodes/shared/calendar/types';

export async function eventClosures(events: CalendarEvent[], window: Window, zone: string): Promise<Closure[]> {
	return occurrenceClosures(await expandEvents(events, window), events, window, zone).closures;
}

export const ALL_TIME: Window = { from: Date.UTC(1900, 0, 1), to: Date.UTC(2200, 0, 1) };

export async function closuresFromJson(value: unknown, zone: string, window = ALL_TIME): Promise<Closure[]> {
	return await eventClosures(await eventsFromJson(value), window, zone);
}

export const daysOf = (closures: Closure[], zone: string, window = ALL_TIME) => closureDays(closures, zone, window);
