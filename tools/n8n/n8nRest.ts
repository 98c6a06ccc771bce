/**
 * What the e2e tier needs from n8n's HTTP side, working on both lines (1.123 and 2.40/2.41):
 * - the internal REST API (`/rest/...`) with the owner's session cookie, for what only the editor does
 *   (credential test, node types);
 * - the public API (`/api/v1/...`) with an API key the owner creates, for executions (stable, documented shapes).
 */

export const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2e',
	lastName: 'Owner',
	password: 'E2e-owner-Passw0rd',
};

export interface HttpAnswer<T = any> {
	status: number;
	body: T;
	text: string;
}

async function http<T = any>(url: string, init: RequestInit = {}): Promise<HttpAnswer<T>> {
	const response = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(60000) });
	const text = await response.text();
	let body: any = undefined;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		body = undefined;
	}
	return { status: response.status, body, text };
}

export class N8nRest {
	private cookie: string;
	private apiKey: string;

	/** `session` reuses an owner session and API key made earlier (by the run's global setup). */
	constructor(
		readonly baseUrl: string,
		session: { cookie?: string; apiKey?: string } = {},
	) {
		this.cookie = session.cookie ?? '';
		this.apiKey = session.apiKey ?? '';
	}

	get sessionCookie(): string {
		return this.cookie;
	}

	/** Creates the instance owner (a fresh instance has none) and keeps the session cookie it answers with. */
	async setupOwner(): Promise<void> {
		const response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
			signal: AbortSignal.timeout(60000),
		});
		const text = await response.text();
		if (response.status !== 200) {
			throw new Error(`owner setup answered ${response.status}: ${text.slice(0, 500)}`);
		}
		this.cookie = authCookieOf(response.headers);
		if (!this.cookie) throw new Error('owner setup answered without a session cookie');
	}

	/** Logs in as an existing user (the editor's form; 2.x names the field emailOrLdapLoginId, 1.x email). */
	async login(email: string, password: string): Promise<void> {
		const response = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email, emailOrLdapLoginId: email, password }),
			signal: AbortSignal.timeout(30000),
		});
		const text = await response.text();
		if (response.status !== 200) throw new Error(`login answered ${response.status}: ${text.slice(0, 300)}`);
		this.cookie = authCookieOf(response.headers);
		if (!this.cookie) throw new Error('login answered without a session cookie');
	}

	/** Any REST call as the owner. */
	async rest<T = any>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
		return http<T>(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	}

	/** Runs n8n's credential test, as the editor's "Retry"/"Save" does: `{ status: 'OK' | 'Error', message }`. */
	async testCredential(credential: {
		id: string;
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<{ status: string; message: string }> {
		const answer = await this.rest('POST', '/credentials/test', { credentials: credential });
		if (answer.status !== 200) throw new Error(`credential test answered ${answer.status}: ${answer.text.slice(0, 500)}`);
		return answer.body.data;
	}

	/** Any path of the instance (not under /rest) with the owner's cookie, e.g. `/types/nodes.json`. */
	async get<T = any>(path: string): Promise<HttpAnswer<T>> {
		return http<T>(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie } });
	}

	/** The node type descriptions the editor loads (name, displayName, credentials, properties...). */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string; credentials?: Array<{ name: string }> }>> {
		const answer = await this.get('/types/nodes.json');
		if (answer.status !== 200) throw new Error(`/types/nodes.json answered ${answer.status}`);
		return answer.body;
	}

	async credentialTypeNames(): Promise<string[]> {
		const answer = await this.get<Array<{ name: string }>>('/types/credentials.json');
		if (answer.status !== 200) throw new Error(`/types/credentials.json answered ${answer.status}`);
		return answer.body.map((type) => type.name);
	}

	/** Creates an API key with every scope the owner may grant, for the public API. */
	async createApiKey(): Promise<string> {
		const scopes = await this.rest<{ data: string[] }>('GET', '/api-keys/scopes');
		const created = await this.rest('POST', '/api-keys', {
			label: 'e2e',
			expiresAt: null,
			scopes: scopes.status === 200 ? scopes.body.data : undefined,
		});
		if (created.status !== 200) throw new Error(`API key creation answered ${created.status}: ${created.text.slice(0, 500)}`);
		const data = created.body.data;
		this.apiKey = data.rawApiKey ?? data.apiKey;
		if (!this.apiKey) throw new Error(`API key creation answered without a key: ${created.text.slice(0, 300)}`);
		return this.apiKey;
	}

	/** Any public API call (`/api/v1...`) with the API key. */
	async publicApi<T = any>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
		if (!this.apiKey) await this.createApiKey();
		return http<T>(`${this.baseUrl}/api/v1${path}`, {
			method,
			headers: {
				'X-N8N-API-KEY': this.apiKey,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	}
}

function authCookieOf(headers: Headers): string {
	const all = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') ?? ''];
	return all
		.map((c) => c.split(';')[0])
		.filter((c) => c.startsWith('n8n-auth='))
		.join('; ');
}
