import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { GraphClient } from '../transport/types';
import type { WebhookObject } from './delivery';
import type { ChangeFilter } from './filters';

/** Either context a trigger's parameters are read from. */
export type TriggerContext = IHookFunctions | IWebhookFunctions;

/**
 * What differs between the WhatsApp and the Messenger trigger. Everything else (verification,
 * signatures, splitting, the subscription rules) is shared and lives beside this file.
 */
export interface TriggerPlatform {
	/** The webhook object Meta sends and the app subscribes to. */
	object: WebhookObject;
	/** Which changes to keep, from the node's parameters. */
	changeFilter(ctx: TriggerContext): ChangeFilter;
	/** The app-level webhook fields the chosen events need. */
	subscriptionFields(ctx: IHookFunctions): string[];
	/**
	 * Reads and checks the WABA or Page IDs (throws when one is missing or not digits) and returns what
	 * subscribes them to the app (`subscribed_apps`): without it Meta sends nothing about that account even
	 * when the app is subscribed to the fields. Called before any request of the activation.
	 */
	subscribeAccounts(ctx: IHookFunctions): (graph: GraphClient, appId: string, fields: string[]) => Promise<void>;
}
