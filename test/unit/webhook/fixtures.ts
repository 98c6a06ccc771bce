/**
 * Deliveries shaped like the seed documents (../shared/seeds): the Page example of the Messenger page
 * (made valid JSON: real ids instead of <PAGE_ID>, no trailing commas) and the WhatsApp envelopes of
 * meta-api-notes.md.
 */

export const WABA_ID = '2000000000000001';
export const PHONE_1 = '3000000000000001';
export const PHONE_2 = '3000000000000002';
export const PAGE_1 = '4000000000000001';

export const callingSettings = {
	status: 'ENABLED',
	call_icon_visibility: 'DEFAULT',
	callback_permission_status: 'ENABLED',
	call_hours: {
		status: 'ENABLED',
		timezone_id: 'Europe/Berlin',
		weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }],
	},
	sip: { status: 'DISABLED' },
};

export function settingsChange(phoneNumberId: string, calling: object = callingSettings) {
	return {
		field: 'account_settings_update',
		value: {
			messaging_product: 'whatsapp',
			timestamp: 1767225600,
			type: 'PHONE_NUMBER_SETTINGS',
			phone_number_settings: { phone_number_id: phoneNumberId, calling },
		},
	};
}

export const violationChange = {
	field: 'account_update',
	value: {
		phone_number: '+1 650-555-0101',
		event: 'ACCOUNT_VIOLATION',
		violation_info: { violation_type: 'LOW_USER_INITIATED_CALLING_QUALITY' },
	},
};

export const restrictionChange = {
	field: 'account_update',
	value: {
		phone_number: '16505550101',
		event: 'ACCOUNT_RESTRICTION',
		restriction_info: [
			{ restriction_type: 'RESTRICTED_BIZ_INITIATED_AND_USER_INITIATED_CALLING', expiration: 1767830400 },
			{ restriction_type: 'RESTRICTED_ADD_PHONE_NUMBER_ACTION', expiration: 1767830400 },
		],
	},
};

/** An account_update that has nothing to do with calling. */
export const otherAccountChange = {
	field: 'account_update',
	value: { phone_number: '16505550101', event: 'VERIFIED_ACCOUNT' },
};

export function whatsAppDelivery(...entries: Array<{ id?: string; time?: number; changes: object[] }>) {
	return {
		object: 'whatsapp_business_account',
		entry: entries.map((entry) => ({ id: entry.id ?? WABA_ID, time: entry.time ?? 1767225600, changes: entry.changes })),
	};
}

/** The seed page's call_settings_update example. */
export const pageSeedDelivery = {
	object: 'page',
	entry: [
		{
			id: PAGE_1,
			time: 1671644824,
			call_settings: {
				audio_enabled: true,
				icon_enabled: true,
				call_routing: 'PARTNERS',
				call_hours: {
					timezone_id: 'timezone_id',
					weekly_operating_hours: [
						{ day_of_week: 'MONDAY', open_time: '0400', close_time: '1020' },
						{ day_of_week: 'TUESDAY', open_time: '0108', close_time: '1020' },
					],
				},
			},
		},
	],
};
