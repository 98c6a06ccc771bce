import { randomBytes } from 'crypto';
import type { Page, PhoneNumber, SandboxState, WeeklyHours, WhatsAppUser } from './types';

/** The fixed demo data every engineer, test and demo uses (see the team brief). */
export const DEMO = {
	accessToken: 'sandbox-access-token',
	appId: '1000000000000001',
	appSecret: 'sandbox-app-secret',
	appToken: '1000000000000001|sandbox-app-secret',
	wabaId: '2000000000000001',
	phoneNumberId: '3000000000000001',
	disabledPhoneNumberId: '3000000000000002',
	pageId: '4000000000000001',
	pageWithoutHoursId: '4000000000000002',
	psid: '5000000000000001',
	/** A WhatsApp user within the 24-hour window of the demo numbers. */
	waUser: '4915123456789',
	waUserBsuid: 'DE.13491208655302741918',
	/** A WhatsApp user who allowed the demo numbers to call them (permanent permission). */
	waUserWhoAllowsCalls: '4915123456780',
	/** Bulk phone numbers are BULK_PHONE_BASE, +1, +2, ... (as decimal strings). */
	bulkPhoneNumberBase: '3100000000000000',
	/** Bulk Pages are BULK_PAGE_BASE, +1, +2, ... */
	bulkPageBase: '4100000000000000',
} as const;

/** How much extra data a seed carries, for paging and load tests. */
export interface BulkSizes {
	/** Extra phone numbers in the demo WABA. */
	bulkPhoneNumbers?: number;
	/** Extra Pages the sandbox token manages (GET /me/accounts). */
	bulkPages?: number;
}

export type SeedName = 'demo' | 'empty';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;

function nineToFive(): WeeklyHours[] {
	return WEEKDAYS.map((day) => ({ day_of_week: day, open_time: '0900', close_time: '1700' }));
}

export function newSipPassword(): string {
	return randomBytes(12).toString('base64url');
}

function enabledPhone(id: string, wabaId: string, display: string): PhoneNumber {
	return {
		id,
		wabaId,
		display_phone_number: display,
		verified_name: 'Sandbox Business',
		quality_rating: 'GREEN',
		calling: {
			status: 'ENABLED',
			call_icon_visibility: 'DEFAULT',
			call_hours: {
				status: 'ENABLED',
				timezone_id: 'Europe/Berlin',
				weekly_operating_hours: nineToFive(),
				holiday_schedule: [],
			},
			callback_permission_status: 'DISABLED',
			sip: { status: 'DISABLED', servers: [] },
			srtp_key_exchange_protocol: 'DTLS',
		},
		restrictions: [],
		messagingLimit: 10000,
		callingPrerequisitesMet: true,
	};
}

/** Decimal string addition without floating point (ids are 16 digits, above 2^53 once summed). */
function addToId(base: string, n: number): string {
	return (BigInt(base) + BigInt(n)).toString();
}

export function emptyState(): SandboxState {
	return {
		app: { id: DEMO.appId, secret: DEMO.appSecret, name: 'Sandbox App', subscriptions: {} },
		wabas: {},
		phoneNumbers: {},
		pages: {},
		recipients: {},
		whatsAppUsers: {},
		answerStyles: {},
	};
}

function pageWithoutHours(id: string, name: string): Page {
	return {
		id,
		name,
		icon_enabled: true,
		audio_enabled: true,
		video_enabled: false,
		call_routing: { ring_target: 'META' },
		callingEnabled: true,
		canSendMessages: true,
		partnersEligible: true,
		subscribedApps: {},
	};
}

export function demoState({ bulkPhoneNumbers = 0, bulkPages = 0 }: BulkSizes = {}): SandboxState {
	const state = emptyState();
	state.wabas[DEMO.wabaId] = { id: DEMO.wabaId, name: 'Sandbox WABA', subscribedApps: [] };
	state.phoneNumbers[DEMO.phoneNumberId] = enabledPhone(DEMO.phoneNumberId, DEMO.wabaId, '+1 555-010-0001');
	state.phoneNumbers[DEMO.disabledPhoneNumberId] = {
		id: DEMO.disabledPhoneNumberId,
		wabaId: DEMO.wabaId,
		display_phone_number: '+1 555-010-0002',
		verified_name: 'Sandbox Support',
		quality_rating: 'YELLOW',
		calling: { status: 'DISABLED', call_icon_visibility: 'DEFAULT' },
		restrictions: [],
		messagingLimit: 10000,
		callingPrerequisitesMet: true,
	};
	for (let i = 0; i < bulkPhoneNumbers; i++) {
		const id = addToId(DEMO.bulkPhoneNumberBase, i);
		state.phoneNumbers[id] = enabledPhone(id, DEMO.wabaId, `+1 555-${String(i).padStart(7, '0')}`);
	}
	state.pages[DEMO.pageId] = {
		id: DEMO.pageId,
		name: 'Sandbox Page One',
		icon_enabled: true,
		audio_enabled: true,
		video_enabled: false,
		call_routing: { ring_target: 'META' },
		call_hours: { timezone_id: 'America/Los_Angeles', weekly_operating_hours: nineToFive() },
		callingEnabled: true,
		canSendMessages: true,
		partnersEligible: true,
		subscribedApps: {},
	};
	state.pages[DEMO.pageWithoutHoursId] = pageWithoutHours(DEMO.pageWithoutHoursId, 'Sandbox Page Two');
	for (let i = 0; i < bulkPages; i++) {
		const id = addToId(DEMO.bulkPageBase, i);
		state.pages[id] = pageWithoutHours(id, `Sandbox Bulk Page ${String(i).padStart(4, '0')}`);
	}
	state.recipients[DEMO.psid] = {
		id: DEMO.psid,
		pageIds: [DEMO.pageId, DEMO.pageWithoutHoursId],
		withinWindow: true,
	};
	state.whatsAppUsers[DEMO.waUser] = newWhatsAppUser({ waId: DEMO.waUser, bsuid: DEMO.waUserBsuid });
	state.whatsAppUsers[DEMO.waUserWhoAllowsCalls] = newWhatsAppUser({ waId: DEMO.waUserWhoAllowsCalls, permission: { status: 'permanent' } });
	state.mePageId = DEMO.pageId;
	return state;
}

export function newWhatsAppUser(fields: Partial<WhatsAppUser> & { waId: string }): WhatsAppUser {
	return { withinWindow: true, clientTooOld: false, permission: { status: 'no_permission' }, permissionRequests: {}, ...fields };
}

export function seedState(seed: SeedName, bulk: BulkSizes = {}): SandboxState {
	return seed === 'empty' ? emptyState() : demoState(bulk);
}
