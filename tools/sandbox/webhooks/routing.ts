import type { AppSubscription, SandboxState } from '../types';
import type { WebhookEvent } from '../handlers/context';

/**
 * Where Meta would send a settings event: the app's callback for the object, only when the app subscribed
 * the field AND the account (WABA or Page) is subscribed to the app. Pure.
 */
export function subscriptionFor(state: SandboxState, event: WebhookEvent): AppSubscription | undefined {
	const subscription = state.app.subscriptions[event.object];
	if (!subscription || !subscription.active || !subscription.fields.includes(event.field)) return undefined;
	if (event.object === 'whatsapp_business_account') {
		const waba = state.wabas[event.accountId];
		return waba?.subscribedApps.includes(state.app.id) ? subscription : undefined;
	}
	const pageFields = state.pages[event.accountId]?.subscribedApps[state.app.id];
	return pageFields?.includes(event.field) ? subscription : undefined;
}
