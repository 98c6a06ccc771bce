import { verifyTokenOf, whatsAppTriggerOf, type Example } from './examples';

/** The sandbox's demo app (see tools/sandbox/seed.ts); subscriptions need its app token. */
const APP_ID = '1000000000000001';
const APP_TOKEN = '1000000000000001|sandbox-app-secret';

/**
 * Does in the sandbox what a user does once in Meta's App Dashboard: points the app's WhatsApp webhooks
 * at the example trigger's Production URL. The sandbox keeps its state in memory, so this runs at every
 * start. n8n registers the webhooks of active workflows just after it reports ready, so the sandbox's
 * verification GET may meet a 404 for a few seconds: retried for up to `waitMs`.
 */
export async function subscribeExampleTrigger(
	example: Example,
	urls: { n8n: string; sandbox: string },
	waitMs = 30000,
): Promise<string> {
	const trigger = whatsAppTriggerOf(example);
	if (!trigger?.webhookId) throw new Error(`${example.name} has no WhatsApp Calling Trigger with a webhookId`);
	const callbackUrl = `${urls.n8n}/webhook/${trigger.webhookId}/webhook`;
	const deadline = Date.now() + waitMs;
	for (;;) {
		const answer = await fetch(`${urls.sandbox}/v26.0/${APP_ID}/subscriptions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${APP_TOKEN}` },
			body: JSON.stringify({
				object: 'whatsapp_business_account',
				callback_url: callbackUrl,
				fields: 'account_update',
				verify_token: verifyTokenOf(trigger),
				include_values: true,
			}),
			signal: AbortSignal.timeout(30000),
		});
		if (answer.status === 200) return callbackUrl;
		const text = await answer.text();
		if (Date.now() >= deadline) throw new Error(`the sandbox could not verify ${callbackUrl}: ${text.slice(0, 300)}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}
