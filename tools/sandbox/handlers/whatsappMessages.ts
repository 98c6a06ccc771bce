import { randomBytes } from 'crypto';
import { callingError, invalidParameter, MetaError, missingParameter, unsupportedRequest } from '../metaError';
import {
	currentPermission,
	parseWhatsAppMessage,
	permissionRequestLimits,
	permissionRequestRefusal,
	START_CALL_LIMIT,
} from '../rules/whatsappMessages';
import type { WhatsAppUser } from '../types';
import { nowSeconds, type GraphAnswer, type HandlerContext } from './context';

/*
 * POST /<PHONE_NUMBER_ID>/messages (Cloud API sends; the call button and call permission request are
 * checked in full) and GET /<PHONE_NUMBER_ID>/call_permissions?user_wa_id=.
 */

function findUser(ctx: HandlerContext, to: string | undefined, bsuid: string | undefined): WhatsAppUser | undefined {
	if (to) return ctx.state.whatsAppUsers[to];
	return Object.values(ctx.state.whatsAppUsers).find((user) => user.bsuid === bsuid);
}

function whatsAppError(code: 131026 | 131047, title: string, details: string): MetaError {
	return new MetaError({ message: `(#${code}) ${title}`, type: 'OAuthException', code, error_user_title: title, error_user_msg: details, details });
}

const UNDELIVERABLE =
	'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number, or the recipient is using an old WhatsApp version.';
const RE_ENGAGEMENT = 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.';

function checkCanSend(ctx: HandlerContext, phoneNumberId: string, user: WhatsAppUser | undefined, kind: string): void {
	if (!user) throw whatsAppError(131026, 'Message Undeliverable', UNDELIVERABLE);
	if (!user.withinWindow) throw whatsAppError(131047, 'Re-engagement message', RE_ENGAGEMENT);
	if (kind !== 'voice_call' && kind !== 'call_permission_request') return;
	if (ctx.state.phoneNumbers[phoneNumberId].calling.status !== 'ENABLED') {
		throw callingError(138000, 'Calling is not enabled for this phone number');
	}
	if (user.clientTooOld) throw whatsAppError(131026, 'Message Undeliverable', UNDELIVERABLE);
	if (kind === 'call_permission_request') {
		const refusal = permissionRequestRefusal(user, user.permissionRequests[phoneNumberId] ?? [], nowSeconds(ctx.now));
		if (refusal) throw invalidParameter(refusal);
	}
}

export function whatsAppMessages(ctx: HandlerContext, phoneNumberId: string): GraphAnswer {
	if (ctx.req.method !== 'POST') throw unsupportedRequest(ctx.req.method, phoneNumberId);
	const parsed = parseWhatsAppMessage(ctx.req.params);
	if (typeof parsed === 'string') throw invalidParameter(parsed);
	const user = findUser(ctx, parsed.to, parsed.bsuid);
	checkCanSend(ctx, phoneNumberId, user, parsed.kind);
	const found = user as WhatsAppUser;
	if (parsed.kind === 'call_permission_request') {
		(found.permissionRequests[phoneNumberId] ??= []).push(nowSeconds(ctx.now));
	}
	const messageId = `wamid.${randomBytes(24).toString('base64url')}`;
	ctx.recordMessage({
		phoneNumberId,
		recipientId: parsed.to ?? (parsed.bsuid as string),
		messageId,
		message: ctx.req.params.type === 'interactive' ? ctx.req.params.interactive : ctx.req.params,
		at: ctx.now.toISOString(),
	});
	const contact: Record<string, string> = { input: parsed.to ?? (parsed.bsuid as string), wa_id: found.waId };
	return { body: { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id: messageId }] } };
}

export function callPermissions(ctx: HandlerContext, phoneNumberId: string): GraphAnswer {
	if (ctx.req.method !== 'GET') throw unsupportedRequest(ctx.req.method, phoneNumberId);
	const waId = ctx.req.params.user_wa_id;
	if (typeof waId !== 'string' || waId === '') throw missingParameter('user_wa_id');
	const user = ctx.state.whatsAppUsers[waId.replace(/\D/g, '')];
	const now = nowSeconds(ctx.now);
	const permission = currentPermission(user, now);
	const requestLimits = permissionRequestLimits(user?.permissionRequests[phoneNumberId] ?? [], now);
	return {
		body: {
			messaging_product: 'whatsapp',
			permission,
			actions: [
				{
					action_name: 'send_call_permission_request',
					can_perform_action: permissionRequestRefusal(user, user?.permissionRequests[phoneNumberId] ?? [], now) === undefined,
					limits: requestLimits,
				},
				{
					action_name: 'start_call',
					can_perform_action: permission.status !== 'no_permission',
					limits: [{ ...START_CALL_LIMIT, current_usage: 0 }],
				},
			],
		},
	};
}
