import type { IDataObject, IHookFunctions, INodeType } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createGraphClient, type GraphClient } from '../transport/graph';
import type { TriggerPlatform } from './platform';
import {
	planActivation,
	planDeactivation,
	readAppSubscriptions,
	subscriptionIsInPlace,
	type AppSubscription,
	type SubscriptionRecord,
} from './subscription';
import { APP_SECRET_REQUIRED } from './handleRequest';
import { verifyTokenFor } from './verification';
import { appSecretIn, verifyTokenSourceOf } from './webhook';

/** Key of the record in the node's static data (kept by n8n between activation and deactivation). */
const RECORD_KEY = 'metaSubscription';

function isAutomatic(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('subscription', 'manual') === 'automatic';
}

function callbackUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'The webhook URL of this trigger is not known yet');
	return url;
}

/**
 * An ID that goes into a Graph path: digits only, so that nothing typed (`1#`, `../1`, `me/..`) can
 * point a request at another object or edge. `label` is the field as the user sees it.
 */
export function graphIdOf(ctx: IHookFunctions, value: unknown, label: string): string {
	const id = String(value ?? '').trim();
	if (!/^\d+$/.test(id)) throw new NodeOperationError(ctx.getNode(), `${label}: must be digits only (got ${JSON.stringify(id)})`);
	return id;
}

async function appIdOf(ctx: IHookFunctions): Promise<string> {
	const credentials = (await ctx.getCredentials('metaCallingApi')) as IDataObject;
	return graphIdOf(ctx, credentials.appId, 'Credential › App ID');
}

/**
 * Every delivery must carry a valid signature (webhook.ts), so a trigger without the secret could never
 * fire: activation and "Listen for test event" (both start with checkExists) stop and say what to set.
 * With manual set-up Meta must be given the verify token by hand, so an empty one stops them too.
 */
async function appSecretForActivation(ctx: IHookFunctions): Promise<string> {
	const credentials = (await ctx.getCredentials('metaCallingApi')) as IDataObject;
	const appSecret = appSecretIn(credentials);
	if (appSecret === '') {
		throw new NodeOperationError(ctx.getNode(), APP_SECRET_REQUIRED, {
			description:
				'Without it the trigger cannot tell Meta’s deliveries from forged ones, so it refuses every delivery (HTTP 401) and would never start the workflow.',
		});
	}
	const token = verifyTokenSourceOf(ctx);
	if (!token.automatic && token.configured === '') {
		throw new NodeOperationError(ctx.getNode(), 'Verify Token: type a token of your own here, and paste the same as Verify Token in Meta’s App Dashboard');
	}
	return appSecret;
}

function readRecord(ctx: IHookFunctions): SubscriptionRecord | undefined {
	const stored = ctx.getWorkflowStaticData('node')[RECORD_KEY];
	return typeof stored === 'object' && stored !== null ? (stored as SubscriptionRecord) : undefined;
}

async function currentSubscription(graph: GraphClient, appId: string, object: string): Promise<AppSubscription | undefined> {
	const answer = await graph.request({ method: 'GET', path: `/${appId}/subscriptions`, auth: 'app' });
	return readAppSubscriptions(answer).find((subscription) => subscription.object === object);
}

function conflictError(ctx: IHookFunctions, object: string, otherCallbackUrl: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `This app already sends its ${object} webhooks to ${otherCallbackUrl}`, {
		description:
			'Meta allows one callback URL per app and object, so taking it over would cut off that integration. Turn on "Replace Existing Callback" to move the webhooks here anyway (its fields are kept), or use Manual subscription.',
	});
}

/** Activation: subscribes the app to the object's fields (unless it already is) and the accounts to the app. */
async function subscribe(ctx: IHookFunctions, platform: TriggerPlatform): Promise<boolean> {
	const appSecret = await appSecretForActivation(ctx);
	if (!isAutomatic(ctx)) return true;
	const subscribeAccounts = platform.subscribeAccounts(ctx);
	const appId = await appIdOf(ctx);
	const callbackUrl = callbackUrlOf(ctx);
	const fields = platform.subscriptionFields(ctx);
	if (fields.length === 0) throw new NodeOperationError(ctx.getNode(), 'events: choose at least one event');
	const graph = await createGraphClient(ctx);
	const plan = planActivation({
		current: await currentSubscription(graph, appId, platform.object),
		object: platform.object,
		callbackUrl,
		wantedFields: fields,
		replaceExistingCallback: ctx.getNodeParameter('replaceExistingCallback', false) === true,
		previous: readRecord(ctx),
	});
	if (plan.kind === 'conflict') throw conflictError(ctx, platform.object, plan.otherCallbackUrl);
	if (plan.postFields !== null) {
		const verifyToken = verifyTokenFor(verifyTokenSourceOf(ctx), appSecret);
		const body = { object: platform.object, callback_url: callbackUrl, fields: plan.postFields.join(','), verify_token: verifyToken, include_values: true };
		await graph.request({ method: 'POST', path: `/${appId}/subscriptions`, auth: 'app', body });
	}
	await subscribeAccounts(graph, appId, fields);
	ctx.getWorkflowStaticData('node')[RECORD_KEY] = plan.record as unknown as IDataObject;
	return true;
}

/** Deactivation: removes our fields (or the whole subscription when only ours were there). */
async function unsubscribe(ctx: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(ctx)) return true;
	const record = readRecord(ctx);
	if (!record) return true;
	const appId = await appIdOf(ctx);
	const graph = await createGraphClient(ctx);
	const plan = planDeactivation(await currentSubscription(graph, appId, record.object), record);
	if (plan.kind !== 'nothing') {
		const qs: IDataObject = { object: record.object };
		if (plan.kind === 'removeFields') qs.fields = plan.fields.join(',');
		await graph.request({ method: 'DELETE', path: `/${appId}/subscriptions`, auth: 'app', qs });
	}
	// The WABA or Page stays subscribed to the app: other integrations of the app may rely on it,
	// and without our fields Meta no longer sends these events anyway.
	delete ctx.getWorkflowStaticData('node')[RECORD_KEY];
	return true;
}

/**
 * n8n's webhook lifecycle for both triggers: checkExists -> create on activation, delete on
 * deactivation. Manual subscription makes no Graph call at all.
 */
export function webhookLifecycle(platform: TriggerPlatform): NonNullable<INodeType['webhookMethods']> {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await appSecretForActivation(this);
				if (!isAutomatic(this)) return true;
				platform.subscribeAccounts(this); // checks the account IDs: none reaches a request unchecked
				const appId = await appIdOf(this);
				const graph = await createGraphClient(this);
				const current = await currentSubscription(graph, appId, platform.object);
				return subscriptionIsInPlace(current, callbackUrlOf(this), platform.subscriptionFields(this), readRecord(this));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await subscribe(this, platform);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unsubscribe(this);
			},
		},
	};
}
