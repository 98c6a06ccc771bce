import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseObjectId } from '../validation';

/**
 * The account ID fields as n8n resource locators: "From List" (searched over the Graph API, see
 * shared/methods/listSearch.ts), "By ID" and, for Pages, "By URL". A workflow saved before the fields
 * became locators holds a plain ID string; `locatorValue` reads both, so such workflows keep working.
 */

/** A Page's address that carries its numeric ID: facebook.com/profile.php?id=<ID> or facebook.com/<ID>. */
export const PAGE_URL_REGEX = '^https?://(?:[a-z0-9-]+\\.)?facebook\\.com/(?:profile\\.php\\?(?:[^#]*&)?id=)?(\\d+)(?:[/?#&].*)?$';

const DIGITS_ONLY = '^\\s*\\d+\\s*$';

/** The value of a locator, whichever shape was saved: a plain string (before locators), or {__rl, mode, value}. */
export function locatorValue(saved: unknown): unknown {
	if (typeof saved !== 'object' || saved === null || !('value' in saved)) return saved;
	const { mode, value } = saved as { mode?: unknown; value?: unknown };
	if (mode === 'url' && typeof value === 'string') {
		const match = new RegExp(PAGE_URL_REGEX, 'i').exec(value.trim());
		return match ? match[1] : value;
	}
	return value;
}

export function phoneNumberIdLocator(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Phone Number ID',
		name: 'phoneNumberId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The business phone number: pick it from the numbers of the WhatsApp Business Accounts the token reaches, or give its ID (not the number itself: WhatsApp Manager → Account tools → Phone numbers, or the phone_number_id of a WhatsApp webhook)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '106540352242922',
				validation: [
					{
						type: 'regex',
						properties: { regex: DIGITS_ONLY, errorMessage: 'Phone Number ID: digits only, the ID of the business phone number, not the phone number itself' },
					},
				],
			},
		],
		...extra,
	};
}

export function pageIdLocator(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Page ID',
		name: 'pageId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The Facebook Page: pick it from the Pages the token manages, or give its numeric ID (Page → About → Page transparency, or Meta Business Suite → Settings → Business assets). The credential must hold a token of this Page.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPages', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '4000000000000001',
				validation: [
					{ type: 'regex', properties: { regex: DIGITS_ONLY, errorMessage: 'Page ID: digits only, the numeric ID of the Facebook Page' } },
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://www.facebook.com/profile.php?id=4000000000000001',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: PAGE_URL_REGEX,
							errorMessage: 'Page ID: not a Page address that holds its ID, e.g. https://www.facebook.com/profile.php?id=4000000000000001',
						},
					},
				],
				extractValue: { type: 'regex', regex: PAGE_URL_REGEX },
			},
		],
		...extra,
	};
}

export function wabaIdLocator(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'WhatsApp Business Account ID',
		name: 'wabaId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The WhatsApp Business Account (WABA): pick it from the accounts the token was granted, or give its ID (WhatsApp Manager → Account tools → Business account ID)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWabas', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '2000000000000001',
				validation: [
					{ type: 'regex', properties: { regex: DIGITS_ONLY, errorMessage: 'WhatsApp Business Account ID: digits only, the ID of the WhatsApp Business Account' } },
				],
			},
		],
		...extra,
	};
}

/** What an ID field that is not a Page's numeric ID is told. */
export const PAGE_ID_RULE = 'must be the numeric ID of the Facebook Page, e.g. 4000000000000001';
const PHONE_NUMBER_ID_RULE =
	'must be the numeric ID of the business phone number (WhatsApp Manager → Phone numbers), not the phone number itself';

/** The Phone Number ID of an item (phoneNumberIdLocator), checked. */
export function readPhoneNumberId(ctx: IExecuteFunctions, itemIndex: number): string {
	return parseObjectId(locatorValue(ctx.getNodeParameter('phoneNumberId', itemIndex, '')), 'phoneNumberId', PHONE_NUMBER_ID_RULE);
}

/** The Page ID of an item (pageIdLocator), checked. */
export function readPageId(ctx: IExecuteFunctions, itemIndex: number): string {
	return parseObjectId(locatorValue(ctx.getNodeParameter('pageId', itemIndex, '')), 'pageId', PAGE_ID_RULE);
}
