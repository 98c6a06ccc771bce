/**
 * The sandbox's in-memory model of what Meta stores. Field names follow Meta's JSON so that a stored
 * value can be answered as is; flags that Meta keeps on its side (messaging limit, eligibility, ...) sit
 * beside them so tests can put an object into the state that triggers a given error.
 */

export type OnOff = 'ENABLED' | 'DISABLED';
export type DayOfWeek = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export interface WeeklyHours {
	day_of_week: DayOfWeek;
	open_time: string;
	close_time: string;
}

export interface Holiday {
	date: string;
	start_time: string;
	end_time: string;
}

export interface WhatsAppCallHours {
	status: OnOff;
	timezone_id: string;
	weekly_operating_hours: WeeklyHours[];
	holiday_schedule: Holiday[];
}

export interface SipServer {
	hostname: string;
	port: number;
	request_uri_user_params?: Record<string, string>;
	/** Meta generates it; answered only with include_sip_credentials=true. */
	sip_user_password: string;
}

/** A phone number's `calling` settings; an absent field was never set. */
export interface WhatsAppCalling {
	status?: OnOff;
	call_icon_visibility?: 'DEFAULT' | 'DISABLE_ALL';
	call_icons?: { restrict_to_user_countries: string[] };
	call_hours?: WhatsAppCallHours;
	callback_permission_status?: OnOff;
	sip?: { status: OnOff; servers: SipServer[] };
	srtp_key_exchange_protocol?: 'DTLS' | 'SDES';
	audio?: { additional_codecs: string[] };
}

export interface Restriction {
	type: string;
	reason: string;
	/** Unix seconds. */
	expiration: number;
}

export interface PhoneNumber {
	id: string;
	wabaId: string;
	display_phone_number: string;
	verified_name: string;
	/** Meta's messaging quality of the number: GREEN, YELLOW, RED or UNKNOWN. */
	quality_rating: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';
	calling: WhatsAppCalling;
	restrictions: Restriction[];
	/** Business-initiated conversations per 24 h; below 2000 calling cannot be enabled (138015). */
	messagingLimit: number;
	/** False makes enabling calling fail with 138018. */
	callingPrerequisitesMet: boolean;
}

export interface Waba {
	id: string;
	name: string;
	/** App ids subscribed with POST /<WABA_ID>/subscribed_apps. */
	subscribedApps: string[];
}

export interface MessengerCallHours {
	timezone_id: string;
	weekly_operating_hours: WeeklyHours[];
}

export type RingTarget = 'META' | 'PARTNERS';

export interface Page {
	id: string;
	name: string;
	icon_enabled: boolean;
	audio_enabled: boolean;
	video_enabled: boolean;
	call_routing: { ring_target: RingTarget };
	call_hours?: MessengerCallHours;
	/** False: call_prompt messages fail with 138000. */
	callingEnabled: boolean;
	/** False: the token lacks pages_messaging, sending fails with 200. */
	canSendMessages: boolean;
	/** False: ring_target PARTNERS fails with "Page not yet eligible". */
	partnersEligible: boolean;
	/** App id -> subscribed_fields, from POST /<PAGE_ID>/subscribed_apps. */
	subscribedApps: Record<string, string[]>;
}

/** A Messenger user as a PSID. */
export interface Recipient {
	id: string;
	/** Pages this PSID belongs to (a PSID is page-scoped). */
	pageIds: string[];
	/** False: the 24 h messaging window is closed, sending fails. */
	withinWindow: boolean;
}

/** A WhatsApp user the demo numbers can message, keyed by phone digits (wa_id). */
export interface WhatsAppUser {
	waId: string;
	/** business-scoped user ID, e.g. US.13491208655302741918 */
	bsuid?: string;
	/** False: the 24-hour customer service window is closed, free-form sends fail with 131047. */
	withinWindow: boolean;
	/** True: the WhatsApp client cannot show call buttons, sends fail with 131026. */
	clientTooOld: boolean;
	/** The person's answer to call permission requests (Meta's spelling). */
	permission: { status: 'no_permission' | 'temporary' | 'permanent'; expiration_time?: number };
	/** phone number id -> unix seconds of each call permission request sent (for the limits). */
	permissionRequests: Record<string, number[]>;
}

export interface AppSubscription {
	object: string;
	callback_url: string;
	verify_token: string;
	include_values: boolean;
	fields: string[];
	active: boolean;
}

export interface App {
	id: string;
	secret: string;
	name: string;
	/** One subscription (callback URL) per object, keyed by object. */
	subscriptions: Record<string, AppSubscription>;
}

/**
 * Meta's sources disagree on spellings; an object can be told to answer in the alternative ones so the
 * nodes' defensive reading is tested against each. Applies to GET answers and to webhooks about the object.
 */
export interface AnswerStyle {
	/** ENABLED -> enabled, MONDAY -> monday, META -> meta, ... */
	lowercaseEnums?: boolean;
	/** call_icon_visibility DEFAULT -> visible, DISABLE_ALL -> hidden. */
	iconVisibilityWords?: boolean;
	/** srtp_key_exchange_protocol DTLS -> DTLS-SRTP, SDES -> SDES-SRTP. */
	srtpWithSuffix?: boolean;
	/** Settings never set are answered as NOT_SET (call_hours as {status:"NOT_SET"}) instead of left out. */
	notSetForUnset?: boolean;
	/**
	 * Where the restriction entries sit: restrictions.restriction_list (default, the seed page),
	 * restrictions.restrictions_list, or `restrictions` being the list itself.
	 */
	restrictionListKey?: 'restriction_list' | 'restrictions_list' | 'restrictions';
	/** GET messenger_call_settings answers {"data":[{...}]} instead of the flat object. */
	dataArray?: boolean;
}

export interface SandboxState {
	app: App;
	wabas: Record<string, Waba>;
	phoneNumbers: Record<string, PhoneNumber>;
	pages: Record<string, Page>;
	recipients: Record<string, Recipient>;
	/** WhatsApp users by wa_id (phone digits). */
	whatsAppUsers: Record<string, WhatsAppUser>;
	/** Object id -> how that object answers. */
	answerStyles: Record<string, AnswerStyle>;
	/** The Page that /me stands for with the sandbox token (first seeded Page). */
	mePageId?: string;
}
