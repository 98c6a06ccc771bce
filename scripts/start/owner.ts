import { createRequire } from 'module';
import { dirname } from 'path';

import type { N8nRuntime } from '../../tools/n8n/lines';

/**
 * The demo instance's owner account. Every n8n since 1.0 asks for an owner before the editor opens; the
 * demo creates it itself so that the first screen is the login form with these values printed beside it.
 * A local demo bound to 127.0.0.1, so a fixed password is fine; it is printed at every start.
 */
export const DEMO_OWNER = {
	email: 'demo@example.com',
	password: 'Demo-Passw0rd',
	firstName: 'Demo',
	lastName: 'Owner',
};

/**
 * n8n 2.x reads the owner from its documented environment variables (N8N_INSTANCE_OWNER_MANAGED_BY_ENV,
 * "Manage settings using environment variables") and applies them at every start. The password must be
 * given as a bcrypt hash: made here with the bcryptjs n8n itself ships, so no dependency is added.
 */
export function ownerEnvironment(runtime: N8nRuntime): NodeJS.ProcessEnv {
	if (runtime.line === '1') return {};
	const n8nPackageDir = dirname(dirname(runtime.n8nEntry));
	const bcrypt = createRequire(`${n8nPackageDir}/package.json`)('bcryptjs') as { hashSync(text: string, rounds: number): string };
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: DEMO_OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: DEMO_OWNER.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: DEMO_OWNER.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(DEMO_OWNER.password, 10),
	};
}

/**
 * n8n 1.x has no such variables: there the owner is created once through the same REST call the
 * set-up form makes, and only while the instance still asks for it.
 */
export async function ensureOwnerByRest(runtime: N8nRuntime, n8nUrl: string): Promise<void> {
	if (runtime.line !== '1') return;
	const settings = await fetch(`${n8nUrl}/rest/settings`, { signal: AbortSignal.timeout(30000) });
	const body = (await settings.json()) as { data?: { userManagement?: { showSetupOnFirstLoad?: boolean } } };
	if (body.data?.userManagement?.showSetupOnFirstLoad !== true) return;
	const answer = await fetch(`${n8nUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEMO_OWNER),
		signal: AbortSignal.timeout(30000),
	});
	if (answer.status !== 200) throw new Error(`owner set-up answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
}
