import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError, isBlank } from '../../../shared/validation';

/*
 * The fields the message and call permission operations share, with their readers and pure checks.
 * A recipient is a phone number with country code, or (since mid-2026) a business-scoped user ID.
 */

/** Meta's business-scoped user ID: a country code, a dot, an opaque ID (US.13491208655302741918). */
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]{1,64}$/;
/** The separators people write phone numbers with; E.164 allows at most 15 digits. */
const PHONE_SEPARATORS = /[\s().-]/g;

export interface Recipient {
	/** digits of the phone number (Meta's `to` and `user_wa_id`) */
	phone?: string;
	/** business-scoped user ID (Meta's `recipient`) */
	bsuid?: string;
}

export function recipientField(displayOptions: IDisplayOptions, bsuid = true): INodeProperties {
	return {
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+49 151 23456789',
		description: `Phone number with country code${bsuid ? ', or business-scoped user ID' : ''}`,
		displayOptions,
	};
}

export function parseRecipient(value: unknown, phoneOnly = false): Recipient {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof text === 'string') {
		const trimmed = text.trim();
		const digits = trimmed.replace(PHONE_SEPARATORS, '').replace(/^(\+|00)/, '');
		if (/^\d{7,15}$/.test(digits)) return { phone: digits };
		if (!phoneOnly && BSUID.test(trimmed)) return { bsuid: trimmed };
	}
	const bsuidRule = phoneOnly ? '' : ', or a business-scoped user ID such as US.13491208655302741918';
	throw new InputError('recipient', `must be a phone number with country code, e.g. +49 151 23456789${bsuidRule}`);
}

export function readRecipient(ctx: IExecuteFunctions, itemIndex: number, phoneOnly = false): Recipient {
	return parseRecipient(ctx.getNodeParameter('recipient', itemIndex, ''), phoneOnly);
}

/** How the output names the recipient: the number or the ID as Meta takes it. */
export function recipientText(recipient: Recipient): string {
	return recipient.phone ?? recipient.bsuid ?? '';
}

/** Meta's limit for the body of an interactive message. */
const MAX_BODY_LENGTH = 1024;

export function bodyTextField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description,
		displayOptions,
	};
}

export function parseBodyText(value: unknown): string {
	if (isBlank(value) || typeof value !== 'string') throw new InputError('bodyText', 'must be the message text');
	if (value.length > MAX_BODY_LENGTH) throw new InputError('bodyText', `must be at most ${MAX_BODY_LENGTH} characters (it has ${value.length})`);
	return value;
}

/** Optional text with a length limit: empty = left out (Meta's default). */
export function parseOptionalText(value: unknown, field: string, max: number): string | undefined {
	if (isBlank(value)) return undefined;
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || text.length > max) throw new InputError(field, `must be text of at most ${max} characters`);
	return text;
}

/** The call button's lifetime in minutes, Meta's ttl_minutes. */
const MAX_LIFETIME_MINUTES = 43200;
const UNIT_MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1 };

/** "7d", "12h", "1d 12h", "90m" or a number of minutes -> minutes, 1 to 43,200 (30 days). Empty = Meta's 7 days. */
export function parseLifetime(value: unknown, field: string): number | undefined {
	if (isBlank(value)) return undefined;
	const text = String(value).trim().toLowerCase();
	const parts = /^\d+$/.test(text) ? [[text, text, 'm']] : [...text.matchAll(/(\d+)\s*([dhm])\s*/g)];
	const matched = parts.map((part) => part[0]).join('');
	const minutes = parts.reduce((sum, part) => sum + Number(part[1]) * UNIT_MINUTES[part[2]], 0);
	if (matched.length !== text.length || minutes < 1 || minutes > MAX_LIFETIME_MINUTES) {
		throw new InputError(field, 'must be from 1m to 30d, e.g. 30m, 12h, 7d or 1d 12h');
	}
	return minutes;
}
