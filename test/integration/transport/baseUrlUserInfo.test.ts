import type { INodeParameters } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { DEMO } from '../../../tools/sandbox';
import { runNode, sandboxCredentials, type NodeRunResult } from '../harness';

/*
 * Issue 19: a Base URL may carry a user and password (a proxy's login). Before the fix, a network error
 * read "Could not get an answer from the Graph API at proxyuser:proxypass-secret@127.0.0.1:1", and a dry
 * run showed the URL with both. Port 1 on the loopback is closed: the connection is refused at once.
 */
const BASE_URL_WITH_USER_INFO = 'http://proxyuser:proxypass-secret@127.0.0.1:1';
const USER_INFO_PARTS = ['proxypass-secret', 'proxyuser'];

async function run(
	node: WhatsAppCalling | MessengerCalling,
	parameters: INodeParameters,
	continueOnFail = false,
): Promise<NodeRunResult> {
	return await runNode({
		node,
		parameters,
		credentials: { metaCallingApi: sandboxCredentials(BASE_URL_WITH_USER_INFO) },
		continueOnFail,
	});
}

/** Everything a user or a log could see of the run: the error's message, description, its JSON, the stack, the items. */
function everythingShown(result: NodeRunResult): string[] {
	const error = result.error ?? {};
	return [
		String(result.error?.message),
		String(result.error?.description),
		JSON.stringify(error),
		JSON.stringify(Object.assign({}, error)),
		String(result.error?.stack),
		JSON.stringify(result.items),
		JSON.stringify(result.run),
	];
}

function expectNoUserInfo(result: NodeRunResult) {
	for (const text of everythingShown(result)) {
		for (const part of USER_INFO_PARTS) expect(text).not.toContain(part);
	}
}

describe('the user info of the credential’s Base URL never shows', () => {
	it('in a network error: message, description and the serialized error', async () => {
		const result = await run(new WhatsAppCalling(), {
			phoneNumberId: DEMO.phoneNumberId,
			resource: 'callingSettings',
			operation: 'get',
		});
		expect(result.error?.message).toBe('Could not get an answer from the Graph API at 127.0.0.1:1: the server refused the connection');
		expect(String(result.error?.description)).toMatch(/^Network error ECONNREFUSED/);
		expectNoUserInfo(result);
	});

	it('in the error item of a continued run', async () => {
		const result = await run(
			new MessengerCalling(),
			{ pageId: DEMO.pageId, resource: 'callSettings', operation: 'get' },
			true,
		);
		expect(result.items[0].json).toMatchObject({ code: 'ECONNREFUSED' });
		expect(JSON.stringify(result.items[0].json)).toContain('127.0.0.1:1');
		expectNoUserInfo(result);
	});

	it('in a dry run’s request preview', async () => {
		const result = await run(new MessengerCalling(), {
			pageId: DEMO.pageId,
			resource: 'message',
			operation: 'sendCallPrompt',
			recipientId: DEMO.psid,
			options: { dryRun: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.request).toMatchObject({ url: `http://127.0.0.1:1/v26.0/${DEMO.pageId}/messages` });
		expectNoUserInfo(result);
	});
});
