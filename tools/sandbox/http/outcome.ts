import type { ServerResponse } from 'http';
import type { WebhookEvent } from '../handlers/context';
import { toEnvelope, type MetaError } from '../metaError';
import { faultError, type ActiveFault } from '../shaping/faults';

/** What the server will write for one Graph request, decided before the latency wait. */
export type Outcome =
	| { kind: 'json'; status: number; body: unknown; webhooks?: WebhookEvent[]; rateLimited?: boolean }
	| { kind: 'text'; status: number; contentType: string; text: string }
	| { kind: 'drop' };

const JSON_TYPE = 'application/json; charset=UTF-8';

export function errorOutcome(error: MetaError): Outcome {
	return { kind: 'json', status: error.httpStatus, body: toEnvelope(error.fields) };
}

export function faultOutcome(fault: ActiveFault): Outcome {
	if (fault.kind === 'drop') return { kind: 'drop' };
	if (fault.kind === 'malformed') return { kind: 'text', status: 200, contentType: JSON_TYPE, text: '{"success":tr' };
	if (fault.kind === 'http') {
		const status = fault.status ?? 500;
		const text = fault.body ?? `<html><body><h1>${status}</h1>Sandbox injected HTTP error</body></html>`;
		return { kind: 'text', status, contentType: 'text/html; charset=utf-8', text };
	}
	return errorOutcome(faultError(fault));
}

export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

/** Writes the outcome; a dropped connection is destroyed without a byte of answer. */
export function writeOutcome(res: ServerResponse, outcome: Outcome, headers: Record<string, string>): void {
	if (outcome.kind === 'drop') {
		res.socket?.destroy();
		return;
	}
	if (outcome.kind === 'text') {
		res.writeHead(outcome.status, {
			...headers,
			'Content-Type': outcome.contentType,
			'Content-Length': Buffer.byteLength(outcome.text),
		});
		res.end(outcome.text);
		return;
	}
	writeJson(res, outcome.status, outcome.body, headers);
}
