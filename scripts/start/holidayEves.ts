import { DateTime } from 'luxon';

/** The part of a workflow file read here (an Example of examples.ts fits). */
interface Workflow {
	nodes: Array<{ name: string; type: string; parameters?: Record<string, unknown> }>;
	settings?: { timezone?: string };
}

/** The evening and morning triggers and the Set node of example 2 (examples/2-messenger-hide-call-button-on-holiday-eves.json). */
const EVENING_TRIGGER = 'Every evening at 18:00';
const MORNING_TRIGGER = 'Every morning at 08:00';
const EVES_NODE = 'Holiday eves';
const SWITCH_NODE = 'Evening or morning after';

interface HolidayEvesSettings {
	pageId: string;
	/** yyyy-MM-dd, as the Switch compares them */
	eves: string[];
	timezone: string;
}

/** What example 2's "Holiday eves" node sets, or undefined when the workflow is not shaped like example 2. */
function holidayEvesOf(example: Workflow): HolidayEvesSettings | undefined {
	const node = example.nodes.find((n) => n.name === EVES_NODE && n.type === 'n8n-nodes-base.set');
	const assignments = (node?.parameters?.assignments as { assignments?: Array<{ name: string; value: unknown }> } | undefined)?.assignments;
	const valueOf = (name: string): unknown => assignments?.find((a) => a.name === name)?.value;
	const raw = valueOf('holidayEves');
	let eves: unknown;
	try {
		eves = typeof raw === 'string' ? JSON.parse(raw) : raw;
	} catch {
		return undefined;
	}
	if (!Array.isArray(eves) || !eves.every((e) => typeof e === 'string')) return undefined;
	return { pageId: String(valueOf('pageId') ?? ''), eves: [...(eves as string[])].sort(), timezone: example.settings?.timezone ?? 'UTC' };
}

function dayLabel(day: DateTime, today: DateTime): string {
	return day.toFormat(day.year === today.year ? 'ccc d LLL' : 'ccc d LLL yyyy');
}

/**
 * Pure: what "Execute workflow" on example 2 does on the day of `now`, computed as its Switch computes it
 * ($today in the workflow's timezone against the dates of "Holiday eves"): a manual run hides the call
 * button only on a listed eve (from the evening trigger), restores it only the morning after one (from
 * the morning trigger), and otherwise ends at the Switch.
 */
export function holidayEvesToday(example: Workflow, now: Date): string {
	const settings = holidayEvesOf(example);
	if (!settings) return `runs at 18:00 on the dates in "${EVES_NODE}" and at 08:00 the morning after`;
	const today = DateTime.fromJSDate(now, { zone: settings.timezone }).startOf('day');
	const iso = (day: DateTime): string => day.toFormat('yyyy-MM-dd');
	const todayText = `today (${dayLabel(today, today)}, ${settings.timezone})`;
	const hidesTonight = settings.eves.includes(iso(today));
	const restoresThisMorning = settings.eves.includes(iso(today.minus({ days: 1 })));

	if (hidesTonight || restoresThisMorning) {
		const day = hidesTonight && restoresThisMorning ? 'a holiday eve and the morning after one' : hidesTonight ? 'a holiday eve' : 'the morning after a holiday eve';
		const runs = [
			...(restoresThisMorning ? [`from "${MORNING_TRIGGER}" it restores the call button of Page ${settings.pageId} from the kept snapshot`] : []),
			...(hidesTonight ? [`from "${EVENING_TRIGGER}" it hides the call button of Page ${settings.pageId}`] : []),
		];
		return `${todayText} is ${day}: "Execute workflow" runs now, against the sandbox: ${runs.join('; ')}`;
	}
	const next = settings.eves.find((eve) => eve > iso(today));
	const nextText = next
		? `it hides the call button next on ${dayLabel(DateTime.fromISO(next, { zone: settings.timezone }), today)} at 18:00`
		: `"${EVES_NODE}" lists no later date`;
	return `${todayText} is no holiday eve: "Execute workflow" ends at the Switch "${SWITCH_NODE}" and changes nothing; ${nextText} (to try it now, add "${iso(today)}" to "${EVES_NODE}")`;
}
