/**
 * The one error type for input that breaks a rule. Pure functions throw it; the item loop turns it into a
 * NodeOperationError for that item before any request leaves.
 */
export class InputError extends Error {
	readonly field: string;
	readonly rule: string;

	constructor(field: string, rule: string) {
		super(`${field}: ${rule}`);
		this.name = 'InputError';
		this.field = field;
		this.rule = rule;
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a, b,,c" -> ["a", "b", "c"]; also accepts an array of strings (an expression may give one). */
export function parseCommaList(value: unknown, field: string): string[] {
	void value;
	void field;
	throw new Error('not implemented');
}

/** ISO 3166-1 alpha-2 codes, uppercased and deduplicated; an empty value gives [] (= no restriction). */
export function parseCountryCodes(value: unknown, field: string): string[] {
	void value;
	void field;
	throw new Error('not implemented');
}

/** A comma list of "YYYY-MM-DD" dates that exist, deduplicated, in the given order. */
export function parseDateList(value: unknown, field: string): string[] {
	void value;
	void field;
	throw new Error('not implemented');
}
