import fc from 'fast-check';

import { callPromptRequest } from '../../../nodes/MessengerCalling/actions/api';
import { validateRecipientId, validateTtlDays } from '../../../nodes/MessengerCalling/helpers/callPrompt';
import { expectInputError } from '../hours/expectInputError';

describe('call prompt', () => {
	it('is the call_prompt template to the PSID, never repeatable', () => {
		expect(callPromptRequest('4000000000000001', '5000000000000001', 3)).toEqual({
			method: 'POST',
			path: '/4000000000000001/messages',
			body: {
				recipient: { id: '5000000000000001' },
				message: { attachment: { type: 'template', payload: { template_type: 'call_prompt', ttl_days: 3 } } },
			},
			repeatable: false,
		});
	});

	it('ttlDays: a whole number of days from 1 to 30 (decimal text from an expression accepted)', () => {
		expect(validateTtlDays(7)).toBe(7);
		expect(validateTtlDays('14')).toBe(14);
		expect(validateTtlDays(' 30 ')).toBe(30);
		expect(validateTtlDays(1)).toBe(1);
		for (const bad of [0, -1, 1.5, 31, Number.NaN, '', 'seven', null, undefined]) {
			expectInputError(() => validateTtlDays(bad), 'ttlDays', 'must be a whole number of days from 1 to 30');
		}
		fc.assert(
			fc.property(fc.double(), (value) => {
				const ok = Number.isInteger(value) && value >= 1 && value <= 30;
				if (ok) expect(validateTtlDays(value)).toBe(value);
				else expect(() => validateTtlDays(value)).toThrow('ttlDays');
			}),
		);
	});

	// Issue 19: Number() read "0x10" as 16 and "1e9" as a billion days; 2^53 + 2 does not even count exactly.
	it.each([1e9, '1e9', '0x10', '1e1', '7.0', '+7', 2 ** 53 + 2, String(2 ** 53 + 2), '0b11', 'Infinity', Infinity])(
		'ttlDays refuses %p, naming the field',
		(value) => {
			expectInputError(() => validateTtlDays(value), 'ttlDays', /^must be a whole number of days from 1 to 30 \(got /);
		},
	);

	it('recipientId: a PSID', () => {
		expect(validateRecipientId(' 5000000000000001 ')).toBe('5000000000000001');
		for (const bad of ['', 'someone@example.com', '5000/1', undefined]) {
			expectInputError(() => validateRecipientId(bad), 'recipientId', 'page-scoped ID');
		}
	});
});
