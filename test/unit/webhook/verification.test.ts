import { answerVerification, tokensMatch, verifyTokenFor } from '../../../nodes/shared/webhook/verification';

describe('tokensMatch', () => {
	it('matches equal tokens and rejects different ones of any length', () => {
		expect(tokensMatch('abc', 'abc')).toBe(true);
		expect(tokensMatch('abd', 'abc')).toBe(false);
		expect(tokensMatch('ab', 'abc')).toBe(false);
		expect(tokensMatch('', 'abc')).toBe(false);
		expect(tokensMatch('a'.repeat(10_000), 'abc')).toBe(false);
	});
});

describe('answerVerification', () => {
	const query = (mode: string, token: string, challenge = '1158201444') => ({
		'hub.mode': mode,
		'hub.verify_token': token,
		'hub.challenge': challenge,
	});

	it('echoes the challenge for mode subscribe and the right token', () => {
		expect(answerVerification(query('subscribe', 'secret-token'), 'secret-token')).toEqual({
			accepted: true,
			challenge: '1158201444',
		});
	});

	it('reads the nested form some query parsers produce', () => {
		const nested = { hub: { mode: 'subscribe', verify_token: 't', challenge: 'c' } };
		expect(answerVerification(nested, 't')).toEqual({ accepted: true, challenge: 'c' });
	});

	it.each([
		['wrong token', query('subscribe', 'other'), 'secret-token'],
		['wrong mode', query('unsubscribe', 'secret-token'), 'secret-token'],
		['empty expected token', query('subscribe', ''), ''],
		['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': 'secret-token' }, 'secret-token'],
		['token given twice (array)', { ...query('subscribe', 'x'), 'hub.verify_token': ['secret-token'] }, 'secret-token'],
		['no query', undefined, 'secret-token'],
		['a string query', 'hub.mode=subscribe', 'secret-token'],
	])('refuses: %s', (_name, q, expected) => {
		expect(answerVerification(q, expected)).toEqual({ accepted: false });
	});
});

describe('verifyTokenFor: never a value derivable from the public URL', () => {
	const webhookId = 'f2a6c0de-5e1f-4b1a-9a57-0c4c2f7e2b10';
	const automatic = { configured: '', automatic: true, webhookId };

	it('a typed token is used as typed, in either mode', () => {
		expect(verifyTokenFor({ configured: 'my own token', automatic: false, webhookId }, 'app-secret')).toBe('my own token');
		expect(verifyTokenFor({ ...automatic, configured: 'my own token' }, 'app-secret')).toBe('my own token');
	});

	it('automatic + empty: a secret of the App Secret and the webhook ID, the same in every process, not the webhook ID', () => {
		const token = verifyTokenFor(automatic, 'app-secret');
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(token).not.toContain(webhookId);
		expect(verifyTokenFor({ ...automatic }, 'app-secret')).toBe(token);
		expect(verifyTokenFor(automatic, 'another-secret')).not.toBe(token);
		expect(verifyTokenFor({ ...automatic, webhookId: 'another-webhook' }, 'app-secret')).not.toBe(token);
		// Meta's verification with the webhook ID (all an outsider knows) is refused
		expect(answerVerification({ 'hub.mode': 'subscribe', 'hub.verify_token': webhookId, 'hub.challenge': 'pwned' }, token)).toEqual({ accepted: false });
		expect(answerVerification({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': 'ok' }, token)).toEqual({ accepted: true, challenge: 'ok' });
	});

	it('manual + empty, or no App Secret: no token, so every verification is refused', () => {
		expect(verifyTokenFor({ ...automatic, automatic: false }, 'app-secret')).toBe('');
		expect(verifyTokenFor(automatic, '')).toBe('');
		expect(answerVerification({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': 'x' }, '')).toEqual({ accepted: false });
	});
});
