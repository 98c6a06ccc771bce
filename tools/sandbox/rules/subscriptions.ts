/** Parameters of POST /<APP_ID>/subscriptions and /<PAGE_ID>/subscribed_apps. Pure. */

export const SUBSCRIPTION_OBJECTS = [
	'page',
	'whatsapp_business_account',
	'user',
	'permissions',
	'application',
	'instagram',
] as const;

/** Meta takes field lists as "a,b", as a JSON array string, or (JSON body) as an array. */
export function parseFieldList(value: unknown): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	const raw = Array.isArray(value) ? value : String(value).split(',');
	const names = raw.map((name) => String(name).trim()).filter((name) => name !== '');
	return names;
}

export function isFieldName(name: string): boolean {
	return /^[a-z][a-z0-9_]*$/.test(name);
}

export function isHttpUrl(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** Union keeping first-seen order, so GET answers are stable. */
export function mergeFields(existing: string[], added: string[]): string[] {
	return [...new Set([...existing, ...added])];
}
