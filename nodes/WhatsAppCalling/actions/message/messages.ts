import type { IDataObject } from 'n8n-workflow';

import { sendOrPreview } from '../../../shared/execution/request';
import type { GraphClient, GraphRequest } from '../../../shared/transport/types';
import { isRecord } from '../../../shared/validation';
import type { Recipient } from './fields';

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
		timePeriod: time_period as string,
		maxAllowed: max_allowed as number,
		currentUsage: current_usage as number,
		resetsAt: isoFromUnix(limit_expiration_time),
		...(other as IDataObject),
	};
}

/** Meta's actions list, keyed by Meta's action name (an action Meta adds later keeps its name). */
function readActions(actions: unknown): Record<string, ActionState> {
	const byName: Record<string, ActionState> = {};
	for (const action of (Array.isArray(actions) ? actions : []).slice(0, MAX_ACTIONS)) {
		if (!isRecord(action) || typeof action.action_name !== 'string') continue;
		const limits = (Array.isArray(action.limits) ? action.limits : []).slice(0, MAX_LIMITS).filter(isRecord).map(readLimit);
		byName[action.action_name] = { allowed: action.can_perform_action === true, limits };
	}
	return byName;
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
	const action = (state.actions as Record<string, ActionState>)[PERMISSION_REQUEST_ACTION];
	if (!action || action.allowed) return undefined;
	if (String(state.status).toLowerCase() === 'permanent') return { reason: 'permission_permanent', nextAllowedAt: null };
	const resets = action.limits
		.filter((limit) => Number(limit.currentUsage) >= Number(limit.maxAllowed) && typeof limit.resetsAt === 'string')
		.map((limit) => limit.resetsAt as string)
		.sort();
	return { reason: resets.length > 0 ? 'limit_reached' : 'not_allowed', nextAllowedAt: resets.pop() ?? null };
}
