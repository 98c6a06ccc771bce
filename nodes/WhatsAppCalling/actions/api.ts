import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { ItemOptions } from '../../shared/descriptions/options';
import { accountKey, updateAccount, writesReport, type AccountUpdateResult } from '../../shared/execution/accountUpdate';
import { sendOrPreview, type DryRunResult } from '../../shared/execution/request';
import { Settling } from '../../shared/execution/settling';
import { isWriteFailure, writeNotAppliedError } from '../../shared/execution/writeAnswer';
import type { AvailabilityInput } from '../../shared/hours/availability';
import { applyCallHoursChange, callHoursChange, holdsCallHoursChange } from '../../shared/hours/change';
import type { BusinessClock, CallHours, Holiday } from '../../shared/hours/types';
import { callHoursFromWire, callHoursToWire } from '../../shared/hours/wire';
import type { GraphClient, GraphRequest } from '../../shared/transport/types';
import { InputError, isRecord } from '../../shared/validation';
import type { Recipient } from './message/fields';

/*
 * WhatsApp's calling settings at Meta: the one endpoint every operation reads and writes, its answers, and
 * the read-modify-write of call_hours (Meta replaces the whole stored value on every write).
 */

export function settingsPath(phoneNumberId: string): string {
	return `/${phoneNumberId}/settings`;
}

/*
 * Meta's GET /<PHONE_NUMBER_ID>/settings answer, read defensively. Meta's own pages, its OpenAPI file and
 * live answers spell the same values differently (lowercase enums, "visible"/"hidden", "DTLS-SRTP", three
 * names for the restrictions list); everything is mapped to the uppercase values of the settings page,
 * which are also the values this node sends.
 */

/** One calling restriction Meta imposed on the number (e.g. after low call quality). */
export interface CallingRestriction extends IDataObject {
	type: string;
	reason: string | null;
	/** Unix seconds, as Meta sends it */
	expiration: number | null;
	/** the same moment as ISO 8601 UTC, for people and date nodes */
	expiresAt: string | null;
}

export interface CallingSettings {
	/** Meta's `calling` object with its own field names, enum values normalized */
	calling: IDataObject;
	restrictions: CallingRestriction[];
}

/** Spellings seen for the same value, mapped to the one the settings page documents. */
const VALUE_ALIASES: Record<string, string> = {
	VISIBLE: 'DEFAULT',
	HIDDEN: 'DISABLE_ALL',
	'DTLS-SRTP': 'DTLS',
	DTLS_SRTP: 'DTLS',
	'SDES-SRTP': 'SDES',
	SDES_SRTP: 'SDES',
};

export function normalizeEnum(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const upper = value.trim().toUpperCase();
	return VALUE_ALIASES[upper] ?? upper;
}

const ENUM_FIELDS = ['status', 'call_icon_visibility', 'callback_permission_status', 'srtp_key_exchange_protocol'];

function normalizeCallHours(callHours: Record<string, unknown>): IDataObject {
	const out: IDataObject = { ...(callHours as IDataObject) };
	if ('status' in out) out.status = normalizeEnum(out.status) as string;
	if (Array.isArray(out.weekly_operating_hours)) {
		out.weekly_operating_hours = out.weekly_operating_hours.map((entry) =>
			isRecord(entry) ? { ...entry, day_of_week: normalizeEnum(entry.day_of_week) } : entry,
		) as IDataObject[];
	}
	return out;
}

/** The `calling` object with every known enum in its documented spelling; unknown fields pass through. */
export function normalizeCalling(calling: unknown): IDataObject {
	if (!isRecord(calling)) return {};
	const out: IDataObject = { ...(calling as IDataObject) };
	for (const field of ENUM_FIELDS) {
		if (field in out) out[field] = normalizeEnum(out[field]) as string;
	}
	if (isRecord(out.sip) && 'status' in out.sip) {
		out.sip = { ...out.sip, status: normalizeEnum(out.sip.status) } as IDataObject;
	}
	if (isRecord(out.call_hours)) out.call_hours = normalizeCallHours(out.call_hours);
	// restrictions are reported once, at the top level of the output
	delete out.restrictions;
	return out;
}

function restrictionEntries(container: unknown): unknown[] {
	if (Array.isArray(container)) return container;
	if (!isRecord(container)) return [];
	for (const key of ['restriction_list', 'restrictions_list', 'restrictions']) {
		if (Array.isArray(container[key])) return container[key] as unknown[];
	}
	return [];
}

function toRestriction(entry: unknown): CallingRestriction | undefined {
	if (!isRecord(entry)) return undefined;
	const type = entry.type ?? entry.restriction_type;
	if (typeof type !== 'string' || type.trim() === '') return undefined;
	const seconds = Number(entry.expiration);
	const expiration = entry.expiration !== undefined && entry.expiration !== null && Number.isFinite(seconds) ? seconds : null;
	return {
		type: type.trim().toUpperCase(),
		reason: typeof entry.reason === 'string' ? entry.reason : null,
		expiration,
		expiresAt: expiration === null ? null : new Date(expiration * 1000).toISOString(),
	};
}

/** Every restriction, whichever of Meta's spellings and places (top level or inside `calling`) held it. */
export function normalizeRestrictions(answer: unknown): CallingRestriction[] {
	if (!isRecord(answer)) return [];
	const calling = isRecord(answer.calling) ? answer.calling : {};
	const entries = [...restrictionEntries(answer.restrictions), ...restrictionEntries(calling.restrictions)];
	return entries.map(toRestriction).filter((r): r is CallingRestriction => r !== undefined);
}

export function readCallingSettings(answer: unknown): CallingSettings {
	const calling = isRecord(answer) ? answer.calling : undefined;
	return { calling: normalizeCalling(calling), restrictions: normalizeRestrictions(answer) };
}

/** Calling counts as on only when Meta says ENABLED; NOT_SET and a missing status mean it was never switched on. */
export function isCallingEnabled(calling: IDataObject): boolean {
	return normalizeEnum(calling.status) === 'ENABLED';
}

/** The stored call hours, or undefined when none are stored. */
export function storedCallHours(calling: IDataObject): CallHours | undefined {
	return callHoursFromWire(calling.call_hours);
}

/** The number's settings, parsed (`qs` e.g. asks for the SIP passwords). */
export async function fetchSettings(graph: GraphClient, phoneNumberId: string, qs?: IDataObject): Promise<CallingSettings> {
	return readCallingSettings(await graph.request({ method: 'GET', path: settingsPath(phoneNumberId), qs }));
}

/** What the number has stored that decides whether people can call it (Availability → Check, Only While Open). */
export async function fetchStoredAvailability(graph: GraphClient, phoneNumberId: string): Promise<Omit<AvailabilityInput, 'at'>> {
	const { calling } = await fetchSettings(graph, phoneNumberId);
	return { callingEnabled: isCallingEnabled(calling), callHours: storedCallHours(calling) };
}

/** POSTs `{calling}`; with dryRun only describes the request. An answer of `success: false` is an error. */
export async function writeSettings(node: INode, graph: GraphClient, phoneNumberId: string, calling: IDataObject, dryRun: boolean): Promise<IDataObject | DryRunResult> {
	const answer = await sendOrPreview<IDataObject>(graph, { method: 'POST', path: settingsPath(phoneNumberId), body: { calling } }, dryRun);
	if (answer.dryRun !== true && isWriteFailure(answer)) {
		throw writeNotAppliedError(node, `calling.${Object.keys(calling).join(', calling.')}`, answer);
	}
	return answer;
}

/** The output fields of a write: `success: true` (a refused write already threw), or the dry-run preview. */
export function writeOutcome(answer: IDataObject | DryRunResult): IDataObject {
	if (answer.dryRun === true) return { dryRun: true, request: answer.request };
	return { success: true };
}

/** What an operation decides on the stored call hours: the new ones, and whatever it reports about them. */
export interface CallHoursDecision {
	next: CallHours;
}

function outcomeOf(result: AccountUpdateResult<CallHours | undefined, unknown>): IDataObject {
	// Nothing written: the stored call hours already held the change.
	const outcome = result.answer ? writeOutcome(result.answer) : { success: true };
	if (outcome.dryRun !== true) Object.assign(outcome, writesReport(result));
	return outcome;
}

/**
 * Every change of call_hours: reads them, lets `decide` compute the new ones (it throws, and nothing is
 * written, when a rule breaks), writes them whole, and — across items, executions and queue-mode workers —
 * makes sure no concurrent writer's stale write dropped the change (shared/execution/accountUpdate.ts). A
 * write that must be repeated applies only this item's difference to what is stored by then.
 */
export async function updateSettings<D extends CallHoursDecision>(
	ctx: IExecuteFunctions,
	graph: GraphClient,
	phoneNumberId: string,
	options: ItemOptions,
	decide: (stored: CallHours | undefined) => D | Promise<D>,
) {
	const { dryRun, verifyWrites } = options;
	const pending = await updateAccount(
		graph,
		{
			key: accountKey(graph, phoneNumberId),
			read: async (g) => storedCallHours((await fetchSettings(g, phoneNumberId)).calling),
			decide: async (stored) => {
				const decision = await decide(stored);
				return { ...decision, change: callHoursChange(stored, decision.next) };
			},
			write: async (g, current, change) => {
				if (!dryRun && holdsCallHoursChange(current, change)) return undefined;
				// The WHOLE call_hours: Meta replaces the stored value, so every part of it is sent.
				const callHours = callHoursToWire(applyCallHoursChange(current, change, new Date())) as unknown as IDataObject;
				return await writeSettings(ctx.getNode(), g, phoneNumberId, { call_hours: callHours }, dryRun);
			},
			holds: holdsCallHoursChange,
		},
		{ dryRun, verify: verifyWrites },
		ctx.getNode(),
	);
	return { before: pending.before, decision: pending.decision, outcome: pending.settled.then(outcomeOf) };
}

export function holidayToJson(holiday: Holiday): IDataObject {
	return { date: holiday.date, startTime: holiday.startTime, endTime: holiday.endTime };
}

/** What a holiday operation decides: the new list, the past dates it drops, and what it reports. */
export interface HolidayDecision {
	holidays: Holiday[];
	droppedPast: Holiday[];
	/** added, removed, ... */
	report: IDataObject;
}

/**
 * Add, Remove, Replace and Sync: `decide` computes the new holiday list on the stored call hours (`clock`
 * is their timezone, now), which are written back with only the holidays changed.
 */
export async function updateHolidays(
	ctx: IExecuteFunctions,
	graph: GraphClient,
	item: { phoneNumberId: string; options: ItemOptions },
	decide: (stored: CallHours, clock: BusinessClock) => HolidayDecision | Promise<HolidayDecision>,
): Promise<Settling> {
	const { phoneNumberId } = item;
	const { before, decision, outcome } = await updateSettings(ctx, graph, phoneNumberId, item.options, async (hours) => {
		// They change only the holiday list: without stored call hours there is nothing to keep.
		if (!hours) {
			throw new InputError(
				'phoneNumberId',
				'has no call hours stored yet; set call hours first (Resource "Calling Setting" → "Set Call Hours"), then manage holidays',
			);
		}
		const decided = await decide(hours, { timezoneId: hours.timezoneId, now: new Date() });
		return { ...decided, next: { ...hours, holidays: decided.holidays } };
	});
	return new Settling(
		outcome.then((written) => ({
			phoneNumberId,
			...written,
			timezoneId: before?.timezoneId,
			holidays: decision.next.holidays.map(holidayToJson),
			...decision.report,
			droppedPastHolidays: decision.droppedPast.map(holidayToJson),
		})),
	);
}

/*
 * The WhatsApp messages that let a person call the business, and the permission look-up: paths, request
 * bodies, answer parsing (Meta's "call button messages" and "user call permissions" pages).
 */

export interface CallButton {
	bodyText: string;
	displayText?: string;
	ttlMinutes?: number;
	payload?: string;
}

function recipientFields(recipient: Recipient): IDataObject {
	return recipient.phone ? { to: recipient.phone } : { recipient: recipient.bsuid };
}

function interactiveRequest(phoneNumberId: string, recipient: Recipient, interactive: IDataObject): GraphRequest {
	return {
		method: 'POST',
		path: `/${phoneNumberId}/messages`,
		body: { messaging_product: 'whatsapp', recipient_type: 'individual', ...recipientFields(recipient), type: 'interactive', interactive },
		// A message must not arrive twice: never retried unless Meta's answer proves it was not processed.
		repeatable: false,
	};
}

export function callButtonRequest(phoneNumberId: string, recipient: Recipient, button: CallButton): GraphRequest {
	const parameters: IDataObject = {};
	if (button.displayText !== undefined) parameters.display_text = button.displayText;
	if (button.ttlMinutes !== undefined) parameters.ttl_minutes = button.ttlMinutes;
	if (button.payload !== undefined) parameters.payload = button.payload;
	const action: IDataObject = { name: 'voice_call' };
	if (Object.keys(parameters).length > 0) action.parameters = parameters;
	return interactiveRequest(phoneNumberId, recipient, { type: 'voice_call', body: { text: button.bodyText }, action });
}

export function callPermissionRequestRequest(phoneNumberId: string, recipient: Recipient, bodyText: string): GraphRequest {
	return interactiveRequest(phoneNumberId, recipient, {
		type: 'call_permission_request',
		body: { text: bodyText },
		action: { name: 'call_permission_request' },
	});
}

/** Sends one message (or, with dryRun, shows it): Meta's message ID and the person's WhatsApp ID. */
export async function sendMessage(graph: GraphClient, request: GraphRequest, dryRun: boolean): Promise<IDataObject> {
	const answer = await sendOrPreview<IDataObject>(graph, request, dryRun);
	if (answer.dryRun === true) return { dryRun: true, request: answer.request };
	const contact = Array.isArray(answer.contacts) && isRecord(answer.contacts[0]) ? answer.contacts[0] : {};
	const message = Array.isArray(answer.messages) && isRecord(answer.messages[0]) ? answer.messages[0] : {};
	return { waId: (contact.wa_id as string) ?? null, messageId: (message.id as string) ?? null };
}

// Call permissions: GET /<PHONE_NUMBER_ID>/call_permissions?user_wa_id=<phone>

const PERMISSION_REQUEST_ACTION = 'send_call_permission_request';
const MAX_ACTIONS = 20;
const MAX_LIMITS = 20;

function isoFromUnix(value: unknown): string | null {
	const seconds = Number(value);
	if (value === undefined || value === null || !Number.isFinite(seconds) || Math.abs(seconds) > 1e11) return null;
	return new Date(seconds * 1000).toISOString();
}

export interface ActionState extends IDataObject {
	allowed: boolean;
	limits: IDataObject[];
}

function readLimit(limit: Record<string, unknown>): IDataObject {
	const { time_period, max_allowed, current_usage, limit_expiration_time, ...other } = limit;
	return {
		...(other as IDataObject),
		timePeriod: time_period as string,
		maxAllowed: max_allowed as number,
		currentUsage: current_usage as number,
		resetsAt: isoFromUnix(limit_expiration_time),
	};
}

/**
 * Meta's actions list, keyed by Meta's action name (an action Meta adds later keeps its name; fromEntries
 * makes even a name like __proto__ a plain key).
 */
function readActions(actions: unknown): Record<string, ActionState> {
	const entries: Array<[string, ActionState]> = [];
	for (const action of (Array.isArray(actions) ? actions : []).slice(0, MAX_ACTIONS)) {
		if (!isRecord(action) || typeof action.action_name !== 'string') continue;
		const limits = (Array.isArray(action.limits) ? action.limits : []).slice(0, MAX_LIMITS).filter(isRecord).map(readLimit);
		entries.push([action.action_name, { allowed: action.can_perform_action === true, limits }]);
	}
	return Object.fromEntries(entries);
}

/** The permission state in the package's shape; Meta's `permission` object kept as Meta names it. */
export function readCallPermissionAnswer(answer: unknown): IDataObject {
	const body = isRecord(answer) ? answer : {};
	const permission = isRecord(body.permission) ? body.permission : {};
	return {
		status: typeof permission.status === 'string' ? permission.status : null,
		expiresAt: isoFromUnix(permission.expiration_time),
		actions: readActions(body.actions),
		permission: permission as IDataObject,
	};
}

export async function fetchCallPermission(graph: GraphClient, phoneNumberId: string, phone: string): Promise<IDataObject> {
	const answer = await graph.request({ method: 'GET', path: `/${phoneNumberId}/call_permissions`, qs: { user_wa_id: phone } });
	return readCallPermissionAnswer(answer);
}

/**
 * Why a permission request cannot be sent now, from the permission state; undefined when it can (or when
 * Meta's answer does not say: then Meta decides). `nextAllowedAt` is the latest reset of a used-up limit.
 */
export function permissionRequestBlocked(state: IDataObject): IDataObject | undefined {
	const action = Object.hasOwn(state.actions as object, PERMISSION_REQUEST_ACTION) ? (state.actions as Record<string, ActionState>)[PERMISSION_REQUEST_ACTION] : undefined;
	if (!action || action.allowed) return undefined;
	if (String(state.status).toLowerCase() === 'permanent') return { reason: 'permission_permanent', nextAllowedAt: null };
	const resets = action.limits
		.filter((limit) => Number(limit.currentUsage) >= Number(limit.maxAllowed) && typeof limit.resetsAt === 'string')
		.map((limit) => limit.resetsAt as string)
		.sort();
	return { reason: resets.length > 0 ? 'limit_reached' : 'not_allowed', nextAllowedAt: resets.pop() ?? null };
}
