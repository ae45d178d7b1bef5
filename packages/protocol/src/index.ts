/**
 * `@wpay/protocol`: WPay's wire protocol as frozen data and types, read from WPay's
 * documentation (../shared/wpay-api.md) and docs/protocol-defaults.md. What is computed from it
 * (signing, amount parsing, envelope handling, the ledger) stays in each package, pinned by the
 * known-answer vectors in `@wpay/protocol/vectors/*.json`.
 *
 * @example
 * ```ts
 * import { PATHS, HEADERS, PAYMENT_STATUS_CODES } from '@wpay/protocol';
 * PATHS.paymentsDetail; // '/checkout/w-payment/payments/detail'
 * ```
 *
 * @module
 */
export type {
  CheckoutAnswer,
  ErrorBody,
  ErrorDetail,
  ErrorField,
  IdempotencyKeyHeader,
  StatusAnswer,
} from './browser-contract.js';
export { CURRENCY_EXPONENTS } from './currencies.js';
export {
  AUTH_ERROR_HTTP_STATUSES,
  AUTH_ERROR_RETCODES,
  type Envelope,
  REFUSALS,
  type Refusal,
  SIGNATURE_ERROR_RETCODES,
  SUCCESS_RETCODE,
} from './envelope.js';
export { ENVIRONMENTS, type Environment } from './environments.js';
export {
  type BillData,
  type BillEventData,
  EVENT_TYPES,
  type EventData,
  type EventDataKind,
  type KnownEventType,
  type PaymentData,
  type SubscriptionData,
  type WebhookEnvelope,
} from './events.js';
export { HEADERS, type SignatureHeaderNames } from './headers.js';
export {
  INTERVAL_UNITS,
  type IntervalUnit,
  MCH_ORDER_NO_PATTERN,
  PAGE_KEYS,
  PAY_MODES,
  type PayMode,
  type ReturnUrlParam,
} from './objects.js';
export { type Endpoint, PATHS } from './paths.js';
export {
  type OutcomeOfStatus,
  PAYMENT_OUTCOMES,
  PAYMENT_STATUS_OUTCOMES,
  type PaymentOutcome,
  UNKNOWN_STATUS_OUTCOME,
} from './payment-outcome.js';
export { PROTOCOL_DEFAULTS, type ProtocolDefault } from './protocol-defaults.js';
export { SIGNING, type SignatureVector, type WebhookSignatureVector } from './signing.js';
export {
  BILL_STATUSES,
  type KnownBillStatus,
  type KnownPaymentStatus,
  type KnownRefundStatus,
  type KnownSubscriptionStatus,
  PAYMENT_STATUS_CODES,
  PAYMENT_STATUSES,
  REFUND_STATUSES,
  SUBSCRIPTION_STATUSES,
} from './statuses.js';
export {
  TOKEN,
  TOKEN_REQUEST_ENCODINGS,
  type TokenData,
  type TokenRequestEncoding,
} from './tokens.js';
export { WEBHOOK_DELIVERY } from './webhooks.js';
