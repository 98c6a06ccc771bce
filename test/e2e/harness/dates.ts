/** A Wednesday at least a week ahead, as YYYY-MM-DD in Europe/Berlin: a working day of the demo number. */
export function nextWednesday(): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
	const date = new Date(`${today}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + 7);
	while (date.getUTCDay() !== 3) date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}
