import { sleep } from 'n8n-workflow';

/*
 * Long loops over outside input (a feed's lines, events, occurrences) check in here: once a slice of work
 * has run, they let n8n's other work (webhooks, the editor, other executions) run before going on.
 */

/** Well under the 50 ms that n8n's event loop may be held; Date.now is cheap enough to ask every step. */
const SLICE_MS = 20;

/** A check-in for one loop: `await step()` yields to the event loop when the current slice is used up. */
export function pacer(): () => Promise<void> {
	let since = Date.now();
	return async () => {
		if (Date.now() - since < SLICE_MS) return;
		await sleep(0);
		since = Date.now();
	};
}
