import type { CallHours } from './types';

export type AvailabilityReason =
	| 'calling_disabled'
	| 'icon_hidden'
	| 'no_call_hours'
	| 'call_hours_disabled'
	| 'holiday'
	| 'outside_hours'
	| 'within_hours';

export interface AvailabilityInput {
	at: Date;
	callingEnabled: boolean;
	/** undefined = no hours stored (always open) */
	callHours?: CallHours;
	/** Messenger's call icon; undefined = not applicable (WhatsApp) */
	iconEnabled?: boolean;
}

export interface Availability {
	open: boolean;
	reason: AvailabilityReason;
	timezoneId: string | null;
	/** next moment after `at` when calls open, ISO with the business offset; null when none within the horizon */
	nextOpenAt: string | null;
	/** next moment after `at` when calls close; null when none within the horizon */
	nextCloseAt: string | null;
}

/** How far ahead nextOpenAt / nextCloseAt are searched. */
export const AVAILABILITY_HORIZON_DAYS = 14;

export function checkAvailability(input: AvailabilityInput): Availability {
	void input;
	throw new Error('not implemented');
}
