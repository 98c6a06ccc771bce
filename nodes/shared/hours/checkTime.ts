import { DateTime } from 'luxon';

import { InputError } from '../validation';

const AT_RULE = 'must be a date and time, e.g. 2026-12-25T10:00:00 or 2026-12-25T10:00:00+01:00';

/**
 * The moment an availability check is about. Empty means now. A date-time without an offset (what n8n's
 * date picker gives) is read in the workflow's timezone, as everywhere else in n8n; an offset or "Z" wins.
 * Expressions may also hand over a JS Date, epoch milliseconds or a luxon DateTime ($now).
 */
export function parseCheckTime(value: unknown, workflowTimezone: string, now: Date, field = 'at'): Date {
	if (value === undefined || value === null || value === '') return now;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new InputError(field, AT_RULE);
		return value;
	}
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new InputError(field, AT_RULE);
		return new Date(value);
	}
	if (DateTime.isDateTime(value)) {
		if (!value.isValid) throw new InputError(field, AT_RULE);
		return value.toJSDate();
	}
	if (typeof value !== 'string') throw new InputError(field, AT_RULE);
	const parsed = DateTime.fromISO(value.trim(), { zone: workflowTimezone, setZone: true });
	if (!parsed.isValid) throw new InputError(field, AT_RULE);
	return parsed.toJSDate();
}
