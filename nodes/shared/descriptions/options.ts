import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseConcurrency, type ConcurrencySetting } from '../transport/congestion';
import { InputError } from '../validation';

/*
 * Options both action nodes put in their `options` collection, and their readers: runItems reads
 * `concurrency` and `maxWaitSeconds` of item 0 (readRunOptions); an operation reads `dryRun` and
 * `verifyWrites` once per item in its validate (readOptions) and hands the result on.
 */

const DEFAULT_MAX_WAIT_SECONDS = 60;

/**
 * A string rather than a number field: the editor then shows "auto" as the default in the field itself,
 * and the same field takes a fixed number. runItems validates it (auto, or a whole number 1–50).
 */
const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'string',
	default: 'auto',
	placeholder: 'auto',
	description:
		'How many requests to Meta may be in flight at once. "auto" starts small, speeds up while Meta answers cleanly and slows down when Meta reports rate limits or high usage. A whole number from 1 to 50 fixes it.',
};

const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only show the request that would be sent (method, URL, query and body, without the token) instead of changing anything at Meta',
};

const maxWaitSecondsOption: INodeProperties = {
	displayName: 'Max Wait (Seconds)',
	name: 'maxWaitSeconds',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 3600 },
	default: DEFAULT_MAX_WAIT_SECONDS,
	description:
		'The longest one request may wait in total for Meta rate limits or temporary errors to pass before the item fails. 0 = never retry.',
};

/** For operations that read settings, change a part and write them back (shared/execution/accountUpdate.ts). */
const verifyWritesOption: INodeProperties = {
	displayName: 'Check for Concurrent Writes',
	name: 'verifyWrites',
	type: 'boolean',
	default: true,
	description:
		'Whether to read the settings again a few seconds after writing and, if another execution (another workflow, a queue-mode worker) wrote older settings over this change meanwhile, write it again on top of theirs. Turn off only when nothing else changes this account at the same time: it saves one read and about 3 seconds per item.',
};

/** The `options` collection of one operation: the shared loop options plus its own, in alphabetical order. */
export function optionsCollection(
	displayOptions: IDisplayOptions,
	{ write, readModifyWrite = false, extra = [] }: { write: boolean; readModifyWrite?: boolean; extra?: INodeProperties[] },
): INodeProperties {
	const shared = write ? [concurrencyOption, dryRunOption, maxWaitSecondsOption] : [concurrencyOption, maxWaitSecondsOption];
	if (readModifyWrite) shared.push(verifyWritesOption);
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [...shared, ...extra].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function showFor(resource: string, operation: string): IDisplayOptions {
	return { show: { resource: [resource], operation: [operation] } };
}

/** The options of one item that its writes follow. */
export interface ItemOptions {
	dryRun: boolean;
	/** on unless switched off (operations without the option: on) */
	verifyWrites: boolean;
}

export function readOptions(ctx: IExecuteFunctions, itemIndex: number): ItemOptions {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { dryRun: options.dryRun === true, verifyWrites: options.verifyWrites !== false };
}

/** The options that hold for the whole run (one client, one window): item 0's. */
export interface RunOptions {
	concurrency: ConcurrencySetting;
	maxTotalWaitMs: number;
}

function readRunOption(ctx: IExecuteFunctions, name: string, fallback: unknown): unknown {
	try {
		return ctx.getNodeParameter(`options.${name}`, 0, fallback);
	} catch {
		return fallback; // an operation without the options collection
	}
}

export function readRunOptions(ctx: IExecuteFunctions): RunOptions {
	const concurrency = parseConcurrency(readRunOption(ctx, 'concurrency', 'auto'));
	if (concurrency === undefined) throw new InputError('options.concurrency', 'must be auto or a whole number from 1 to 50');
	const seconds = Number(readRunOption(ctx, 'maxWaitSeconds', DEFAULT_MAX_WAIT_SECONDS));
	if (!Number.isFinite(seconds) || seconds < 0) throw new InputError('options.maxWaitSeconds', 'must be a number of seconds, 0 or more');
	return { concurrency, maxTotalWaitMs: seconds * 1000 };
}

/** readOptions plus the operation's own options (`values`), from one read of the collection. */
export function readOptionValues(ctx: IExecuteFunctions, itemIndex: number): ItemOptions & { values: IDataObject } {
	const values = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { dryRun: values.dryRun === true, verifyWrites: values.verifyWrites !== false, values };
}
