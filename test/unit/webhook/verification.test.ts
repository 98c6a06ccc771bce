import { answerVerification, tokensMatch } from '../../../nodes/shared/webhook/verification';

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
