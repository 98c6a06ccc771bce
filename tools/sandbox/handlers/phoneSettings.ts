import { newSipPassword } from '../seed';
import { callingError, invalidParameter, missingParameter, MetaError, unsupportedRequest } from '../metaError';
import { presentRestrictions, presentWhatsAppCalling } from '../present';
import { checkCallingUpdate } from '../rules/whatsappCalling';
import { isObject } from '../rules/time';
import type { PhoneNumber, SipServer, WhatsAppCalling, WhatsAppCallHours } from '../types';
import { accountSettingsUpdate } from '../webhooks/payloads';
import { nowSeconds, type GraphAnswer, type HandlerContext } from './context';

/** GET|POST /<PHONE_NUMBER_ID>/settings. */
export function phoneSettings(ctx: HandlerContext, phoneId: string): GraphAnswer {
	const phone = ctx.state.phoneNumbers[phoneId];
	if (ctx.req.method === 'GET') return getSettings(ctx, phone);
	if (ctx.req.method === 'POST') return postSettings(ctx, phone);
	throw unsupportedRequest(ctx.req.method, phoneId);
}

function getSettings(ctx: HandlerContext, phone: PhoneNumber): GraphAnswer {
	const style = ctx.styleOf(phone.id);
	const withPasswords = String(ctx.req.params.include_sip_credentials) === 'true';
	const body: Record<string, unknown> = { calling: presentWhatsAppCalling(phone.calling, style, withPasswords) };
	const restrictions = presentRestrictions(phone.restrictions, style, nowSeconds(ctx.now));
	if (restrictions !== undefined) body.restrictions = restrictions;
	return { body };
}

function postSettings(ctx: HandlerContext, phone: PhoneNumber): GraphAnswer {
	const update = ctx.req.params.calling;
	if (update === undefined) throw missingParameter('calling');
	const violation = checkCallingUpdate(update, ctx.now);
	if (violation) throw invalidParameter(violation);
	const calling = update as Record<string, unknown>;
	// During a calling pause Meta refuses every change of the calling settings until the pause expires.
	const lock = phone.restrictions.find((r) => r.expiration > nowSeconds(ctx.now));
	if (lock) {
		throw callingError(138014, `Calling settings cannot be changed while the number is under the restriction ${lock.type}`);
	}
	const refusal = enablingRefusal(phone, calling);
	if (refusal) throw refusal;

	const before = watchedFields(phone.calling);
	phone.calling = applyCallingUpdate(phone.calling, calling);
	const changed = watchedFields(phone.calling) !== before;
	const webhooks = changed
		? [accountSettingsUpdate(phone, ctx.styleOf(phone.id), nowSeconds(ctx.now))]
		: [];
	return { body: { success: true }, webhooks };
}

/** Turning calling on needs a messaging limit of 2000 (138015) and Meta's other prerequisites (138018). */
export function enablingRefusal(phone: PhoneNumber, update: Record<string, unknown>): MetaError | undefined {
	if (update.status !== 'ENABLED' || phone.calling.status === 'ENABLED') return undefined;
	if (phone.messagingLimit < 2000) {
		return callingError(
			138015,
			'Calling cannot be enabled: the messaging limit of this business phone number is below 2000',
		);
	}
	if (!phone.callingPrerequisitesMet) {
		return callingError(138018, 'Calling prerequisites are not met for this business phone number');
	}
	return undefined;
}

/** account_settings_update fires only for these fields (seed page 002). */
export function watchedFields(calling: WhatsAppCalling): string {
	return JSON.stringify([
		calling.status,
		calling.call_icon_visibility,
		calling.callback_permission_status,
		calling.sip?.status,
		calling.srtp_key_exchange_protocol,
	]);
}

/**
 * Meta's merge: each field given replaces that field and the others stay; call_hours is replaced as a
 * whole, so a call_hours without holiday_schedule deletes the holidays. `sip.servers`, when given,
 * replaces the server list (an empty list deletes the server). Pure apart from new SIP passwords.
 */
export function applyCallingUpdate(current: WhatsAppCalling, update: Record<string, unknown>): WhatsAppCalling {
	const next: WhatsAppCalling = { ...current };
	if (update.status !== undefined) next.status = update.status as WhatsAppCalling['status'];
	if (update.call_icon_visibility !== undefined) {
		next.call_icon_visibility = update.call_icon_visibility as WhatsAppCalling['call_icon_visibility'];
	}
	if (update.callback_permission_status !== undefined) {
		next.callback_permission_status = update.callback_permission_status as WhatsAppCalling['status'];
	}
	if (update.srtp_key_exchange_protocol !== undefined) {
		next.srtp_key_exchange_protocol = update.srtp_key_exchange_protocol as WhatsAppCalling['srtp_key_exchange_protocol'];
	}
	if (isObject(update.call_icons)) {
		next.call_icons = { restrict_to_user_countries: [...(update.call_icons.restrict_to_user_countries as string[])] };
	}
	if (isObject(update.audio)) next.audio = { additional_codecs: [...(update.audio.additional_codecs as string[])] };
	if (isObject(update.call_hours)) next.call_hours = storedCallHours(update.call_hours);
	if (isObject(update.sip)) next.sip = mergeSip(current.sip, update.sip);
	return next;
}

function storedCallHours(hours: Record<string, unknown>): WhatsAppCallHours {
	const weekly = hours.weekly_operating_hours as Array<Record<string, string>>;
	const holidays = (hours.holiday_schedule ?? []) as Array<Record<string, string>>;
	return {
		status: hours.status as WhatsAppCallHours['status'],
		timezone_id: hours.timezone_id as string,
		weekly_operating_hours: weekly.map((e) => ({
			day_of_week: e.day_of_week as WhatsAppCallHours['weekly_operating_hours'][number]['day_of_week'],
			open_time: e.open_time,
			close_time: e.close_time,
		})),
		holiday_schedule: holidays.map((h) => ({ date: h.date, start_time: h.start_time, end_time: h.end_time })),
	};
}

function mergeSip(current: WhatsAppCalling['sip'], update: Record<string, unknown>): NonNullable<WhatsAppCalling['sip']> {
	const status = (update.status ?? current?.status ?? 'DISABLED') as 'ENABLED' | 'DISABLED';
	if (!Array.isArray(update.servers)) return { status, servers: current?.servers ?? [] };
	const servers = (update.servers as Array<Record<string, unknown>>).map((server): SipServer => {
		const kept = current?.servers.find((s) => s.hostname === server.hostname);
		const stored: SipServer = {
			hostname: server.hostname as string,
			port: (server.port as number | undefined) ?? 5061,
			sip_user_password: kept?.sip_user_password ?? newSipPassword(),
		};
		if (isObject(server.request_uri_user_params)) {
			stored.request_uri_user_params = { ...(server.request_uri_user_params as Record<string, string>) };
		}
		return stored;
	});
	return { status, servers };
}

/** /<PHONE_NUMBER_ID>/calls: not used by the package, present so 131055 and 138000 can be seen where they apply. */
export function phoneCalls(ctx: HandlerContext, phoneId: string): GraphAnswer {
	const phone = ctx.state.phoneNumbers[phoneId];
	if (phone.calling.sip?.status === 'ENABLED') {
		throw callingError(131055, 'Calling Graph endpoints are not available while SIP is enabled on this number');
	}
	if (phone.calling.status !== 'ENABLED') {
		throw callingError(138000, 'Calling is not enabled for this business phone number');
	}
	if (ctx.req.method === 'POST') return { body: { messaging_product: 'whatsapp', calls: [{ id: `wacid.${Date.now()}` }] } };
	return { body: { data: [] } };
}
