import type { WhatsAppUser } from '../types';

/*
 * The WhatsApp Cloud API messages that let a person call the business (call button, call permission
 * request) and the per-person limits of permission requests. Pure: each check returns the broken rule's text.
 */

export const PERMISSION_REQUEST_LIMITS = [
	{ time_period: 'PT24H', seconds: 24 * 3600, max_allowed: 1 },
	{ time_period: 'P7D', seconds: 7 * 24 * 3600, max_allowed: 2 },
] as const;

/** How many calls a business may start per person per 24 h (the permission state's start_call action). */
export const START_CALL_LIMIT = { time_period: 'PT24H', max_allowed: 100 } as const;

export interface ParsedWhatsAppMessage {
	/** `to` digits, or the business-scoped ID in `recipient` (`to` wins when both are given) */
	to?: string;
	bsuid?: string;
	/** voice_call, call_permission_request, or another interactive type / message type as sent */
	kind: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkVoiceCallParameters(parameters: unknown): string | undefined {
	if (parameters === undefined) return undefined;
	if (!isRecord(parameters)) return 'action.parameters must be an object';
	const { display_text: displayText, ttl_minutes: ttl, payload } = parameters;
	if (displayText !== undefined && (typeof displayText !== 'string' || displayText.length > 20)) {
		return 'display_text must be a string of at most 20 characters';
	}
	if (ttl !== undefined && (!Number.isInteger(ttl) || (ttl as number) < 1 || (ttl as number) > 43200)) {
		return 'ttl_minutes must be an integer from 1 to 43200';
	}
	if (payload !== undefined && (typeof payload !== 'string' || payload.length > 512)) {
		return 'payload must be a string of at most 512 characters';
	}
	return undefined;
}

function checkInteractive(interactive: unknown): string | undefined {
	if (!isRecord(interactive)) return 'interactive is required for type interactive';
	const body = interactive.body;
	if (interactive.type !== 'voice_call' && interactive.type !== 'call_permission_request') return undefined;
	if (!isRecord(body) || typeof body.text !== 'string' || body.text.length === 0 || body.text.length > 1024) {
		return 'interactive.body.text is required (at most 1024 characters)';
	}
	const action = isRecord(interactive.action) ? interactive.action : {};
	if (action.name !== interactive.type) return `interactive.action.name must be ${String(interactive.type)}`;
	if (interactive.type === 'voice_call') return checkVoiceCallParameters(action.parameters);
	return action.parameters === undefined ? undefined : 'call_permission_request takes no action.parameters';
}

export function parseWhatsAppMessage(params: Record<string, unknown>): ParsedWhatsAppMessage | string {
	if (params.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
	const to = typeof params.to === 'string' ? params.to.replace(/\D/g, '') : undefined;
	const bsuid = typeof params.recipient === 'string' ? params.recipient : undefined;
	if (!to && !bsuid) return 'to or recipient is required';
	const type = typeof params.type === 'string' ? params.type : 'text';
	if (type !== 'interactive') return { to, bsuid, kind: type };
	const broken = checkInteractive(params.interactive);
	if (broken) return broken;
	return { to, bsuid, kind: String((params.interactive as Record<string, unknown>).type) };
}

/** A temporary permission that has run out reads as no permission. */
export function currentPermission(user: WhatsAppUser | undefined, nowSeconds: number): { status: string; expiration_time?: number } {
	const permission = user?.permission ?? { status: 'no_permission' };
	if (permission.status === 'temporary' && (permission.expiration_time ?? 0) <= nowSeconds) return { status: 'no_permission' };
	return permission;
}

/** The limits of send_call_permission_request as Meta reports them, counted from the requests sent. */
export function permissionRequestLimits(sentAt: readonly number[], nowSeconds: number) {
	return PERMISSION_REQUEST_LIMITS.map((limit) => {
		const inPeriod = sentAt.filter((at) => at > nowSeconds - limit.seconds).sort((a, b) => a - b);
		const entry: Record<string, unknown> = { time_period: limit.time_period, max_allowed: limit.max_allowed, current_usage: inPeriod.length };
		// Used up: the limit frees a request when the oldest one counted leaves the period.
		if (inPeriod.length >= limit.max_allowed) entry.limit_expiration_time = inPeriod[inPeriod.length - limit.max_allowed] + limit.seconds;
		return entry;
	});
}

/** Why a permission request cannot be sent now; undefined when it can. */
export function permissionRequestRefusal(user: WhatsAppUser | undefined, sentAt: readonly number[], nowSeconds: number): string | undefined {
	if (currentPermission(user, nowSeconds).status === 'permanent') return 'The user has already granted permanent call permission';
	const used = permissionRequestLimits(sentAt, nowSeconds).find((limit) => limit.limit_expiration_time !== undefined);
	return used ? `Call permission request limit reached (${String(used.max_allowed)} per ${String(used.time_period)})` : undefined;
}
