import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { inputErrorInWords, type Shown } from '../descriptions/fieldLabel';
import { readRunOptions, type RunOptions } from '../descriptions/options';
import { MAX_FIXED_WINDOW, MAX_WINDOW } from '../transport/congestion';
import { createGraphClient, guarded } from '../transport/graph';
import { META_ERROR_FIELDS } from '../transport/metaError';
import type { GraphClient, GraphClientOptions } from '../transport/types';
import { InputError } from '../validation';
import { describeRunOutcome, type ItemState } from './runOutcome';
import { Settling, type ItemResult } from './settling';

/**
 * Handles one input item; an array result becomes several output items paired with that input, a
 * Settling result is collected when it settles (the item no longer counts as in flight meanwhile).
 * `input` is what `validate` returned for the item.
 */
export type ItemHandler = (itemIndex: number, graph: GraphClient, input: unknown) => Promise<ItemResult>;

/** Items being worked on at once. The client's congestion window bounds the requests among them. */
const MAX_ITEMS_IN_FLIGHT = MAX_WINDOW;

/** The node's parameters (to name fields by their labels) and the resource/operation chosen. */
interface NodeScreen {
	properties: readonly INodeProperties[];
	shown: Shown;
}

function readShown(ctx: IExecuteFunctions): Shown {
	const shown: Shown = {};
	for (const key of ['resource', 'operation'] as const) {
		try {
			shown[key] = String(ctx.getNodeParameter(key, 0));
		} catch {
			// a node without it
		}
	}
	return shown;
}

/** An InputError as n8n shows it: the field in the labels on screen, how to fix it, the item. */
function inputErrorOf(ctx: IExecuteFunctions, error: InputError, screen: NodeScreen, itemIndex?: number): NodeOperationError {
	const words = inputErrorInWords(screen.properties, error, screen.shown);
	const converted = new NodeOperationError(ctx.getNode(), words.message, { itemIndex, description: words.description });
	Object.assign(converted, { field: error.field, fieldLabel: words.label, rule: error.rule });
	return converted;
}

function readOrFail(ctx: IExecuteFunctions, screen: NodeScreen): RunOptions {
	try {
		return readRunOptions(ctx);
	} catch (error) {
		throw error instanceof InputError ? inputErrorOf(ctx, error, screen) : new NodeOperationError(ctx.getNode(), error as Error);
	}
}

/** Every failure of an item becomes an n8n error that names the item. */
function asItemError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	screen: NodeScreen,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof InputError) return inputErrorOf(ctx, error, screen, itemIndex);
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error), { itemIndex });
}

/**
 * The output item a failed input becomes under continueOnFail: the message plus Meta's codes.
 * With "Continue (using error output)" n8n's engine moves an item to the error output only when its json
 * has the single key `error` (n8n 1.x; 2.x also allows message and details), and an `error` on the item
 * itself would make n8n 2.x drop the codes; so there the whole error is one object under `error`, and
 * n8n adds the input item's fields beside it.
 */
function errorItem(ctx: IExecuteFunctions, error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	const fields = error as unknown as IDataObject;
	for (const key of [...META_ERROR_FIELDS, 'error_details', 'field', 'fieldLabel', 'rule']) {
		if (fields[key] !== undefined) details[key] = fields[key];
	}
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const json = toErrorOutput ? { error: { message: error.message, ...details } } : { error: error.message, ...details };
	return { json, pairedItem: { item: itemIndex } };
}

/** A request that must not be repeated lost its answer (transport/metaError.ts, ambiguousOutcomeError). */
function outcomeUnknown(error: NodeApiError | NodeOperationError): boolean {
	return error instanceof NodeApiError && error.errorResponse?.ambiguous === true;
}

function appendDescription(error: NodeApiError | NodeOperationError, text: string): void {
	error.description = [error.description, text].filter(Boolean).join(' ');
}

function toOutputItems(result: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/**
 * The client one item uses: once the run has stopped (On Error: Stop and another item failed), the item's
 * requests are withdrawn (WithdrawnError), up to its first change. An item waiting for its account's turn
 * (execution/accountUpdate.ts) has not started in the user's eyes, so it must not write after the failure;
 * once it has sent a change, its remaining requests (the check, the rest of its writes) go on, so it never
 * stops half-done.
 */
function itemClient(graph: GraphClient, runStopped: () => boolean): GraphClient {
	let changed = false;
	return guarded(graph, {
		beforeSend: (req) => {
			if (!changed && runStopped()) throw new WithdrawnError();
			if (req.method !== 'GET') changed = true;
		},
	});
}

/** A request of an item the loop withdrew before it left (another item had failed): nothing was sent (never shown). */
class WithdrawnError extends Error {}

/** Client settings that are not user options (tests and benchmarks shrink the backoff). */
export type ClientTuning = Pick<GraphClientOptions, 'backoff' | 'requestTimeoutMs' | 'random'>;

/** What an operation tells the item loop about itself (see execution/router.ts). */
export interface ItemRules {
	/**
	 * Reads one item's parameters and runs the pure checks; throws when the item breaks a rule. What it
	 * returns reaches the handler, so no parameter is read (and no expression evaluated) twice.
	 */
	validate?: (itemIndex: number) => unknown;
	/** With On Error: Stop, items run one at a time in input order, so nothing after a failed item is sent. */
	sequentialOnStop?: boolean;
	/** The node's parameters: input errors then name fields by their labels on screen (descriptions/fieldLabel.ts). */
	properties?: readonly INodeProperties[];
}

export type ItemLoopOptions = ItemRules & ClientTuning;

/** What a run has produced so far: every item's output, the failures (On Error: Stop) and the checks still settling. */
class RunState {
	readonly outputs: INodeExecutionData[][];
	readonly failures = new Map<number, NodeApiError | NodeOperationError>();
	readonly settling: Array<Promise<void>> = [];
	readonly continueOnFail: boolean;

	constructor(
		readonly ctx: IExecuteFunctions,
		readonly screen: NodeScreen,
		readonly itemCount: number,
	) {
		this.outputs = new Array<INodeExecutionData[]>(itemCount);
		this.continueOnFail = ctx.continueOnFail();
	}

	/** On Error: Stop and an item failed: no new item starts. */
	stopped(): boolean {
		return !this.continueOnFail && this.failures.size > 0;
	}

	fail(itemIndex: number, error: unknown): void {
		if (error instanceof WithdrawnError) return; // not started: no output, no failure
		const itemError = asItemError(this.ctx, error, itemIndex, this.screen);
		if (!this.continueOnFail) this.failures.set(itemIndex, itemError);
		else this.outputs[itemIndex] = [errorItem(this.ctx, itemError, itemIndex)];
	}

	/** A Settling result is collected when it settles: the item no longer holds a slot meanwhile. */
	record(itemIndex: number, result: ItemResult): void {
		if (!(result instanceof Settling)) {
			this.outputs[itemIndex] = toOutputItems(result, itemIndex);
			return;
		}
		this.settling.push(
			result.result.then(
				(value) => void (this.outputs[itemIndex] = toOutputItems(value, itemIndex)),
				(error: unknown) => this.fail(itemIndex, error),
			),
		);
	}

	/** With On Error: Stop, the first failure in input order, saying which items were applied. */
	firstFailure(): NodeApiError | NodeOperationError | undefined {
		if (this.failures.size === 0) return undefined;
		const first = this.failures.get(Math.min(...this.failures.keys()))!;
		if (this.itemCount > 1) {
			const states = Array.from({ length: this.itemCount }, (_, itemIndex): ItemState => {
				const failure = this.failures.get(itemIndex);
				if (failure) return outcomeUnknown(failure) ? 'unknown' : 'failed';
				return this.outputs[itemIndex] ? 'applied' : 'notStarted';
			});
			appendDescription(first, describeRunOutcome(states));
		}
		return first;
	}
}

/**
 * The validation phase, before any request leaves: each item's input for the items that may run. With
 * On Error: Stop the first invalid item fails the node; with continueOnFail it becomes an error item.
 */
function validateAll(run: RunState, validate: ItemRules['validate']): Map<number, unknown> {
	const inputs = new Map<number, unknown>();
	for (let itemIndex = 0; itemIndex < run.itemCount; itemIndex++) {
		try {
			inputs.set(itemIndex, validate?.(itemIndex));
		} catch (error) {
			const itemError = asItemError(run.ctx, error, itemIndex, run.screen);
			if (!run.continueOnFail) {
				if (run.itemCount > 1) {
					appendDescription(itemError, `Item ${itemIndex} breaks this rule, so nothing was sent for any item (all items are checked before the first request).`);
				}
				throw itemError;
			}
			run.outputs[itemIndex] = [errorItem(run.ctx, itemError, itemIndex)];
		}
	}
	return inputs;
}

/**
 * Works off the items, at most `maxWorkers` at once; each worker takes the next item. After a failure
 * (without continueOnFail) no new item starts and the ones in flight go on to their end.
 *
 * Beyond 50, items are in flight only while the window is that wide: under a limit, items started beyond
 * it would read long before their writes could leave (the reads go stale). The window grows as answers
 * come back, so each finished item starts the workers a wider window now allows (no polling: a worker
 * that slept and re-checked woke up to 50 ms late, an idle gap in every ramp), and a worker above a
 * narrower window ends after its item.
 */
async function workOff(run: RunState, graph: GraphClient, handler: ItemHandler, inputs: Map<number, unknown>, maxWorkers: number): Promise<void> {
	const queue = [...inputs.keys()];
	const workers: Array<Promise<void>> = [];
	let active = 0;
	const allowed = () => Math.min(maxWorkers, Math.max(MAX_FIXED_WINDOW, graph.windowLimit?.() ?? 0));
	const mayStart = () => queue.length > 0 && run.failures.size === 0;
	function startAllowedWorkers(): void {
		while (active < allowed() && mayStart()) {
			active++;
			workers.push(worker());
		}
	}
	async function worker(): Promise<void> {
		while (mayStart() && active <= allowed()) {
			const itemIndex = queue.shift()!;
			try {
				run.record(itemIndex, await handler(itemIndex, itemClient(graph, () => run.stopped()), inputs.get(itemIndex)));
			} catch (error) {
				run.fail(itemIndex, error);
			}
			startAllowedWorkers();
		}
		active--;
	}
	startAllowedWorkers();
	// Workers started later are appended while this waits.
	for (let i = 0; i < workers.length; i++) await workers[i];
	await Promise.all(run.settling);
}

/**
 * Runs `handler` for every input item, several at once, with one GraphClient shared by all of them
 * (so its congestion window and rate-limit pause cover the whole node). Output keeps input order.
 *
 * Failures, n8n's way: every item is validated before the first request leaves. With On Error: Stop, an
 * invalid item fails the node before anything is sent; a failure during the run starts no further item,
 * lets the ones in flight finish, and says which items were applied. With continueOnFail, each failing or
 * invalid item becomes its own error item and the others go on.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handler: ItemHandler,
	options: ItemLoopOptions = {},
): Promise<INodeExecutionData[][]> {
	const { validate, sequentialOnStop = false, properties = [], ...tuning } = options;
	const screen: NodeScreen = { properties, shown: readShown(ctx) };
	const run = new RunState(ctx, screen, ctx.getInputData().length);
	const runOptions = readOrFail(ctx, screen);
	const inputs = validateAll(run, validate);

	const graph = await createGraphClient(ctx, { ...tuning, ...runOptions });
	const sequential = sequentialOnStop && !run.continueOnFail;
	await workOff(run, graph, handler, inputs, sequential ? 1 : Math.min(MAX_ITEMS_IN_FLIGHT, inputs.size));

	const failure = run.firstFailure();
	if (failure) throw failure;
	return [run.outputs.flat()];
}

// The router: which operation file handles the items of a run.

/** One operation file: its `execute` handles one item. */
export interface Operation {
	/** `input` is what `validate` returned for this item (read once: expressions cost CPU per evaluation). */
	execute(this: IExecuteFunctions, itemIndex: number, graph: GraphClient, input: unknown): Promise<ItemResult>;
	/** Reads the item's parameters and runs the pure checks, before any item's request leaves (throws on a broken rule). */
	validate?(this: IExecuteFunctions, itemIndex: number): unknown;
	/** True for operations that must never be repeated (a message): with On Error: Stop, one item at a time. */
	sequentialOnStop?: boolean;
}

/** resource -> operation -> the operation file. */
export type OperationTable = Record<string, Record<string, Operation>>;

/** What a `*.resource.ts` module exports: the selector the user sees and the operation files behind it. */
export interface ResourceModule {
	operationField: INodeProperties;
	operations: Record<string, Operation & { description: INodeProperties[] }>;
}

/**
 * A node's table, built from its resource modules. Each operation is listed once, in its resource's
 * `operations`; the selector's options stay literal so n8n's lint rules read them, and a value without an
 * operation file (or the reverse) fails here, when the node loads.
 */
export function operationTable(resources: Record<string, ResourceModule>): OperationTable {
	const table: OperationTable = {};
	for (const [resource, module] of Object.entries(resources)) {
		const offered = (module.operationField.options ?? []).map((option) => String('value' in option ? option.value : ''));
		const routed = Object.keys(module.operations);
		if (offered.sort().join() !== routed.sort().join()) {
			throw new Error(`Resource "${resource}" offers ${offered.join(', ')} but has operation files for ${routed.join(', ')}`);
		}
		table[resource] = module.operations;
	}
	return table;
}

/** The parameters of every operation of a resource, in the order of its `operations`. */
export function operationParameters(operations: ResourceModule['operations']): INodeProperties[] {
	return Object.values(operations).flatMap((operation) => operation.description);
}

/**
 * Dispatches a node run to the chosen operation and hands it to the shared item loop. Resource and
 * operation are the same for every item: n8n does not allow expressions in them.
 */
export async function routeToOperation(
	ctx: IExecuteFunctions,
	operations: OperationTable,
	properties: readonly INodeProperties[],
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const chosen = operations[resource]?.[operation];
	if (!chosen) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	const validate = chosen.validate;
	return await runItems(ctx, async (itemIndex, graph, input) => await chosen.execute.call(ctx, itemIndex, graph, input), {
		validate: validate ? (itemIndex) => validate.call(ctx, itemIndex) : undefined,
		sequentialOnStop: chosen.sequentialOnStop === true,
		properties,
	});
}
