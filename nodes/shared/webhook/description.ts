import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

/**
 * Parameters and webhook entries both triggers show. Meta verifies with GET and delivers with POST on
 * the same URL, so both entries share the path: the production URL is /webhook/<webhookId>/webhook.
 */
export const triggerWebhooks: IWebhookDescription[] = [
	{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
];

/**
 * Both triggers' versions; 1.1 is the same node. n8n evaluates an expression (the binaryData option of its
 * own Webhook node's first version) for every request to any webhook node of version exactly 1, and in
 * n8n 2.x each evaluation runs in an isolated-vm isolate: about a tenth of a trigger's CPU per delivery
 * (docs/benchmarks.md, scenario 5). From 1.1 on, n8n parses the JSON body natively instead.
 */
export const TRIGGER_VERSIONS = [1, 1.1];
export const TRIGGER_DEFAULT_VERSION = 1.1;

/** The notice at the top: what to type where in Meta's dashboard, and why App Secret matters. */
function setupNotice(dashboardSteps: string): INodeProperties {
	return {
		displayName:
			`Manual setup: ${dashboardSteps} As Callback URL enter the Production URL shown above (…/webhook/&lt;id&gt;/webhook), as Verify Token the Verify Token below. ` +
			'With Subscription set to Automatic, the node registers both itself on activation. ' +
			'The credential needs the App Secret: every delivery\'s X-Hub-Signature-256 is checked with it, forged ones are refused.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	};
}

const subscriptionProperty: INodeProperties = {
	displayName: 'Subscription',
	name: 'subscription',
	type: 'options',
	options: [
		{
			name: 'Manual',
			value: 'manual',
			description: 'You enter the callback URL and verify token in the App Dashboard; the node calls nothing at Meta',
		},
		{
			name: 'Automatic',
			value: 'automatic',
			description:
				'On activation the node subscribes the app (App ID and App Secret in the credential) to the needed fields at this URL, and removes only the fields it added on deactivation',
		},
	],
	default: 'manual',
};

const replaceExistingCallbackProperty: INodeProperties = {
	displayName: 'Replace Existing Callback',
	name: 'replaceExistingCallback',
	type: 'boolean',
	default: false,
	description:
		'Whether to move the app\'s webhooks to this URL when they already go to another one. Meta keeps one callback URL per app, so the other integration stops receiving them. Off: activation fails and names that URL.',
	displayOptions: { show: { subscription: ['automatic'] } },
};

// A password field: whoever knows it can answer Meta's verification for this URL, so it is kept out of
// sight like the credential's secrets. Never derived from the URL (public): typed by the user, or with
// automatic subscription derived from the App Secret (verification.ts).
const verifyTokenProperty: INodeProperties = {
	displayName: 'Verify Token',
	name: 'verifyToken',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'A string you choose and enter both here and as Verify Token in Meta\'s App Dashboard; Meta sends it when it verifies the callback URL. Required for manual set-up; empty with automatic subscription: one derived from the App Secret.',
};

/**
 * The parameters both triggers show, around the platform's own ones: the set-up notice, the Subscription
 * choice, Replace Existing Callback, Verify Token and the Options collection with the platform's ID
 * filter. The node class writes the rest of its description itself, where n8n's rules read it.
 */
export function triggerProperties(node: {
	/** What to click in Meta's App Dashboard, for the set-up notice. */
	dashboardSteps: string;
	/** Shown right after the notice (e.g. which events). */
	leadingProperties?: INodeProperties[];
	/** Shown after the Subscription choice (e.g. the WABA to subscribe). */
	subscriptionProperties?: INodeProperties[];
	/** The platform's ID filter (phone number IDs or Page IDs), the one entry of the `options` collection. */
	idFilter: INodeProperties;
}): INodeProperties[] {
	return [
		setupNotice(node.dashboardSteps),
		...(node.leadingProperties ?? []),
		subscriptionProperty,
		...(node.subscriptionProperties ?? []),
		replaceExistingCallbackProperty,
		verifyTokenProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [node.idFilter],
		},
	];
}
