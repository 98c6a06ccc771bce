import { errorForCode, type MetaError, type MetaErrorFields } from '../metaError';

export type FaultKind = 'error' | 'http' | 'drop' | 'malformed' | 'latency';

/** A fault to inject into the next matching Graph requests (control API: the same JSON). */
export interface FaultSpec {
	kind: FaultKind;
	/** GET, POST, DELETE; any method when absent. */
	method?: string;
	/** Path without version, '*' matching any characters (e.g. "/*\/settings"); any path when absent. */
	path?: string;
	/** How many matching requests get the fault. Default 1. */
	times?: number;
	/** kind 'error': the Meta error (code required; message, type, subcode, is_transient filled when left out). */
	error?: Partial<MetaErrorFields> & { code: number };
	/** kind 'error': HTTP status (default 400, 500 for codes 1 and 2); kind 'http': status (default 500). */
	status?: number;
	/** kind 'http': the answer body (default a small HTML page, as a gateway would send). */
	body?: string;
	/**
	 * kind 'latency': extra delay before the normal answer. Past the client's timeout it is a slow answer the
	 * client gives up on; a long one holds the request while a test kills the client (test/e2e-queue/faults).
	 */
	latencyMs?: number;
	/**
	 * Kinds that replace the answer: process the request first (state changed, message recorded, webhooks
	 * sent), then answer with the fault: the ambiguous case (was my message sent?) that a client must not
	 * blindly repeat. Default false (the request is not carried out).
	 * Kind 'latency': default true (the write is applied, then the answer waits); false waits first and
	 * applies the request only then, so a client that gives up or dies during the wait has changed nothing
	 * yet (the request still lands later, as a request stuck in a proxy would).
	 */
	processed?: boolean;
}

export interface ActiveFault extends FaultSpec {
	id: number;
	remaining: number;
	hits: number;
}

function globToRegExp(glob: string): RegExp {
	const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
	return new RegExp(`^${escaped}$`);
}

/** Faults in the order they were added; the first one matching a request is used up by it. */
export class FaultBook {
	private faults: Array<ActiveFault & { matcher?: RegExp }> = [];
	private nextId = 1;

	add(spec: FaultSpec): ActiveFault {
		const fault = {
			...spec,
			method: spec.method?.toUpperCase(),
			id: this.nextId++,
			remaining: spec.times ?? 1,
			hits: 0,
			matcher: spec.path ? globToRegExp(spec.path) : undefined,
		};
		this.faults.push(fault);
		return this.describe(fault);
	}

	/** The fault for this request, if any, counted as used. */
	take(method: string, path: string): ActiveFault | undefined {
		if (this.faults.length === 0) return undefined;
		const fault = this.faults.find(
			(f) => (!f.method || f.method === method) && (!f.matcher || f.matcher.test(path)),
		);
		if (!fault) return undefined;
		fault.remaining--;
		fault.hits++;
		if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
		return this.describe(fault);
	}

	list(): ActiveFault[] {
		return this.faults.map((f) => this.describe(f));
	}

	clear(): void {
		this.faults = [];
	}

	private describe(fault: ActiveFault & { matcher?: RegExp }): ActiveFault {
		const copy: ActiveFault & { matcher?: RegExp } = { ...fault };
		delete copy.matcher;
		return copy;
	}
}

/** The Meta error a kind 'error' fault answers with. */
export function faultError(fault: FaultSpec): MetaError {
	const spec = fault.error ?? { code: 2 };
	const defaultStatus = spec.code === 1 || spec.code === 2 ? 500 : 400;
	return errorForCode(spec.code, { ...spec, httpStatus: fault.status ?? spec.httpStatus ?? defaultStatus });
}
