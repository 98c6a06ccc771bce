import type { AnswerStyle, Page, Restriction, WeeklyHours, WhatsAppCalling } from './types';

/**
 * Turns stored settings into Meta's answer shapes, in the seed pages' spellings by default or in the
 * alternative spellings of meta-api-notes.md when the object's AnswerStyle asks for them. Pure.
 */

const NOT_SET = 'NOT_SET';

function spellEnum(value: string, style: AnswerStyle): string {
	return style.lowercaseEnums ? value.toLowerCase() : value;
}

function spellIconVisibility(value: string, style: AnswerStyle): string {
	if (style.iconVisibilityWords) return value === 'DISABLE_ALL' ? 'hidden' : 'visible';
	return spellEnum(value, style);
}

function spellSrtp(value: string, style: AnswerStyle): string {
	return spellEnum(style.srtpWithSuffix ? `${value}-SRTP` : value, style);
}

function spellWeekly(hours: WeeklyHours[], style: AnswerStyle): WeeklyHours[] {
	return hours.map((h) => ({ ...h, day_of_week: spellEnum(h.day_of_week, style) as WeeklyHours['day_of_week'] }));
}

/** An unset enum is left out, or answered NOT_SET when the style says so. */
function setEnum(
	target: Record<string, unknown>,
	key: string,
	value: string | undefined,
	style: AnswerStyle,
	spell: (v: string, s: AnswerStyle) => string,
): void {
	if (value !== undefined) target[key] = spell(value, style);
	else if (style.notSetForUnset) target[key] = NOT_SET;
}

/** The `calling` object of GET /<PHONE_NUMBER_ID>/settings (and of account_settings_update). */
export function presentWhatsAppCalling(
	calling: WhatsAppCalling,
	style: AnswerStyle,
	includeSipPasswords = false,
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	setEnum(out, 'status', calling.status, style, spellEnum);
	setEnum(out, 'call_icon_visibility', calling.call_icon_visibility, style, spellIconVisibility);
	if (calling.call_icons) {
		out.call_icons = { restrict_to_user_countries: [...calling.call_icons.restrict_to_user_countries] };
	}
	if (calling.call_hours) {
		const hours = calling.call_hours;
		out.call_hours = {
			status: spellEnum(hours.status, style),
			timezone_id: hours.timezone_id,
			weekly_operating_hours: spellWeekly(hours.weekly_operating_hours, style),
			holiday_schedule: hours.holiday_schedule.map((h) => ({ ...h })),
		};
	} else if (style.notSetForUnset) {
		out.call_hours = { status: NOT_SET };
	}
	setEnum(out, 'callback_permission_status', calling.callback_permission_status, style, spellEnum);
	if (calling.sip) {
		out.sip = {
			status: spellEnum(calling.sip.status, style),
			servers: calling.sip.servers.map(({ sip_user_password, ...server }) =>
				includeSipPasswords ? { ...server, sip_user_password } : { ...server },
			),
		};
	}
	setEnum(out, 'srtp_key_exchange_protocol', calling.srtp_key_exchange_protocol, style, spellSrtp);
	if (calling.audio) out.audio = { additional_codecs: [...calling.audio.additional_codecs] };
	return out;
}

/** The `restrictions` value of GET settings, or undefined when no restriction is in force at `nowSeconds`. */
export function presentRestrictions(
	restrictions: Restriction[],
	style: AnswerStyle,
	nowSeconds: number,
): unknown {
	const current = restrictions.filter((r) => r.expiration > nowSeconds).map((r) => ({ ...r }));
	if (current.length === 0) return undefined;
	const key = style.restrictionListKey ?? 'restriction_list';
	return key === 'restrictions' ? current : { [key]: current };
}

/** Every Messenger call setting of a Page, flat, in the seed page's shape. */
export function presentPageSettings(page: Page, style: AnswerStyle): Record<string, unknown> {
	const out: Record<string, unknown> = {
		icon_enabled: page.icon_enabled,
		audio_enabled: page.audio_enabled,
		video_enabled: page.video_enabled,
		call_routing: { ring_target: spellEnum(page.call_routing.ring_target, style) },
	};
	if (page.call_hours) {
		out.call_hours = {
			timezone_id: page.call_hours.timezone_id,
			weekly_operating_hours: spellWeekly(page.call_hours.weekly_operating_hours, style),
		};
	}
	return out;
}
