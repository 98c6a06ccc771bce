import type { Sandbox, SandboxConfig, ObjectPatch } from '../sandbox';
import type { FaultSpec } from '../shaping/faults';
import { isObject } from '../rules/time';
import type { SeedName } from '../seed';

/**
 * The sandbox's own HTTP API under /__sandbox/, for tests and tools in another process (e2e, benchmarks,
 * `npm start`). Not Meta's: no token, no latency, no rate limit, not in the request log.
 */
export const CONTROL_PREFIX = '/__sandbox/';

export interface ControlAnswer {
	status: number;
	body: unknown;
}

type Route = (sandbox: Sandbox, body: Record<string, unknown>, url: URL, id?: string) => unknown;

const ok = { ok: true };

function cleared(list: unknown[]): typeof ok {
	list.length = 0;
	return ok;
}

const ROUTES: Record<string, Route> = {
	'GET health': () => ok,
	'GET state': (s) => s.snapshot(),
	'POST reset': (s, b) => {
		s.reset({
			seed: b.seed as SeedName | undefined,
			bulkPhoneNumbers: b.bulkPhoneNumbers as number | undefined,
			bulkPages: b.bulkPages as number | undefined,
		});
		return ok;
	},
	'GET config': (s) => s.getConfig(),
	'POST config': (s, b) => s.configure(b as Partial<SandboxConfig>),
	'GET faults': (s) => s.listFaults(),
	'POST faults': (s, b) => (Array.isArray(b.faults) ? (b.faults as FaultSpec[]).map((f) => s.addFault(f)) : s.addFault(b as unknown as FaultSpec)),
	'DELETE faults': (s) => {
		s.clearFaults();
		return ok;
	},
	'POST emit': async (s, b) => {
		if (typeof b.object !== 'string' || b.body === undefined) throw new Error('emit needs {object, body}');
		return s.emitWebhook(b.object, b.body);
	},
	'GET requests': (s) => s.requests,
	'DELETE requests': (s) => cleared(s.requests),
	'GET deliveries': async (s, _b, url) => {
		const wait = Number(url.searchParams.get('wait') ?? 0);
		if (wait > 0) await s.waitForDeliveries(wait, Number(url.searchParams.get('timeoutMs') ?? 5000));
		return s.deliveries;
	},
	'DELETE deliveries': (s) => cleared(s.deliveries),
	'GET messages': (s) => s.sentMessages,
	'DELETE messages': (s) => cleared(s.sentMessages),
	'POST recipients': (s, b) => {
		if (typeof b.id !== 'string') throw new Error('recipients needs {id, pageIds?, withinWindow?}');
		return s.addRecipient(b as { id: string; pageIds?: string[]; withinWindow?: boolean });
	},
	'POST whatsapp-users': (s, b) => {
		if (typeof b.waId !== 'string') throw new Error('whatsapp-users needs {waId, bsuid?, withinWindow?, clientTooOld?, permission?}');
		return s.addWhatsAppUser(b as unknown as Parameters<typeof s.addWhatsAppUser>[0]);
	},
	'POST calendars/:id': (s, b, _url, id) => {
		if (typeof b.text !== 'string' && b.text !== null) throw new Error('calendars needs {text} (null = the built-in feed)');
		s.setCalendar(id as string, b.text as string | null);
		return ok;
	},
	'POST objects/:id': (s, b, _url, id) => {
		s.updateObject(id as string, b as ObjectPatch);
		return ok;
	},
};

function routeKey(method: string, route: string): { key: string; id?: string } {
	const objectMatch = /^(objects|calendars)\/([^/]+)$/.exec(route);
	if (objectMatch) return { key: `${method} ${objectMatch[1]}/:id`, id: objectMatch[2] };
	return { key: `${method} ${route}` };
}

export async function handleControl(sandbox: Sandbox, method: string, url: URL, raw: string): Promise<ControlAnswer> {
	const route = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
	const { key, id } = routeKey(method, route);
	const handler = ROUTES[key];
	if (!handler) return { status: 404, body: { error: `no control route ${method} ${CONTROL_PREFIX}${route}`, routes: Object.keys(ROUTES) } };
	let body: Record<string, unknown> = {};
	if (raw !== '') {
		try {
			const parsed: unknown = JSON.parse(raw);
			if (!isObject(parsed)) return { status: 400, body: { error: 'the body must be a JSON object' } };
			body = parsed;
		} catch {
			return { status: 400, body: { error: 'the body is not valid JSON' } };
		}
	}
	try {
		return { status: 200, body: await handler(sandbox, body, url, id) };
	} catch (error) {
		return { status: 400, body: { error: (error as Error).message } };
	}
}
