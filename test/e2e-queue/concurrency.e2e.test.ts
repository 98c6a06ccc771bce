import { e2eContext } from '../e2e/harness/context';
import { defineConcurrencyTests } from '../e2e/harness/concurrencyTests';
import { executionWorkers, type QueueStackInfo } from '../e2e/harness/queueStack';

// Queue mode: the webhook processor queues the executions, the two workers run them.
const e2e = e2eContext();
defineConcurrencyTests({
	label: 'queue mode',
	e2e,
	whoRan: () => executionWorkers(e2e as unknown as QueueStackInfo),
	minimumRunners: 2,
});
