import fc from 'fast-check';

import {
	callPromptRequest,
	validateRecipientId,
	validateTtlDays,
} from '../../../nodes/MessengerCalling/helpers/callPrompt';
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

	it('ttlDays: a whole number of days, at least 1 (text from an expression accepted)', () => {
		expect(validateTtlDays(7)).toBe(7);
		expect(validateTtlDays('14')).toBe(14);
		for (const bad of [0, -1, 1.5, Number.NaN, '', 'seven', null, undefined]) {
			expectInputError(() => validateTtlDays(bad), 'ttlDays', 'whole number of days, 1 or more');
		}
		fc.assert(
			fc.property(fc.double(), (value) => {
				const ok = Number.isInteger(value) && value >= 1;
				if (ok) expect(validateTtlDays(value)).toBe(value);
				else expect(() => validateTtlDays(value)).toThrow('ttlDays');
			}),
		);
	});

	it('recipientId: a PSID', () => {
		expect(validateRecipientId(' 5000000000000001 ')).toBe('5000000000000001');
		for (const bad of ['', 'someone@example.com', '5000/1', undefined]) {
			expectInputError(() => validateRecipientId(bad), 'recipientId', 'page-scoped ID');
		}
	});
});
