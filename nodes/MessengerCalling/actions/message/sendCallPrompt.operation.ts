import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readPageId } from '../../../shared/accounts/locators';
import { onlyWhileOpenOption } from '../../../shared/descriptions/availability';
import { optionsCollection, readOptionValues, showFor } from '../../../shared/descriptions/options';
import { sendOrPreview } from '../../../shared/execution/request';
import { closedNow } from '../../../shared/hours/availability';
import type { GraphClient } from '../../../shared/transport/graph';
import {
	MAX_TTL_DAYS,
	PAGE_CALLING_NOT_ENABLED_HINT,
	isCallingNotEnabled,
	validateRecipientId,
	validateTtlDays,
} from '../../helpers/callPrompt';
import { callPromptRequest, fetchStoredAvailability } from '../api';

const displayOptions = showFor('message', 'sendCallPrompt');

export const description: INodeProperties[] = [
	{
		displayName: 'Recipient ID',
		name: 'recipientId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '5000000000000001',
		description:
			'The person’s page-scoped ID (PSID), e.g. the sender ID of a message the person sent to the Page. Meta only lets a Page message a person within 24 hours of the person’s last message.',
		displayOptions,
	},
	{
		displayName: 'Button Active (Days)',
		name: 'ttlDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_TTL_DAYS, numberPrecision: 0 },
		default: 7,
		description: 'How many days (1 to 30) the call button in the message lets the person call the Page',
		displayOptions,
	},
	optionsCollection(displayOptions, { write: true, extra: [onlyWhileOpenOption] }),
];

/** A message must never arrive twice: with On Error: Stop nothing after a failed prompt is sent (shared/execution/runItems.ts). */
export const sequentialOnStop = true;

export function validate(this: IExecuteFunctions, itemIndex: number) {
	const pageId = readPageId(this, itemIndex);
	const recipientId = validateRecipientId(this.getNodeParameter('recipientId', itemIndex, ''));
	const ttlDays = validateTtlDays(this.getNodeParameter('ttlDays', itemIndex, 7));
	const { values, ...options } = readOptionValues(this, itemIndex);
	return { pageId, recipientId, ttlDays, options, onlyWhileOpen: values.onlyWhileOpen === true };
}

type Input = ReturnType<typeof validate>;

export async function execute(this: IExecuteFunctions, _itemIndex: number, graph: GraphClient, input: Input): Promise<IDataObject> {
	const { pageId, recipientId, ttlDays, options, onlyWhileOpen } = input;
	if (onlyWhileOpen) {
		const closed = closedNow({ at: new Date(), ...(await fetchStoredAvailability(graph, pageId)) });
		if (closed) return { pageId, recipientId, ...closed };
	}
	// repeatable: false — the transport never sends it twice, whatever happens to the first attempt's answer.
	const request = callPromptRequest(pageId, recipientId, ttlDays);
	const answer = await sendOrPreview<IDataObject>(graph, request, options.dryRun).catch(
		(error: unknown) => {
			throw withPageHint(error);
		},
	);
	if (answer.dryRun === true) return { pageId, recipientId, dryRun: true, request: answer.request };
	return { pageId, recipientId: String(answer.recipient_id ?? recipientId), messageId: answer.message_id };
}

function withPageHint(error: unknown): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const fields = error as unknown as IDataObject;
	if (!isCallingNotEnabled(fields.code, error.message)) return error;
	// Same parts as the transport's description (Meta's words, hint, codes), with the Page's hint.
	const userMessage = fields.error_user_msg
		? `${fields.error_user_title ? `${String(fields.error_user_title)}: ` : ''}${String(fields.error_user_msg)}`
		: '';
	const codes = [`code ${String(fields.code)}`, fields.fbtrace_id ? `fbtrace_id ${String(fields.fbtrace_id)}` : '']
		.filter(Boolean)
		.join(', ');
	error.description = [userMessage, PAGE_CALLING_NOT_ENABLED_HINT, `Meta error ${codes}.`].filter(Boolean).join(' ');
	return error;
}
