import { randomInt } from 'crypto';
import { MetaError } from '../metaError';
import { plainRequest } from './httpClient';

function verificationFailed(reason: string): MetaError {
	return new MetaError({
		message: `(#2200) callback verification failed: ${reason}`,
		type: 'OAuthException',
		code: 2200,
	});
}

/** Like Meta on POST /<APP_ID>/subscriptions: GET the callback with hub.* and expect the challenge back. */
export async function verifyCallbackUrl(callbackUrl: string, verifyToken: string, timeoutMs: number): Promise<void> {
	const challenge = String(randomInt(1, 2 ** 31 - 1));
	const url = new URL(callbackUrl);
	url.searchParams.set('hub.mode', 'subscribe');
	url.searchParams.set('hub.verify_token', verifyToken);
	url.searchParams.set('hub.challenge', challenge);
	let answer;
	try {
		answer = await plainRequest(url.toString(), { method: 'GET', timeoutMs });
	} catch (error) {
		throw verificationFailed(`Couldn't connect to server (${(error as Error).message})`);
	}
	if (answer.status !== 200) throw verificationFailed(`Received HTTP code ${answer.status} from the callback URL`);
	if (answer.body.trim() !== challenge) {
		throw verificationFailed(
			`The URL couldn't be validated. Response does not match challenge, expected value="${challenge}", received="${answer.body.slice(0, 100)}"`,
		);
	}
}
