import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MAX_WAIT_SECONDS } from '../descriptions/options';
import { MAX_WINDOW, parseConcurrency, type ConcurrencySetting } from '../transport/congestion';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../transport/graph';
import { META_ERROR_FIELDS } from '../transport/metaError';
import { InputError } from '../validation';
import { Settling, type ItemResult } from './settling';

/**
 * Handles one input item; an array result becomes several output items paired with that input, a
 * Settling result is collected when it settles (the item no longer counts as in flight meanwhile).
 */
export type ItemHandler = (itemIndex: number, graph: GraphClient) => Promise<ItemResult>;

/** Items being worked on at once. The client's congestion window bounds the requests among them. */
export const MAX_ITEMS_IN_FLIGHT = MAX_WINDOW;

function readOption(ctx: IExecuteFunctions, name: string, fallback: unknown): unknown {
	try {
		return ctx.getNodeParameter(`options.${name}`, 0, fallback);
	} catch {
		return fallback; // an operation without the options collection
	}
}

function readConcurrency(ctx: IExecuteFunctions): ConcurrencySetting {
	const setting = parseConcurrency(readOption(ctx, 'concurrency', 'auto'));
	if (setting === undefined) {
		throw new NodeOperationError(ctx.getNode(), 'options.concurrency: must be auto or a whole number from 1 to 50');
	}
	return setting;
}

function readMaxWaitMs(ctx: IExecuteFunctions): number {
	const seconds = Number(readOption(ctx, 'maxWaitSeconds', DEFAULT_MAX_WAIT_SECONDS));
	if (!Number.isFinite(seconds) || seconds < 0) {
		throw new NodeOperationError(ctx.getNode(), 'options.maxWaitSeconds: must be a number of seconds, 0 or more');
	}
	return seconds * 1000;
}

/** Every failure of an item becomes an n8n error that names the item. */
function asItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof InputError) {
		const converted = new NodeOperationError(ctx.getNode(), error.message, { itemIndex });
		Object.assign(converted, { field: error.field, rule: error.rule });
		return converted;
	}
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error), { itemIndex });
}

/** The output item a failed input becomes under continueOnFail: the message plus Meta's codes. */
function errorJson(error: NodeApiError | NodeOperationError): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	const fields = error as unknown as IDataObject;
	for (const key of [...META_ERROR_FIELDS, 'error_details', 'field', 'rule']) {
		if (fields[key] !== undefined) json[key] = fields[key];
	}
	return json;
}

function toOutputItems(result: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** Client settings that are not user options (tests and benchmarks shrink the backoff). */
export type ClientTuning = Pick<GraphClientOptions, 'backoff' | 'requestTimeoutMs' | 'random'>;

/**
 * Runs `handler` for every input item, several at once, with one GraphClient shared by all of them
 * (so its congestion window and rate-limit pause cover the whole node). Output keeps input order.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handler: ItemHandler,
	tuning: ClientTuning = {},
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const graph = await createGraphClient(ctx, {
		...tuning,
		concurrency: readConcurrency(ctx),
		maxTotalWaitMs: readMaxWaitMs(ctx),
	});
	const continueOnFail = ctx.continueOnFail();
	const outputs: INodeExecutionData[][] = new Array<INodeExecutionData[]>(items.length);
	const failures = new Map<number, NodeApiError | NodeOperationError>();
	let nextIndex = 0;

	const settling: Array<Promise<void>> = [];

	function fail(itemIndex: number, error: unknown): void {
		const itemError = asItemError(ctx, error, itemIndex);
		if (!continueOnFail) failures.set(itemIndex, itemError);
		else outputs[itemIndex] = [{ json: errorJson(itemError), pairedItem: { item: itemIndex } }];
	}

	// Each worker takes the next item; after a failure (without continueOnFail) no new item starts,
	// the ones in flight settle, and the first failure in input order is thrown.
	async function worker(): Promise<void> {
		while (nextIndex < items.length && failures.size === 0) {
			const itemIndex = nextIndex++;
			try {
				const result = await handler(itemIndex, graph);
				if (result instanceof Settling) {
					settling.push(
						result.result.then(
							(value) => void (outputs[itemIndex] = toOutputItems(value, itemIndex)),
							(error: unknown) => fail(itemIndex, error),
						),
					);
				} else {
					outputs[itemIndex] = toOutputItems(result, itemIndex);
				}
			} catch (error) {
				fail(itemIndex, error);
			}
		}
	}

	const workers = Math.min(MAX_ITEMS_IN_FLIGHT, items.length);
	await Promise.all(Array.from({ length: workers }, async () => await worker()));
	await Promise.all(settling);

	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return [outputs.flat()];
}
