import { WhatsAppCalling } from '../../../nodes/WhatsAppCalling/WhatsAppCalling.node';
import { DEMO, startSandbox, type Sandbox } from '../../../tools/sandbox';
import { runNode, sandboxCredentials } from '../harness';
import { jsonOf } from '../nodeTestKit';

const BULK_NUMBERS = 140;
const ALL = BULK_NUMBERS + 2;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ bulkPhoneNumbers: BULK_NUMBERS });
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.close());

const WABA_FROM_LIST = { __rl: true, mode: 'list', value: DEMO.wabaId, cachedResultName: 'Sandbox WABA' };

async function getMany(parameters: Record<string, unknown>, continueOnFail = false) {
	return await runNode({
		node: new WhatsAppCalling(),
		parameters: { resource: 'phoneNumber', operation: 'getAll', wabaId: WABA_FROM_LIST, ...parameters } as never,
		credentials: { metaCallingApi: sandboxCredentials(sandbox.url) },
		continueOnFail,
	});
}

const listRequests = () => sandbox.requests.filter((r) => r.path === `/${DEMO.wabaId}/phone_numbers`);

describe('WhatsApp Calling → Phone Number → Get Many', () => {
	it('Return All: one item per number, across every page of Meta’s list', async () => {
		const items = jsonOf(await getMany({ returnAll: true }));
		expect(items).toHaveLength(ALL);
		expect(listRequests()).toHaveLength(2);
		expect(items.find((i) => i.phoneNumberId === DEMO.disabledPhoneNumberId)).toEqual({
			phoneNumberId: DEMO.disabledPhoneNumberId,
			displayPhoneNumber: '+1 555-010-0002',
			verifiedName: 'Sandbox Support',
			qualityRating: 'YELLOW',
			wabaId: DEMO.wabaId,
		});
	});

	it('Limit: only that many, asking Meta for no more than needed', async () => {
		const items = jsonOf(await getMany({ returnAll: false, limit: 30 }));
		expect(items).toHaveLength(30);
		expect(listRequests().map((r) => r.query.limit)).toEqual(['30']);
		const beyondOnePage = jsonOf(await getMany({ returnAll: false, limit: 120 }));
		expect(beyondOnePage).toHaveLength(120);
		expect(new Set(beyondOnePage.map((i) => i.phoneNumberId)).size).toBe(120);
	});

	it('Include Calling Settings: each number’s calling settings and restrictions', async () => {
		sandbox.setRestrictions(DEMO.phoneNumberId, [
			{ type: 'RESTRICTED_BUSINESS_INITIATED_CALLING', reason: 'low quality', expiration: 4102444800 },
		]);
		const items = jsonOf(await getMany({ returnAll: false, limit: 5, options: { includeCallingSettings: true } }));
		expect(items).toHaveLength(5);
		const byId = Object.fromEntries(items.map((i) => [i.phoneNumberId, i]));
		expect(byId[DEMO.phoneNumberId]).toMatchObject({ calling: { status: 'ENABLED' }, restrictions: [{ type: 'RESTRICTED_BUSINESS_INITIATED_CALLING' }] });
		expect(byId[DEMO.disabledPhoneNumberId]).toMatchObject({ calling: { status: 'DISABLED' }, restrictions: [] });
		expect(sandbox.requests.filter((r) => r.path.endsWith('/settings'))).toHaveLength(5);
	});

	it('a WABA ID saved as a plain string (before the field was a list) works the same', async () => {
		const items = jsonOf(await getMany({ wabaId: DEMO.wabaId, returnAll: false, limit: 2 }));
		expect(items).toHaveLength(2);
	});

	it('a bad WABA ID or Limit fails naming the field before any request', async () => {
		// Typed By ID, n8n itself refuses to run the node, with the mode's message that names the field.
		await expect(getMany({ wabaId: { __rl: true, mode: 'id', value: 'WABA-1' }, returnAll: true })).rejects.toThrow(
			'WhatsApp Business Account ID: digits only',
		);
		// From an expression, n8n cannot check it beforehand: the node's own check names it.
		const bad = await getMany({ wabaId: { __rl: true, mode: 'id', value: '={{ "WABA-1" }}' }, returnAll: true });
		expect(bad.error?.message).toMatch(/^WhatsApp Business Account ID: must be the numeric ID of the WhatsApp Business Account/);
		const badLimit = await getMany({ returnAll: false, limit: 0 });
		expect(badLimit.error?.message).toMatch(/^Limit: must be a whole number from 1 to 1000/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
