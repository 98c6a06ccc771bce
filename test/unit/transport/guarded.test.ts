import type { IDataObject } from 'n8n-workflow';

import { guarded } from '../../../nodes/shared/transport/graph';
import type { GraphClient, GraphRequest } from '../../../nodes/shared/transport/types';

/*
 * guarded() only puts guards on requests; the transport runs them (test/integration/transport/guards.test.ts).
 * Here a client that records what it was handed stands in for the transport and runs the guard as it would.
 */

function recordingClient(): { graph: GraphClient; seen: GraphRequest[] } {
	const seen: GraphRequest[] = [];
	const request = async <T>(req: GraphRequest): Promise<T> => {
		seen.push(req);
		req.beforeSend?.();
		return { sent: true } as T;
	};
	const graph: GraphClient = {
		apiRoot: 'https://graph.example/v26.0',
		businessAccountId: '',
		request,
		inspectToken: async () => await request<IDataObject>({ method: 'GET', path: '/debug_token' }),
		describe: (req) => ({ method: req.method, url: req.path }),
	};
	return { graph, seen };
}

const read: GraphRequest = { method: 'GET', path: '/1/settings' };

it('guards compose: the guard added last runs first, each sees the request as the caller made it', async () => {
	const { graph } = recordingClient();
	const ran: string[] = [];
	const inner = guarded(graph, { beforeSend: (req) => ran.push(`inner ${req.path}`) });
	const outer = guarded(inner, { beforeSend: (req) => ran.push(`outer ${req.path}`) });
	await outer.request({ ...read, beforeSend: () => ran.push('own') });
	expect(ran).toEqual(['own', 'outer /1/settings', 'inner /1/settings']);
});

it('the first guard that throws stops the request with its own error; later guards do not run', async () => {
	const { graph } = recordingClient();
	class Refused extends Error {}
	const refused = new Refused('not now');
	const ran: string[] = [];
	const client = guarded(guarded(graph, { beforeSend: () => ran.push('inner') }), {
		beforeSend: () => {
			throw refused;
		},
	});
	await expect(client.request(read)).rejects.toBe(refused);
	expect(ran).toEqual([]);
});

it('urgent: a guard that asks for it marks every request urgent; without it the request keeps its own flag', async () => {
	const { graph, seen } = recordingClient();
	await guarded(graph, { urgent: true, beforeSend: () => undefined }).request(read);
	await guarded(graph, { beforeSend: () => undefined }).request(read);
	await guarded(graph, { beforeSend: () => undefined }).request({ ...read, urgent: true });
	expect(seen.map((req) => req.urgent === true)).toEqual([true, false, true]);
});

it('the guarded client keeps the rest of the client (root, account, preview)', () => {
	const { graph } = recordingClient();
	const client = guarded(graph, { beforeSend: () => undefined });
	expect(client.apiRoot).toBe(graph.apiRoot);
	expect(client.describe(read)).toEqual(graph.describe(read));
});
