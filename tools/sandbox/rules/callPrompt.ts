import { isObject } from './time';

/** The Send API request shape for the `call_prompt` template (seed page 000). Pure. */
export interface ParsedMessage {
	recipientId: string;
	/** Present when the message is a call_prompt template; other messages are accepted as they are. */
	callPromptTtlDays?: number;
}

export const CALL_PROMPT_DEFAULT_TTL_DAYS = 7;

export const SEND_RULES = {
	recipientRequired: 'The parameter recipient is required',
	messageRequired: 'The parameter message is required',
	invalidTtl: 'Param message[attachment][payload][ttl_days] must be a positive integer',
	invalidTemplate: 'Param message[attachment][payload][template_type] is invalid',
} as const;

/** Returns the parsed message, or the rule it breaks as a string. */
export function parseSendRequest(params: Record<string, unknown>): ParsedMessage | string {
	const recipient = params.recipient;
	const recipientId = isObject(recipient) ? recipient.id : undefined;
	if (typeof recipientId !== 'string' && typeof recipientId !== 'number') return SEND_RULES.recipientRequired;
	const message = params.message;
	if (!isObject(message)) return SEND_RULES.messageRequired;
	const attachment = message.attachment;
	if (!isObject(attachment) || attachment.type !== 'template') return { recipientId: String(recipientId) };
	const payload = attachment.payload;
	if (!isObject(payload) || typeof payload.template_type !== 'string') return SEND_RULES.invalidTemplate;
	if (payload.template_type !== 'call_prompt') return { recipientId: String(recipientId) };
	const ttl = payload.ttl_days ?? CALL_PROMPT_DEFAULT_TTL_DAYS;
	if (!Number.isInteger(ttl) || (ttl as number) < 1) return SEND_RULES.invalidTtl;
	return { recipientId: String(recipientId), callPromptTtlDays: ttl as number };
}
