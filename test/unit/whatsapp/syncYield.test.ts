/**
 * Sync From Calendar decides inside the account's turn; at the 25,000-occurrence limit its zone step
 * (closuresFor) and its day walk (closureDays) each hold the event loop for tens of milliseconds, so the
 * decision hands the loop back (sleep(0) from n8n-workflow) between the two.
 */
const steps: string[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => {
		steps.push(`sleep ${ms}`);
	},
}));
jest.mock('../../../nodes/shared/calendar/days', () => {
	const actual = jest.requireActual('../../../nodes/shared/calendar/days');
	return {
		...actual,
		closureDays: (...args: unknown[]) => {
			steps.push('day walk');
			return actual.closureDays(...args);
		},
	};
});

import type { PreparedSource } from '../../../nodes/shared/calendar/source';
import type { CallHours } from '../../../nodes/shared/hours/types';
import { decideSync } from '../../../nodes/WhatsAppCalling/actions/holidaySchedule/sync.operation';

const stored: CallHours = {
	status: 'ENABLED',
	timezoneId: 'Europe/Berlin',
	weeklyHours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1700' }],
	holidays: [],
};

it('yields to the event loop between the zone step and the day walk, and still plans the days', async () => {
	const now = new Date('2027-03-01T10:00:00Z');
	const start = Date.parse('2027-03-03T00:00:00+01:00');
	const prepared: PreparedSource = {
		closuresFor: () => {
			steps.push('zone step');
			return { closures: [{ start, end: start + 86_400_000, summary: 'Closed' }], summary: { source: 'json', events: 1, closures: 1 } };
		},
	};
	const decision = await decideSync(prepared, stored, { timezoneId: stored.timezoneId, now }, { mode: 'mirror', lookAheadDays: 30, allowEmptyCalendar: false });
	expect(steps).toEqual(['zone step', 'sleep 0', 'day walk']);
	expect(decision.holidays).toEqual([{ date: '2027-03-03', startTime: '0000', endTime: '2359' }]);
	expect(decision.report).toMatchObject({ syncMode: 'mirror', added: ['2027-03-03'], unchanged: false });
});
