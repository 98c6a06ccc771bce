import { e2eContext } from '../e2e/harness/context';
import { expectOneActionPerEvent, expectSignedBurst, triggerWebhookUrl } from '../e2e/harness/deliveries';
import { executionWorkers, type QueueStackInfo } from '../e2e/harness/queueStack';

// The WhatsApp Calling Trigger in queue mode: the webhook processor checks each delivery's signature and
// queues an execution, the workers run them (workflow test/e2e/workflows/trigger-whatsapp.json).
const e2e = e2eContext();

describe('queue mode: calling trigger deliveries through the webhook processor', () => {
	it('1,000 signed deliveries give 1,000 executions on the workers, none lost or doubled; 100 forged get 401 and none', async () => {
		await expectSignedBurst(e2e, {
			workflowId: 'e2eWaCallTrigger',
			webhookUrl: triggerWebhookUrl(e2e, '7c0f3a55-5e5e-4d2a-8f1b-e2e0a1d0f501'),
			label: 'queue mode',
			whoRan: () => executionWorkers(e2e as unknown as QueueStackInfo),
		});
	}, 900000);

	it('the same signed delivery sent twice: the action after Remove Duplicates (eventId, history in Postgres) runs once', async () => {
		await expectOneActionPerEvent(e2e);
	}, 300000);
});
