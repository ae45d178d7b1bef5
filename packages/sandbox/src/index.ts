export type { RequestLogEntry, SandboxStats } from './context.js';
export { SANDBOX_DEFAULTS, type SandboxDefaults } from './defaults.js';
export {
  FAULT_KINDS,
  type FaultKind,
  type FaultRule,
  type FaultRuleInput,
  parseFaultFlag,
} from './fault-rule.js';
export type { ActiveFault } from './faults.js';
export type { SandboxLogger } from './logger.js';
export type { AdvanceBy, StateSnapshot, TriggerTarget } from './operations.js';
export type { SandboxCredentials, SandboxOptions } from './options.js';
export { PAYMENT_STATUS_CODES, type PaymentStatus, TEST_CARDS, type TestCard } from './records.js';
export { signRequest, signWebhook } from './signature.js';
export {
  type Sandbox,
  type SandboxPayment,
  type SandboxStateView,
  startSandbox,
  type WaitForDeliveries,
} from './start-sandbox.js';
export type { Delivery, DeliveryAttempt, DeliveryState, WebhookEvent } from './webhooks.js';
