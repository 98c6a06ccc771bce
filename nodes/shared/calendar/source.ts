import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError, tryParseJson } from '../validation';
import { expandEvents, occurrenceClosures, type Window } from './closures';
import { wholeDays } from './days';
import { fetchCalendarText } from './fetch';
import { maskCalendarUrl } from './maskUrl';
import { parseCalendar } from './ical';
import { eventsFromJson } from './jsonSource';
import { publicHolidaysFromAnswer, type PublicHoliday } from './publicHolidays';
import { DAY_MS } from './wall';
import type { CalendarEvent, Closure, SourceSummary } from './types';

/*
 * A calendar source as the node parameters describe it (read by descriptions/calendar.ts, in every
 * operation's validate), and the closures it yields for a window of time in the business timezone;
 * prepareSource goes out to the network.
 */

export const CALENDAR_SOURCES = ['publicHolidays', 'ical', 'json'] as const;

export const DEFAULT_PUBLIC_HOLIDAYS_BASE_URL = 'https://date.nager.at';

export type CalendarSource =
	| { kind: 'publicHolidays'; countryCode: string; subdivisionCode: string; types: string[]; baseUrl: string }
	| { kind: 'ical'; url: string }
	| { kind: 'json'; value: unknown };

// One fetch per address and execution: several items (numbers, Pages) usually share one calendar.
const fetchesOfRun = new WeakMap<object, Map<string, Promise<string>>>();

function fetchOnce(ctx: IExecuteFunctions, url: string, field: string, what: (address: string) => string): Promise<string> {
	// The context object is one per node execution, shared by its items.
	let fetches = fetchesOfRun.get(ctx);
	if (!fetches) fetchesOfRun.set(ctx, (fetches = new Map()));
	let pending = fetches.get(url);
	if (!pending) {
		pending = fetchCalendarText(ctx, url, field, what);
		fetches.set(url, pending);
	}
	return pending;
}

export interface LoadedClosures {
	closures: Closure[];
	summary: SourceSummary;
}

/** A source fetched and read: its closures for any window and business timezone, computed without I/O. */
export interface PreparedSource {
	closuresFor(window: Window, zone: string): LoadedClosures;
}

/** The calendar years a window may touch in any timezone (a day of margin each side). */
function yearsAround(window: Window): number[] {
	const first = new Date(window.from - DAY_MS).getUTCFullYear();
	const last = new Date(window.to + DAY_MS).getUTCFullYear();
	return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const inWindow = (closures: Closure[], window: Window) => closures.filter((c) => c.end > window.from && c.start < window.to);

/**
 * Fetches and reads the source (every failure is an InputError naming the source, before anything is
 * written), so that the closures can then be computed in whatever timezone the account turns out to have.
 */
export async function prepareSource(ctx: IExecuteFunctions, source: CalendarSource, window: Window): Promise<PreparedSource> {
	if (source.kind === 'publicHolidays') {
		const holidays: PublicHoliday[] = [];
		for (const year of yearsAround(window)) {
			const url = `${source.baseUrl}/api/v3/PublicHolidays/${year}/${source.countryCode}`;
			const what = (address: string) => `the public-holiday service (${address})`;
			const text = await fetchOnce(ctx, url, 'countryCode', what);
			const answer = tryParseJson(text);
			if (!answer) throw new InputError('countryCode', `${what(maskCalendarUrl(url))} did not answer with JSON`);
			holidays.push(...publicHolidaysFromAnswer(answer.value, source, 'countryCode'));
		}
		return {
			closuresFor(range, zone) {
				const closures = inWindow(holidays.map((holiday) => wholeDays(holiday.date, holiday.date, zone, holiday.name)), range);
				const summary: SourceSummary = {
					source: 'publicHolidays',
					countryCode: source.countryCode,
					subdivisionCode: source.subdivisionCode,
					holidayTypes: source.types,
					events: holidays.length,
					closures: closures.length,
				};
				return { closures, summary };
			},
		};
	}
	const ical = source.kind === 'ical';
	const events: CalendarEvent[] = ical
		? await parseCalendar(await fetchOnce(ctx, source.url, 'calendarUrl', (address) => `the calendar feed ${address}`), 'calendarUrl')
		: await eventsFromJson(source.value);
	// Expanded now (yielding as it goes), so that closuresFor, which runs inside a settings update, stays short.
	const occurrences = await expandEvents(events, window, ical ? 'calendarUrl' : 'calendarJson');
	return {
		closuresFor(range, zone) {
			const { closures, notices } = occurrenceClosures(occurrences, events, range, zone);
			const summary: SourceSummary = ical ? { source: 'ical', calendarUrl: maskCalendarUrl(source.url), events: events.length, closures: closures.length } : { source: 'json', events: events.length, closures: closures.length };
			// Times that a spring-forward skipped were moved forward by the gap: said, not hidden.
			if (notices.length > 0) summary.notices = notices;
			return { closures, summary };
		},
	};
}
