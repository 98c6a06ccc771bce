import { e2eContext } from './harness/context';
import { defineConcurrencyTests } from './harness/concurrencyTests';

// One regular-mode n8n (every execution in one process): the same tests as the queue-mode tier's.
defineConcurrencyTests({ label: `regular mode (n8n ${process.env.N8N_LINE ?? '2'}.x)`, e2e: e2eContext() });
