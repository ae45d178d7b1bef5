/** @module The public surface of `@wpay/sandbox`, nothing else. */

export { signRequest, signWebhook } from './api/signature.js';
export { SANDBOX_DEFAULTS, type SandboxDefaults } from './defaults.js';
export type { AdvanceBy } from './domain/advance-clock.js';
export { type PaymentStatus, TEST_CARDS, type TestCard } from './domain/records.js';
export type { StateSnapshot } from './domain/state-snapshot.js';
export type { TriggerOptions, TriggerTarget } from './domain/trigger-event.js';
export type { ActiveFault } from './faults/fault-injector.js';
export {
  FAULT_KINDS,
  type FaultKind,
  type FaultRule,
  type FaultRuleInput,
  parseFaultFlag,
} from './faults/fault-rule.js';
export type { SandboxFixtureInput } from './fixtures/load-fixtures.js';
export type { SandboxLogger } from './logger.js';
export type { MerchantOptions, SandboxCredentials, SandboxOptions } from './options.js';
export type { RequestLogEntry, SandboxStats } from './sandbox-context.js';
export type { ScenarioResult } from './scenarios/run-scenario.js';
export {
  type Sandbox,
  type SandboxEnvVars,
  type SandboxMerchant,
  type SandboxPayment,
  type SandboxStateView,
  startSandbox,
  type WaitForDeliveries,
} from './start-sandbox.js';
export type {
  Delivery,
  DeliveryAttempt,
  DeliveryState,
  WebhookEvent,
} from './webhooks/webhook-dispatcher.js';
