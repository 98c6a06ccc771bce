import { signatureIsValid } from '../../../nodes/shared/webhook/signature';
import { signBody } from '../../../tools/sandbox/webhooks/sign';

const secret = 'sandbox-app-secret';
const body = Buffer.from('{"object":"page","entry":[{"id":"4000000000000001","time":1,"call_settings":{"icon_enabled":true}}]}');

describe('signatureIsValid', () => {
	it('accepts the HMAC-SHA256 of the raw body with the app secret', () => {
		expect(signatureIsValid(body, signBody(body, secret), secret)).toBe(true);
	});

	it('accepts uppercase hex and surrounding spaces', () => {
		const header = signBody(body, secret);
		expect(signatureIsValid(body, ` sha256=${header.slice(7).toUpperCase()} `, secret)).toBe(true);
	});

	it('rejects a missing header', () => {
		expect(signatureIsValid(body, undefined, secret)).toBe(false);
		expect(signatureIsValid(body, '', secret)).toBe(false);
	});

	it('rejects a signature made with another secret', () => {
		expect(signatureIsValid(body, signBody(body, 'another-secret'), secret)).toBe(false);
	});

	it('rejects a wrong signature of the right form', () => {
		expect(signatureIsValid(body, `sha256=${'0'.repeat(64)}`, secret)).toBe(false);
	});

	it('rejects a tampered body, even by one byte', () => {
		const header = signBody(body, secret);
		const tampered = Buffer.from(body);
		tampered[tampered.length - 5] ^= 1;
		expect(signatureIsValid(tampered, header, secret)).toBe(false);
		// Re-serialised JSON is not the same bytes either.
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
		expect(signatureIsValid(reserialised, header, secret)).toBe(false);
	});

	it.each([
		['sha1 prefix', (h: string) => h.replace('sha256=', 'sha1=')],
		['no prefix', (h: string) => h.slice(7)],
		['short hex', (h: string) => h.slice(0, -2)],
		['long hex', (h: string) => `${h}00`],
		['non-hex', (h: string) => `${h.slice(0, -1)}g`],
	])('rejects a malformed header: %s', (_name, mangle) => {
		expect(signatureIsValid(body, mangle(signBody(body, secret)), secret)).toBe(false);
	});

	it('rejects a repeated header (array) and an empty secret', () => {
		const header = signBody(body, secret);
		expect(signatureIsValid(body, [header, header], secret)).toBe(false);
		expect(signatureIsValid(body, signBody(body, ''), '')).toBe(false);
	});
});
