/**
 * Long loops yield to the event loop: with a clock that advances 1 ms each time it is read, the reader and
 * the expansion must hand back (sleep(0) from n8n-workflow) at least once per 20 ms slice of their work.
 */
const sleeps: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => {
		sleeps.push(ms);
	},
}));

import { expandEvents } from '../../../nodes/shared/calendar/closures';
import { parseCalendar } from '../../../nodes/shared/calendar/ical';

describe('calendar work yields to the event loop', () => {
	let clock = 0;
	beforeEach(() => {
		sleeps.length = 0;
		jest.spyOn(Date, 'now').mockImplementation(() => (clock += 1));
	});
	afterEach(() => jest.restoreAllMocks());

	it('parseCalendar yields at least once per 21 lines, expandEvents once per 21 events', async () => {
		const events = Array.from({ length: 2000 }, (_, i) => ['BEGIN:VEVENT', `UID:e${i}`, 'DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=WEEKLY', 'END:VEVENT']);
		const text = ['BEGIN:VCALENDAR', ...events.flat(), 'END:VCALENDAR'].join('\r\n');
		const parsed = await parseCalendar(text);
		expect(sleeps.length).toBeGreaterThanOrEqual(Math.floor(10_002 / 21));
		expect(sleeps.every((ms) => ms === 0)).toBe(true);
		sleeps.length = 0;
		await expandEvents(parsed, { from: Date.UTC(2027, 0, 1), to: Date.UTC(2027, 1, 1) });
		expect(sleeps.length).toBeGreaterThanOrEqual(Math.floor(2000 / 21));
	});
});
