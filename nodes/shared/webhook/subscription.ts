import { isRecord } from '../validation';

/**
 * Pure planning of automatic subscription. Meta keeps ONE callback URL per app and object, shared by
 * every integration of that app, so the plan never takes a URL over silently and never drops a field
 * it did not add itself.
 */

/** One entry of GET /<APP_ID>/subscriptions. */
export interface AppSubscription {
	object: string;
	callbackUrl: string;
	fields: string[];
}

/** What the trigger remembers (node static data) between activation and deactivation. */
export interface SubscriptionRecord {
	object: string;
	callbackUrl: string;
	/** Fields that were not subscribed before this trigger added them: the only ones it may remove. */
	addedFields: string[];
}

/** Reads Meta's `{ data: [{ object, callback_url, fields: [{ name, version }] }] }`; fields may also be plain names. */
export function readAppSubscriptions(answer: unknown): AppSubscription[] {
	const data = isRecord(answer) && Array.isArray(answer.data) ? answer.data : [];
	const subscriptions: AppSubscription[] = [];
	for (const entry of data) {
		if (!isRecord(entry) || typeof entry.object !== 'string') continue;
		const fields = Array.isArray(entry.fields) ? entry.fields.map(fieldName).filter((f): f is string => f !== null) : [];
		const callbackUrl = typeof entry.callback_url === 'string' ? entry.callback_url : '';
		subscriptions.push({ object: entry.object, callbackUrl, fields });
	}
	return subscriptions;
}

function fieldName(field: unknown): string | null {
	if (typeof field === 'string') return field;
	return isRecord(field) && typeof field.name === 'string' ? field.name : null;
}

export interface ActivationInput {
	current: AppSubscription | undefined;
	object: string;
	callbackUrl: string;
	wantedFields: string[];
	replaceExistingCallback: boolean;
	/** The record of an earlier activation of this trigger, if any (a restart, a re-activation). */
	previous: SubscriptionRecord | undefined;
}

export type ActivationPlan =
	| { kind: 'conflict'; otherCallbackUrl: string }
	| {
			kind: 'subscribe';
			/** Fields to POST (all of the object's fields: ours added to those already there); null = nothing to send. */
			postFields: string[] | null;
			record: SubscriptionRecord;
	  };

export function planActivation(input: ActivationInput): ActivationPlan {
	const { current, callbackUrl, wantedFields } = input;
	const otherUrl = current && current.callbackUrl !== '' && current.callbackUrl !== callbackUrl ? current.callbackUrl : null;
	if (otherUrl !== null && !input.replaceExistingCallback) return { kind: 'conflict', otherCallbackUrl: otherUrl };

	const existingFields = current?.fields ?? [];
	const newlyAdded = wantedFields.filter((field) => !existingFields.includes(field));
	// Fields this trigger added on an earlier activation with the same URL are still ours to remove later.
	const earlier = input.previous?.callbackUrl === callbackUrl ? input.previous.addedFields : [];
	const addedFields = unique([...earlier.filter((f) => wantedFields.includes(f) || existingFields.includes(f)), ...newlyAdded]);
	const upToDate = otherUrl === null && current !== undefined && newlyAdded.length === 0;
	return {
		kind: 'subscribe',
		postFields: upToDate ? null : unique([...existingFields, ...wantedFields]),
		record: { object: input.object, callbackUrl, addedFields },
	};
}

export type DeactivationPlan =
	| { kind: 'nothing' }
	/** DELETE /<APP_ID>/subscriptions?object=..&fields=..: other fields stay. */
	| { kind: 'removeFields'; fields: string[] }
	/** DELETE /<APP_ID>/subscriptions?object=..: only our fields were left. */
	| { kind: 'removeObject' };

/**
 * Removes only what this trigger added, and nothing at all when the callback URL is no longer ours
 * (another integration replaced it since: its fields are now its own).
 */
export function planDeactivation(current: AppSubscription | undefined, record: SubscriptionRecord | undefined): DeactivationPlan {
	if (!current || !record || current.callbackUrl !== record.callbackUrl) return { kind: 'nothing' };
	const ours = record.addedFields.filter((field) => current.fields.includes(field));
	if (ours.length === 0) return { kind: 'nothing' };
	if (ours.length === current.fields.length) return { kind: 'removeObject' };
	return { kind: 'removeFields', fields: ours };
}

/** True when Meta already sends the wanted fields to this URL and this trigger set that up. */
export function subscriptionIsInPlace(
	current: AppSubscription | undefined,
	callbackUrl: string,
	wantedFields: string[],
	record: SubscriptionRecord | undefined,
): boolean {
	return (
		current !== undefined &&
		current.callbackUrl === callbackUrl &&
		wantedFields.every((field) => current.fields.includes(field)) &&
		record?.callbackUrl === callbackUrl
	);
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}
