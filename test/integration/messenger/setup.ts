import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { MessengerCalling } from '../../../nodes/MessengerCalling/MessengerCalling.node';
import { DEMO, type Sandbox } from '../../../tools/sandbox';
import { runNode, sandboxCredentials, type NodeRunResult, type RunNodeOptions } from '../harness';

export { DEMO };
export { jsonOf, NINE_TO_FIVE, useSandbox, writes } from '../nodeTestKit';

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	onError?: RunNodeOptions['onError'];
	/** static data of an earlier run of the same workflow (where closeCalling keeps its snapshots) */
	staticData?: IDataObject;
}

export async function runMessenger(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<NodeRunResult> {
	return await runNode({
		node: new MessengerCalling(),
		parameters: { pageId: DEMO.pageId, ...parameters },
		credentials: { metaCallingApi: sandboxCredentials(sandbox.url) },
		items: options.items,
		continueOnFail: options.continueOnFail,
		onError: options.onError,
		staticData: options.staticData,
	});
}

/**
 * Static data as n8n saves it between executions (as JSON in its database). This is also the shape the next
 * run starts from; n8n-core hands the node a proxy that cannot be cloned directly.
 */
export function persisted(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

/** The snapshots closeCalling keeps, by Page. */
export function keptSnapshots(staticData: IDataObject): IDataObject | undefined {
	const global = staticData.global as IDataObject | undefined;
	return global?.messengerCallingSnapshots as IDataObject | undefined;
}

/** What the sandbox stores for a Page, in the fields this node manages (video_enabled included, to see it untouched). */
export function storedSettings(sandbox: Sandbox, pageId: string = DEMO.pageId) {
	const page = sandbox.page(pageId);
	return structuredClone({
		call_hours: page.call_hours ?? null,
		call_routing: page.call_routing,
		icon_enabled: page.icon_enabled,
		audio_enabled: page.audio_enabled,
		video_enabled: page.video_enabled,
	});
}

/** Parameter value of the weeklyHours fixedCollection. */
export function weeklyHours(entries: Array<[string, string, string]>) {
	return { hours: entries.map(([dayOfWeek, openTime, closeTime]) => ({ dayOfWeek, openTime, closeTime })) };
}
