import type { IDataObject } from 'n8n-workflow';

/**
 * An item's result that is known only later: its write has gone out and is being checked against
 * concurrent writers (shared/execution/accountUpdate.ts waits a few seconds and reads again). runItems
 * starts the next items meanwhile, so the wait costs no throughput, and collects this result at the end.
 */
export class Settling {
	constructor(readonly result: Promise<IDataObject | IDataObject[]>) {}
}

export type ItemResult = IDataObject | IDataObject[] | Settling;
