import { inspect } from 'util';

import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { appSecretProof } from '../../../credentials/MetaCallingApi.credentials';
import {
	ambiguousOutcomeError,
	metaApiError,
	networkError,
	readMetaError,
	unreadableAnswerError,
} from '../../../nodes/shared/transport/metaError';
import { hintFor, idFieldOf } from '../../../nodes/shared/transport/hints';
import { redactText } from '../../../nodes/shared/transport/redaction';

const node: INode = {
	id: 'n1',
	name: 'WhatsApp Calling',
	type: 'test.whatsAppCalling',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const TOKEN = 'EAAGm0PX4ZCpsBAKZCtoken123secretish';
const APP_SECRET = 'f00dcafe0123456789abcdef';
const PROOF = appSecretProof(TOKEN, APP_SECRET);
const APP_TOKEN = `1000000000000001|${APP_SECRET}`;
const SECRETS = [TOKEN, APP_SECRET, PROOF, APP_TOKEN];

/** Everything a user, a log line or a saved execution could show of an error. */
function everythingVisible(error: Error): string {
	return [
		JSON.stringify(error),
		JSON.stringify({ ...error }),
		error.stack ?? '',
		error.message,
		inspect(error, { depth: 10, showHidden: true }),
	].join('\n');
}

function expectNoSecret(error: Error) {
	const text = everythingVisible(error);
	for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('readMetaError', () => {
	it('reads the envelope and ignores bodies that are not one', () => {
		expect(
			readMetaError({ error: { message: 'Invalid parameter', type: 'OAuthException', code: '100', fbtrace_id: 'Abc' } }),
		).toEqual({ message: 'Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'Abc' });
		expect(readMetaError({ success: true })).toBeUndefined();
		expect(readMetaError('<html>')).toBeUndefined();
		expect(readMetaError({ error: 'string' })).toBeUndefined();
	});
});

describe('metaApiError', () => {
	it('keeps Meta’s message and carries code, subcode, user title/message and fbtrace_id', () => {
		const error = metaApiError(
			{
				message: 'Error validating access token: Session has expired',
				type: 'OAuthException',
				code: 190,
				error_subcode: 463,
				error_user_title: 'Session expired',
				error_user_msg: 'Please log in again',
				fbtrace_id: 'AbCdEf123',
			},
			{ node, secrets: SECRETS, statusCode: 401 },
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Error validating access token: Session has expired');
		expect(error.description).toContain('invalid or has expired');
		expect(error.description).toContain('Session expired: Please log in again');
		expect(error.description).toContain('fbtrace_id AbCdEf123');
		expect(error.httpCode).toBe('401');
		expect(error).toMatchObject({
			code: 190,
			error_subcode: 463,
			error_user_title: 'Session expired',
			error_user_msg: 'Please log in again',
			fbtrace_id: 'AbCdEf123',
		});
	});

	it('adds error_data.details for code 100, also when error_data is JSON text', () => {
		const asObject = metaApiError(
			{ message: '(#100) Invalid parameter', code: 100, error_data: { details: 'call_hours.timezone_id is invalid' } },
			{ node, secrets: SECRETS, statusCode: 400 },
		);
		expect(asObject.description).toContain('call_hours.timezone_id is invalid');
		expect(asObject).toMatchObject({ error_details: 'call_hours.timezone_id is invalid' });
		const asText = metaApiError(
			{ message: '(#100) Invalid parameter', code: 100, error_data: '{"details":"weekly_operating_hours overlap"}' },
			{ node, secrets: SECRETS },
		);
		expect(asText.description).toContain('weekly_operating_hours overlap');
	});

	it('keeps the hint even for a message NodeApiError would otherwise rewrite', () => {
		const error = metaApiError({ message: 'read ECONNRESET upstream', code: 2, is_transient: true }, { node, secrets: [] });
		expect(error.message).toBe('read ECONNRESET upstream');
	});
});

describe('idFieldOf (which field an ID Meta does not know came from)', () => {
	it.each([
		['/3000000000000001/settings', 'n8n-nodes-meta-calling.whatsAppCalling', 'Phone Number ID'],
		['/2000000000000001/phone_numbers', 'n8n-nodes-meta-calling.whatsAppCalling', 'WhatsApp Business Account ID'],
		['/2000000000000001', 'n8n-nodes-meta-calling.whatsAppCalling', 'WhatsApp Business Account ID'],
		['/2000000000000001/subscribed_apps', 'n8n-nodes-meta-calling.whatsAppCallingTrigger', 'WhatsApp Business Account ID'],
		['/4000000000000001/subscribed_apps', 'n8n-nodes-meta-calling.messengerCallingTrigger', 'Page ID'],
		['/4000000000000001/messenger_call_settings', 'n8n-nodes-meta-calling.messengerCalling', 'Page ID'],
		['/4000000000000001/messages', 'n8n-nodes-meta-calling.messengerCallingTool', 'Page ID'],
		['/3000000000000001/messages', 'n8n-nodes-meta-calling.whatsAppCalling', 'Phone Number ID'],
		['/3000000000000001/call_permissions', 'n8n-nodes-meta-calling.whatsAppCallingTool', 'Phone Number ID'],
		['/1000000000000001/subscriptions', 'n8n-nodes-meta-calling.whatsAppCallingTrigger', 'App ID'],
	])('%s (%s) -> %s', (path, nodeType, field) => {
		expect(idFieldOf(path, nodeType)).toEqual({ field, id: path.split('/')[1] });
	});

	it('names nothing for /me or an edge it does not know', () => {
		expect(idFieldOf('/me/accounts', 'x')).toBeUndefined();
		expect(idFieldOf('/123/unknown_edge', 'x')).toBeUndefined();
	});

	it('puts the field before Meta’s message and keeps Meta’s codes', () => {
		const envelope = {
			message: "Unsupported get request. Object with ID '3999' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
			type: 'GraphMethodException',
			code: 100,
			error_subcode: 33,
			fbtrace_id: 'Atrace',
		};
		const error = metaApiError(envelope, { node, secrets: SECRETS, statusCode: 400, path: '/3999/settings' });
		expect(error.message).toBe(`Phone Number ID: ${envelope.message}`);
		expect(error.description).toContain('Phone Number ID 3999: Meta has no such object that this token can reach.');
		expect(error.description).toContain('Meta error code 100, subcode 33, fbtrace_id Atrace.');
		expect(metaApiError(envelope, { node, secrets: SECRETS, statusCode: 400 }).message).toBe(envelope.message);
	});
});

describe('hintFor', () => {
	it.each([
		[{ code: 190 }, /expired/],
		[{ code: 10 }, /permission/],
		[{ code: 200 }, /permission/],
		[{ code: 299 }, /permission/],
		[{ code: 100 }, /parameter/],
		[{ code: 138000 }, /not enabled/],
		[{ code: 138015 }, /2,000/],
		[{ code: 138018 }, /"calls" webhook field/],
		[{ code: 138014 }, /calling restriction/],
		[{ code: 100, message: '(#100) Page not yet eligible' }, /subscribed_fields=calls/],
		[{ code: 131055 }, /SIP/],
		[{ code: 551 }, /not available/],
		[{ code: 4 }, /rate limit for the app/],
		[{ code: 17 }, /rate limit/],
		[{ code: 32 }, /rate limit for the Page/],
		[{ code: 613 }, /rate limit/],
		[{ code: 80007 }, /WhatsApp Business Account/],
		[{ code: 130429 }, /throughput/],
		[{ code: 10, error_subcode: 2018278, message: 'This message is sent outside of allowed window.' }, /24 hours/],
		[{ code: 100, message: 'Message sent outside of the allowed window' }, /24 hours/],
	])('%j -> %s', (envelope, expected) => {
		expect(hintFor(envelope)).toMatch(expected);
	});

	it('has nothing to add for an unknown code', () => {
		expect(hintFor({ code: 12345 })).toBeUndefined();
		expect(hintFor({ code: 300 })).toBeUndefined();
	});
});

describe('redaction', () => {
	it('scrubs every secret from message, description, properties and the stored response', () => {
		const error = metaApiError(
			{
				message: `Invalid OAuth access token - Cannot parse access token: ${TOKEN}`,
				code: 190,
				error_user_msg: `proof ${PROOF} did not match for app token ${APP_TOKEN}`,
				error_data: { details: `secret ${APP_SECRET}` },
				fbtrace_id: 'X1',
			},
			{ node, secrets: SECRETS, statusCode: 400 },
		);
		expectNoSecret(error);
		expect(error.message).toContain('[redacted]');
		expect(error).toMatchObject({ fbtrace_id: 'X1' });
	});

	it('scrubs secret-shaped text even when the value is not a known secret', () => {
		expect(redactText('Authorization: Bearer abc.def-ghi', [])).toBe('Authorization: Bearer [redacted]');
		expect(redactText('GET /me?access_token=xyz&appsecret_proof=123abc&fields=id', [])).toBe(
			'GET /me?access_token=[redacted]&appsecret_proof=[redacted]&fields=id',
		);
		expect(redactText('{"accessToken":"zzz"}', [])).toBe('{"accessToken":"[redacted]"}');
	});

	it('scrubs the user info of a URL, however short the password (issue 19)', () => {
		expect(redactText('GET http://u:pw@127.0.0.1:1/v26.0/me failed', [])).toBe('GET http://[redacted]@127.0.0.1:1/v26.0/me failed');
		expect(redactText('"https://proxy%40corp:p%3Ass@proxy.example:8080/x"', [])).toBe('"https://[redacted]@proxy.example:8080/x"');
		expect(redactText('see https://developers.facebook.com/docs/x@y and mail a@b.example', [])).toBe(
			'see https://developers.facebook.com/docs/x@y and mail a@b.example',
		);
	});

	it('does not garble text with short (empty) secrets', () => {
		expect(redactText('a b c', ['', 'a'])).toBe('a b c');
	});

	it('keeps no request options: an error from the HTTP layer is never the cause', () => {
		const error = networkError('ECONNREFUSED', '127.0.0.1:9', { node, secrets: SECRETS }, `connect ECONNREFUSED (token ${TOKEN})`);
		expect(error.message).toBe('Could not get an answer from the Graph API at 127.0.0.1:9: the server refused the connection');
		expect(error.cause).toBeUndefined();
		expect(error).toMatchObject({ code: 'ECONNREFUSED' });
		expectNoSecret(error);
	});

	it('names a broken or HTML answer clearly', () => {
		const html = unreadableAnswerError(502, '<html><body>Bad Gateway</body></html>', { node, secrets: SECRETS });
		expect(html.message).toBe("The Graph API answered HTTP 502 without Meta's error details");
		expect(html.description).toContain('HTML page');
		const broken = unreadableAnswerError(200, `{"success": tru ${TOKEN}`, { node, secrets: SECRETS });
		expect(broken.message).toContain('not valid JSON');
		expectNoSecret(broken);
	});

	it('says an ambiguous send may or may not have happened, keeping Meta’s codes', () => {
		const cause = metaApiError({ message: 'An unexpected error has occurred', code: 2, fbtrace_id: 'T9' }, { node, secrets: [] });
		const error = ambiguousOutcomeError(cause, { node, secrets: SECRETS, statusCode: 500 });
		expect(error.message).toMatch(/may or may not have been carried out/);
		expect(error.description).toMatch(/not repeated automatically/);
		expect(error).toMatchObject({ code: 2, fbtrace_id: 'T9' });
	});
});
