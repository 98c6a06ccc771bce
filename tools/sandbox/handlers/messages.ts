import { randomBytes } from 'crypto';
import { callingError, MetaError, unsupportedRequest } from '../metaError';
import { parseSendRequest } from '../rules/callPrompt';
import type { GraphAnswer, HandlerContext } from './context';

/** POST /<PAGE_ID>/messages and /me/messages (Send API), checked the way the seed page lists its errors. */
export function sendMessage(ctx: HandlerContext, pageId: string): GraphAnswer {
	if (ctx.req.method !== 'POST') throw unsupportedRequest(ctx.req.method, pageId);
	const page = ctx.state.pages[pageId];
	const parsed = parseSendRequest(ctx.req.params);
	if (typeof parsed === 'string') {
		throw new MetaError({ message: `(#100) ${parsed}`, type: 'OAuthException', code: 100 });
	}
	if (!page.canSendMessages) {
		throw new MetaError({
			message: '(#200) Requires pages_messaging permission to manage the object',
			type: 'OAuthException',
			code: 200,
		});
	}
	const recipient = ctx.state.recipients[parsed.recipientId];
	if (!recipient || !recipient.pageIds.includes(pageId)) {
		throw new MetaError({
			message: '(#100) No matching user found',
			type: 'OAuthException',
			code: 100,
			error_subcode: 2018001,
		});
	}
	if (!recipient.withinWindow) {
		throw new MetaError({
			message: '(#10) This message is sent outside of allowed window.',
			type: 'OAuthException',
			code: 10,
			error_subcode: 2018278,
		});
	}
	if (parsed.callPromptTtlDays !== undefined && !page.callingEnabled) {
		throw callingError(138000, 'The Page does not have calling enabled');
	}
	const messageId = `m_${randomBytes(18).toString('base64url')}`;
	ctx.recordMessage({
		pageId,
		recipientId: parsed.recipientId,
		messageId,
		message: ctx.req.params.message,
		callPromptTtlDays: parsed.callPromptTtlDays,
		at: ctx.now.toISOString(),
	});
	return { body: { recipient_id: parsed.recipientId, message_id: messageId } };
}
