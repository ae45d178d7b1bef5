/**
 * @module The public surface of `@wpay/sandbox`, nothing else: what a shop's test suite calls
 * (`startSandbox`, the test cards, the defaults, an independent `signRequest` / `signWebhook` to
 * craft calls and events by hand) and the types of its options and records. Test-runner helpers
 * are at `@wpay/sandbox/testing`; WPay's protocol facts at `@wpay/protocol`.
 */

export { signRequest, signWebhook } from './api/signature.js';
export { SANDBOX_DEFAULTS, type SandboxDefaults } from './defaults.js';
export type { AdvanceBy } from './domain/advance-clock.js';
export { type PaymentStatus, TEST_CARDS, type TestCard } from './domain/records.js';
export type { StateSnapshot } from './domain/state-snapshot.js';
export type { TriggerOptions, TriggerTarget } from './domain/trigger-event.js';
export type { ActiveFault } from './faults/fault-injector.js';
export type { FaultKind, FaultRule, FaultRuleInput } from './faults/fault-rule.js';
export type { SandboxFixtureInput } from './fixtures/load-fixtures.js';
export type { SandboxLogger } from './logger.js';
export type { MerchantOptions, SandboxCredentials, SandboxOptions } from './options.js';
export { SandboxDataError } from './persistence/sandbox-data-error.js';
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
