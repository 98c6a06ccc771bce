import { DEMO } from '../../tools/sandbox';
import { runMessenger } from './messenger/setup';
import { useSandbox } from './nodeTestKit';
import { runWhatsApp } from './whatsapp/setup';

/* Errors that leave a user stuck carry a hint that says what to do next (transport/metaError.ts hintFor). */

const sandbox = useSandbox();

describe('hints for the errors that leave users stuck', () => {
	it('138018 (calling prerequisites): set up SIP or subscribe an app to the WABA’s calls field, and how', async () => {
		sandbox.current.updateObject(DEMO.disabledPhoneNumberId, { callingPrerequisitesMet: false });
		const result = await runWhatsApp(sandbox.current, {
			phoneNumberId: DEMO.disabledPhoneNumberId,
			resource: 'callingSettings',
			operation: 'update',
			updateFields: { status: 'ENABLED' },
		});
		expect(result.error?.code).toBe(138018);
		expect(result.error?.description).toContain('either SIP');
		expect(result.error?.description).toContain('"calls" webhook field');
		expect(result.error?.description).toContain('POST /<WABA_ID>/subscribed_apps');
		expect(result.error?.fbtrace_id).toEqual(expect.any(String));
	});

	it('a write while the number is under a calling restriction: settings are locked until expiresAt (read with Get)', async () => {
		const expiration = Math.floor(Date.now() / 1000) + 7 * 86400;
		sandbox.current.updateObject(DEMO.phoneNumberId, {
			restrictions: [{ type: 'RESTRICTED_BUSINESS_INITIATED_CALLING', reason: 'low quality', expiration }],
		});
		const result = await runWhatsApp(sandbox.current, {
			resource: 'callingSettings',
			operation: 'update',
			updateFields: { callIconVisibility: 'DISABLE_ALL' },
		});
		expect(result.error?.code).toBe(138014);
		expect(result.error?.description).toContain('calling restriction');
		expect(result.error?.description).toContain('"expiresAt"');
		expect(sandbox.current.phoneNumber(DEMO.phoneNumberId).calling.call_icon_visibility).toBe('DEFAULT');
	});

	it('PARTNERS routing without the calls subscription: subscribe the Page’s calls field first, and how', async () => {
		sandbox.current.updateObject(DEMO.pageId, { partnersEligible: false });
		const result = await runMessenger(sandbox.current, { resource: 'callSettings', operation: 'setCallRouting', ringTarget: 'PARTNERS' });
		expect(result.error?.code).toBe(100);
		expect(result.error?.description).toContain('subscribed_fields=calls');
		expect(result.error?.description).toContain('keep the ring target META');
	});
});
