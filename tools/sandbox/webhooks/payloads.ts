import { presentPageSettings, presentWhatsAppCalling } from '../present';
import type { AnswerStyle, Page, PhoneNumber } from '../types';
import type { WebhookEvent } from '../handlers/context';

/** The webhook bodies Meta sends after a settings change (shapes of the seed pages and the notes). Pure. */

export function accountSettingsUpdate(phone: PhoneNumber, style: AnswerStyle, nowSeconds: number): WebhookEvent {
	const body = {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: phone.wabaId,
				time: nowSeconds,
				changes: [
					{
						field: 'account_settings_update',
						value: {
							messaging_product: 'whatsapp',
							timestamp: nowSeconds,
							type: 'PHONE_NUMBER_SETTINGS',
							phone_number_settings: {
								phone_number_id: phone.id,
								calling: presentWhatsAppCalling(phone.calling, style),
							},
						},
					},
				],
			},
		],
	};
	return { object: 'whatsapp_business_account', field: 'account_settings_update', accountId: phone.wabaId, body };
}

/** Messenger puts the settings in entry[].call_settings (not in changes[]), with call_routing as a bare enum. */
export function callSettingsUpdate(page: Page, style: AnswerStyle, nowSeconds: number): WebhookEvent {
	const settings = presentPageSettings(page, style);
	const callSettings: Record<string, unknown> = {
		audio_enabled: settings.audio_enabled,
		icon_enabled: settings.icon_enabled,
		video_enabled: settings.video_enabled,
		call_routing: (settings.call_routing as { ring_target: string }).ring_target,
	};
	if (settings.call_hours) callSettings.call_hours = settings.call_hours;
	const body = { object: 'page', entry: [{ id: page.id, time: nowSeconds, call_settings: callSettings }] };
	return { object: 'page', field: 'call_settings_update', accountId: page.id, body };
}
