import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { WhatsAppCallingTrigger } from '../../../nodes/WhatsAppCallingTrigger/WhatsAppCallingTrigger.node';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { sandboxCredentials } from '../harness';
import { runListSearch } from '../listSearchHarness';

// More than one page of 100 (the page size the nodes ask for; the sandbox, like Meta, answers at most 100).
const BULK_NUMBERS = 230;
const BULK_PAGES = 150;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ bulkPhoneNumbers: BULK_NUMBERS, bulkPages: BULK_PAGES });
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.close());

function credentials(extra: ICredentialDataDecryptedObject = {}) {
	return { metaCallingApi: { ...sandboxCredentials(sandbox.url), ...extra } };
}

function requestsTo(path: string) {
	return sandbox.requests.filter((r) => r.path === path);
}

/** debug_token as Meta answers it for a token whose scopes name no targets (e.g. a developer's user token). */
function debugTokenAnswers(data: Record<string, unknown>) {
	sandbox.addFault({ kind: 'http', method: 'GET', path: '/debug_token', status: 200, body: JSON.stringify({ data }), times: 10 });
}

describe('From List: phone numbers', () => {
	it('lists every number of every granted WABA, following the paging cursors', async () => {
		const { results } = await runListSearch({ node: new WhatsAppCalling(), method: 'searchPhoneNumbers', credentials: credentials() });
		expect(results).toHaveLength(BULK_NUMBERS + 2);
		expect(new Set(results.map((r) => r.value)).size).toBe(BULK_NUMBERS + 2);
		const pages = requestsTo(`/${DEMO.wabaId}/phone_numbers`);
		expect(pages).toHaveLength(3);
		expect(pages[0].query.after).toBeUndefined();
		expect(pages[1].query.after).toEqual(expect.any(String));
		const demo = results.find((r) => r.value === DEMO.disabledPhoneNumberId);
		expect(demo).toMatchObject({ name: '+1 555-010-0002 · Sandbox Support · quality YELLOW' });
		expect(demo?.description).toBe(`ID ${DEMO.disabledPhoneNumberId} · Sandbox WABA`);
	});

	it('narrows by number (with or without spaces and dashes), by verified name and by ID', async () => {
		const search = async (filter: string) =>
			(await runListSearch({ node: new WhatsAppCalling(), method: 'searchPhoneNumbers', credentials: credentials(), filter })).results.map(
				(r) => r.value,
			);
		expect(await search('+1 555-010-0002')).toEqual([DEMO.disabledPhoneNumberId]);
		expect(await search('15550100001')).toEqual([DEMO.phoneNumberId]);
		expect(await search('support')).toEqual([DEMO.disabledPhoneNumberId]);
		expect(await search(DEMO.phoneNumberId)).toEqual([DEMO.phoneNumberId]);
	});

	it('sends the token to debug_token only as input_token, and the sandbox log redacts it', async () => {
		await runListSearch({ node: new WhatsAppCalling(), method: 'searchPhoneNumbers', credentials: credentials() });
		const [inspect] = requestsTo('/debug_token');
		expect(inspect.query.input_token).toBe('REDACTED');
	});
});

describe('From List: WhatsApp Business Accounts', () => {
	it('lists the WABAs in the token’s granular scopes, with their names', async () => {
		const { results } = await runListSearch({ node: new WhatsAppCallingTrigger(), method: 'searchWabas', credentials: credentials() });
		expect(results).toEqual([{ name: `Sandbox WABA (${DEMO.wabaId})`, value: DEMO.wabaId }]);
	});

	it('falls back on the credential’s WhatsApp Business Account ID when Meta names no target', async () => {
		debugTokenAnswers({ type: 'USER', is_valid: true, granular_scopes: [{ scope: 'whatsapp_business_management' }] });
		const { results } = await runListSearch({
			node: new WhatsAppCallingTrigger(),
			method: 'searchWabas',
			credentials: credentials({ businessAccountId: ` ${DEMO.wabaId} ` }),
		});
		expect(results.map((r) => r.value)).toEqual([DEMO.wabaId]);
	});

	it('without targets and without the credential field, says what to do', async () => {
		debugTokenAnswers({ type: 'USER', is_valid: true, granular_scopes: [] });
		const search = runListSearch({ node: new WhatsAppCalling(), method: 'searchPhoneNumbers', credentials: credentials() });
		await expect(search).rejects.toMatchObject({
			message: 'Meta lists no WhatsApp Business Account for this access token',
			description: expect.stringContaining('"WhatsApp Business Account ID" in the credential'),
		});
	});
});

describe('From List: Pages', () => {
	it('lists every Page of /me/accounts across pages of results', async () => {
		const { results } = await runListSearch({ node: new MessengerCalling(), method: 'searchPages', credentials: credentials() });
		expect(results).toHaveLength(BULK_PAGES + 2);
		expect(requestsTo('/me/accounts')).toHaveLength(2);
		expect(results.find((r) => r.value === DEMO.pageId)).toEqual({
			name: `Sandbox Page One (${DEMO.pageId})`,
			value: DEMO.pageId,
			url: `https://www.facebook.com/${DEMO.pageId}`,
		});
	});

	it('narrows by name and by ID', async () => {
		const search = async (filter: string) =>
			(await runListSearch({ node: new MessengerCalling(), method: 'searchPages', credentials: credentials(), filter })).results.map((r) => r.value);
		expect(await search('page two')).toEqual([DEMO.pageWithoutHoursId]);
		expect(await search(DEMO.pageId)).toEqual([DEMO.pageId]);
		expect(await search('Bulk Page 0149')).toHaveLength(1);
	});

	it('a Page token (no /me/accounts at Meta) lists its own Page', async () => {
		debugTokenAnswers({ type: 'PAGE', is_valid: true, profile_id: DEMO.pageId });
		const { results } = await runListSearch({ node: new MessengerCalling(), method: 'searchPages', credentials: credentials() });
		expect(results.map((r) => r.value)).toEqual([DEMO.pageId]);
		expect(requestsTo('/me/accounts')).toHaveLength(0);
	});
});

describe('From List: timezones', () => {
	it('every IANA zone with its offset now; the search narrows it', async () => {
		const all = await runListSearch({ node: new MessengerCalling(), method: 'searchTimezones', credentials: credentials() });
		expect(all.results.length).toBeGreaterThan(300);
		expect(all.results[0].value).toBe('UTC');
		const { results } = await runListSearch({ node: new WhatsAppCalling(), method: 'searchTimezones', credentials: credentials(), filter: 'los angeles' });
		expect(results.map((r) => r.value)).toEqual(['America/Los_Angeles']);
		expect(results[0].description).toMatch(/^UTC-0[78]:00 now \(P[SD]T\)$/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
