import fc from 'fast-check';

import { minutesToHhmm } from '../../../nodes/shared/hours/time';
import { DAYS_OF_WEEK, type MessengerCallHoursWire } from '../../../nodes/shared/hours/types';
import type { MessengerCallSettings } from '../../../nodes/MessengerCalling/helpers/callSettings';

/**
 * A stand-in for what Meta stores for one Page, small enough to reason about: every field is always set
 * (Meta has a value for each), except call_hours, which is null until hours are first set and can never
 * become null again. Answers vary the way Meta's do: flat or {"data": [...]}, entries in any order, and
 * icon_enabled sometimes left out while it has its default (true).
 */
export interface PageState {
	call_hours: MessengerCallHoursWire | null;
	call_routing: { ring_target: 'META' | 'PARTNERS' };
	icon_enabled: boolean;
	audio_enabled: boolean;
}

export interface AnswerStyle {
	wrapInData: boolean;
	reverseEntries: boolean;
	omitDefaultIcon: boolean;
}

export function answerOf(state: PageState, style: AnswerStyle): Record<string, unknown> {
	const flat: Record<string, unknown> = {
		call_routing: { ...state.call_routing },
		audio_enabled: state.audio_enabled,
	};
	if (!(style.omitDefaultIcon && state.icon_enabled)) flat.icon_enabled = state.icon_enabled;
	if (state.call_hours) {
		const entries = state.call_hours.weekly_operating_hours.map((entry) => ({ ...entry }));
		flat.call_hours = {
			timezone_id: state.call_hours.timezone_id,
			weekly_operating_hours: style.reverseEntries ? entries.reverse() : entries,
		};
	}
	return style.wrapInData ? { data: [flat] } : flat;
}

/** One POST: each field given replaces the stored one; there is no way to send "no hours". */
export function post(state: PageState, body: Record<string, unknown>): PageState {
	const next = structuredClone(state);
	if (body.call_hours !== undefined) {
		if (body.call_hours === null) throw new Error('Meta has no request that removes call hours');
		next.call_hours = structuredClone(body.call_hours) as MessengerCallHoursWire;
	}
	if (body.call_routing !== undefined) next.call_routing = body.call_routing as PageState['call_routing'];
	if (body.icon_enabled !== undefined) next.icon_enabled = body.icon_enabled as boolean;
	if (body.audio_enabled !== undefined) next.audio_enabled = body.audio_enabled as boolean;
	return next;
}

/** Order of entries is not part of what Meta stores. */
export function canonical(state: PageState | MessengerCallSettings): unknown {
	const hours = state.call_hours
		? {
				...state.call_hours,
				weekly_operating_hours: [...state.call_hours.weekly_operating_hours].sort((a, b) =>
					a.day_of_week.localeCompare(b.day_of_week),
				),
			}
		: null;
	return { ...state, call_hours: hours };
}

const TIMEZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'UTC', 'Australia/Lord_Howe'];

/** One window per day (Messenger's rule), open strictly before close. */
const windowArb = fc
	.tuple(fc.integer({ min: 0, max: 1438 }), fc.integer({ min: 1, max: 1439 }))
	.map(([open, length]) => [open, Math.min(1439, open + length)] as const)
	.filter(([open, close]) => close > open);

export const hoursArb: fc.Arbitrary<MessengerCallHoursWire> = fc.record({
	timezone_id: fc.constantFrom(...TIMEZONES),
	weekly_operating_hours: fc
		.subarray([...DAYS_OF_WEEK])
		.chain((days) => fc.tuple(...days.map((day) => windowArb.map(([open, close]) => ({ day, open, close })))))
		.map((windows) =>
			windows.map(({ day, open, close }) => ({
				day_of_week: day,
				open_time: minutesToHhmm(open),
				close_time: minutesToHhmm(close),
			})),
		),
});

export const pageStateArb: fc.Arbitrary<PageState> = fc.record({
	call_hours: fc.option(hoursArb, { nil: null }),
	call_routing: fc.record({ ring_target: fc.constantFrom('META' as const, 'PARTNERS' as const) }),
	icon_enabled: fc.boolean(),
	audio_enabled: fc.boolean(),
});

export const answerStyleArb: fc.Arbitrary<AnswerStyle> = fc.record({
	wrapInData: fc.boolean(),
	reverseEntries: fc.boolean(),
	omitDefaultIcon: fc.boolean(),
});
