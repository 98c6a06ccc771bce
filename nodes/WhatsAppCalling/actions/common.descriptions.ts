import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { concurrencyOption, dryRunOption, maxWaitSecondsOption } from '../../shared/descriptions/options';

/** The `options` collection of one operation: the shared loop options plus its own, in alphabetical order. */
export function optionsCollection(
	displayOptions: IDisplayOptions,
	{ write, extra = [] }: { write: boolean; extra?: INodeProperties[] },
): INodeProperties {
	const shared = write ? [concurrencyOption, dryRunOption, maxWaitSecondsOption] : [concurrencyOption, maxWaitSecondsOption];
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
