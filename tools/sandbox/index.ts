/**
 * Local Meta Graph API sandbox (not shipped): a stateful stand-in for the Graph endpoints this package
 * calls, with Meta's shapes, rules, errors and signed webhooks, plus fault injection and load shaping.
 * Tests: `const sandbox = await startSandbox()` then point the credential's baseUrl at `sandbox.url`.
 */
export { startSandbox, Sandbox } from './sandbox';
export type { SandboxOptions, SandboxConfig, LoggedRequest, ObjectPatch } from './sandbox';
export { DEMO } from './seed';
export type { SeedName } from './seed';
export type { FaultSpec, FaultKind, ActiveFault } from './shaping/faults';
export type { RateLimitConfig } from './shaping/rateLimiter';
export type { WebhookDelivery } from './webhooks/deliverer';
export type { SentMessage } from './handlers/context';
export type { MetaErrorEnvelope, MetaErrorFields } from './metaError';
export { WHATSAPP_RULES } from './rules/whatsappCalling';
export { MESSENGER_RULES } from './rules/messengerCallSettings';
export { CONTROL_PREFIX } from './http/control';
export type * from './types';
