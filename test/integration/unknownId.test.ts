import { useSandbox } from './nodeTestKit';
import { runMessenger } from './messenger/setup';
import { runWhatsApp } from './whatsapp/setup';
import type { NodeRunResult } from './harness';

/*
 * Meta answers an ID it does not know (or the token cannot reach) with code 100, subcode 33: "Unsupported
 * get request. Object with ID '…' does not exist, cannot be loaded due to missing permissions…". The
 * error must name the field that ID came from, as the user sees it, and keep Meta's message and codes.
 * messenger_call_settings answers an unknown Page with code 100 "Invalid page-id". The sandbox answers
 * unknown IDs as Meta does.
 */
const sandbox = useSandbox();
const UNKNOWN = '3999999999999999';

function errorOf(result: NodeRunResult): { message: string; description: string; code: unknown } {
	const error = result.error as (Error & { description?: string; code?: unknown }) | undefined;
	if (!error) throw new Error('expected an error');
	return { message: error.message, description: error.description ?? '', code: error.code };
}

describe("an unknown ID: Meta's error names the field it came from", () => {
	it.each([
		['WhatsApp Calling, Phone Number ID', () => runWhatsApp(sandbox.current, { resource: 'callingSettings', operation: 'get', phoneNumberId: UNKNOWN }), 'Phone Number ID'],
		[
			'WhatsApp Calling, WhatsApp Business Account ID',
			() => runWhatsApp(sandbox.current, { resource: 'phoneNumber', operation: 'getAll', wabaId: UNKNOWN, returnAll: true }),
			'WhatsApp Business Account ID',
		],
		['Messenger Calling, Page ID', () => runMessenger(sandbox.current, { resource: 'callSettings', operation: 'get', pageId: UNKNOWN }), 'Page ID'],
		[
			'Messenger Calling, Page ID of a write',
			() => runMessenger(sandbox.current, { resource: 'callSettings', operation: 'setIconVisibility', iconEnabled: false, pageId: UNKNOWN }),
			'Page ID',
		],
	])('%s', async (_name, run, field) => {
		const error = errorOf(await run());
		expect(error.message).toMatch(new RegExp(`^${field}: (Unsupported (get|post) request\\. Object with ID '${UNKNOWN}' does not exist|\\(#100\\) Invalid parameter)`));
		expect(error.description).toContain(`${field} ${UNKNOWN}: Meta has no such object`);
		expect(error.code).toBe(100);
	});
});
