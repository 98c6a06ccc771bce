import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhoneNumberId } from '../../../shared/accounts/locators';
import type { GraphClient } from '../../../shared/transport/graph';
import { callingUpdateFromFields, DEFAULT_SIP_PORT } from '../../helpers/updateBody';
import { optionsCollection, readOptions, showFor } from '../../../shared/descriptions/options';
import { writeOutcome, writeSettings } from '../api';

const displayOptions = showFor('callingSettings', 'update');

const ENABLED_DISABLED = [
	{ name: 'Enabled', value: 'ENABLED' },
	{ name: 'Disabled', value: 'DISABLED' },
];

export const description: INodeProperties[] = [
	{
		displayName:
			'Only the fields you add are sent; Meta keeps every other setting. Call hours are changed with "Set Call Hours".',
		name: 'updateNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Audio Additional Codecs',
				name: 'audioAdditionalCodecs',
				type: 'string',
				default: '',
				placeholder: 'PCMA, PCMU',
				description:
					'Audio codecs offered on calls besides Meta’s default, separated by commas (Meta’s audio.additional_codecs), e.g. PCMA, PCMU for SIP trunks that need G.711. Empty = none.',
			},
			{
				displayName: 'Call Icon Visibility',
				name: 'callIconVisibility',
				type: 'options',
				options: [
					{
						name: 'Default',
						value: 'DEFAULT',
						description: 'Show the call button in the chat and on the business profile',
					},
					{
						name: 'Disable All',
						value: 'DISABLE_ALL',
						description:
							'Hide the call button everywhere; users cannot start unsolicited calls, call buttons in messages still work',
					},
				],
				default: 'DEFAULT',
			},
			{
				displayName: 'Callback Permission Status',
				name: 'callbackPermissionStatus',
				type: 'options',
				options: ENABLED_DISABLED,
				default: 'ENABLED',
				description: 'Whether users who call the business are asked to allow calls back from it',
			},
			{
				displayName: 'Calling Status',
				name: 'status',
				type: 'options',
				options: ENABLED_DISABLED,
				default: 'ENABLED',
				description: 'Whether the Calling API is on for this number (needs a messaging limit of at least 2000)',
			},
			{
				displayName: 'Restrict To User Countries',
				name: 'restrictToUserCountries',
				type: 'string',
				default: '',
				placeholder: 'US, BR',
				description:
					'Show the call icon only to users with phone numbers of these countries: ISO 3166 alpha-2 codes separated by commas. Empty = no restriction.',
			},
			{
				displayName: 'SIP Servers',
				name: 'sipServers',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add SIP Server',
				description: 'The SIP server for call signaling (Meta allows one per app). Added without a server, it deletes the stored one.',
				options: [
					{
						displayName: 'Server',
						name: 'server',
						values: [
							{
								displayName: 'Hostname',
								name: 'hostname',
								type: 'string',
								default: '',
								placeholder: 'sip.example.com',
							},
							{
								displayName: 'Port',
								name: 'port',
								type: 'number',
								typeOptions: { minValue: 1, maxValue: 65535 },
								default: DEFAULT_SIP_PORT,
								description: 'TLS port of the SIP server',
							},
							{
								displayName: 'Request URI User Params',
								name: 'requestUriUserParams',
								type: 'string',
								default: '',
								placeholder: 'tgrp=trunk1, trunk-context=example.com',
								description: 'Parameters added to the request URI user part, as key=value pairs separated by commas',
							},
						],
					},
				],
			},
			{
				displayName: 'SIP Status',
				name: 'sipStatus',
				type: 'options',
				options: ENABLED_DISABLED,
				default: 'DISABLED',
				description:
					'Whether calls are signaled over SIP instead of Graph API calls and webhooks. While on, the calling endpoints and calling webhooks stop working.',
			},
			{
				displayName: 'SRTP Key Exchange Protocol',
				name: 'srtpKeyExchangeProtocol',
				type: 'options',
				options: [
					{ name: 'DTLS', value: 'DTLS' },
					{ name: 'SDES', value: 'SDES' },
				],
				default: 'DTLS',
				description: 'How media encryption keys are exchanged on calls',
			},
		],
	},
	optionsCollection(displayOptions, { write: true }),
];

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const phoneNumberId = readPhoneNumberId(this, itemIndex);
	const calling = callingUpdateFromFields(this.getNodeParameter('updateFields', itemIndex, {}));
	return { phoneNumberId, calling, options: readOptions(this, itemIndex) };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const { phoneNumberId, calling } = input;
	const answer = await writeSettings(this.getNode(), graph, phoneNumberId, calling, input.options.dryRun);
	return { phoneNumberId, ...writeOutcome(answer), calling };
}
