import { InputError } from '../../../nodes/shared/validation';

/** Runs fn and checks it threw an InputError naming `field` with a rule matching `rule`. */
export function expectInputError(fn: () => unknown, field: string, rule: string | RegExp): InputError {
	let thrown: unknown;
	try {
		fn();
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(InputError);
	const error = thrown as InputError;
	expect(error.field).toBe(field);
	if (typeof rule === 'string') expect(error.rule).toContain(rule);
	else expect(error.rule).toMatch(rule);
	expect(error.message).toBe(`${field}: ${error.rule}`);
	return error;
}
