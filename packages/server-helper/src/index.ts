// The public surface of @wpay/server-helper. This is the only barrel.

export { DEFAULTS } from './defaults.js';
export type {
  WPayApiErrorInit,
  WPayErrorCode,
  WPayErrorInit,
  WPayValidationIssue,
  WPayWebhookErrorReason,
} from './errors.js';
export {
  WPayApiError,
  WPayAuthError,
  WPayConfigError,
  WPayError,
  WPayNetworkError,
  WPaySignatureError,
  WPayTimeoutError,
  WPayValidationError,
  WPayWebhookError,
} from './errors.js';
export type { FulfilmentStore } from './fulfilment/claim-once.js';
export type {
  Fulfilment,
  FulfilmentClient,
  FulfilmentCore,
  FulfilmentOptions,
  FulfilOptions,
  PaymentFulfilment,
  SubscriptionFulfilment,
} from './fulfilment/create-fulfilment.js';
export { createFulfilment } from './fulfilment/create-fulfilment.js';
export type { OrderScanOptions } from './fulfilment/order-index.js';
export type { PendingItem, ReconcileOptions, ReconcileReport } from './fulfilment/reconcile.js';
export type { ReconcileHandlerOptions } from './fulfilment/reconcile-handler.js';
export type {
  Recovery,
  RecoveryClient,
  RecoveryHandlerOptions,
  RecoveryLinkOptions,
  RecoveryOptions,
} from './fulfilment/recovery.js';
export { createRecovery } from './fulfilment/recovery.js';
export type { RecoverableOrder } from './fulfilment/recovery-token.js';

export type {
  FulfilmentHandlers,
  PaymentTransition,
  PaymentTransitionType,
  SubscriptionTransition,
  SubscriptionTransitionType,
  Transition,
  TransitionSource,
  TransitionType,
} from './fulfilment/transition.js';
export type { BodyOf, BodySchema } from './handlers/body-schema.js';
export type { AllowedOrigins } from './handlers/check-origin.js';
// Handlers (Request -> Response) and webhooks.
export type {
  CheckoutHandlerOptions,
  ResolvedOrder,
  ReturnUrl,
} from './handlers/checkout-handler.js';
export { createCheckoutHandler } from './handlers/checkout-handler.js';
export type { CheckoutRejectionOptions } from './handlers/checkout-rejection.js';
export { CheckoutRejection } from './handlers/checkout-rejection.js';
export type { ErrorField, HandlerErrorBody } from './handlers/error-response.js';
export type {
  CheckoutClient,
  CheckoutSessionLike,
  CheckoutSessionRequest,
  PaymentLike,
  PaymentPageLike,
  PaymentsClient,
} from './handlers/handler-client.js';
export type { PaymentOutcome } from './handlers/payment-outcome.js';
export type {
  PaymentOutcomeBody,
  PaymentScanOptions,
  PaymentStatusBody,
  StatusHandlerOptions,
} from './handlers/status-handler.js';
export { createStatusHandler } from './handlers/status-handler.js';
export type {
  WebhookEventHandlers,
  WebhookHandlerOptions,
  WebhookVerifier,
} from './handlers/webhook-handler.js';
export { createWebhookHandler } from './handlers/webhook-handler.js';
export type { Logger } from './logger.js';
export type { AmountResult, ExtraCurrencies, MoneyOptions, ParsedAmount } from './money.js';
export {
  CURRENCY_EXPONENTS,
  exponentOf,
  formatAmount,
  fromMinorUnits,
  parseAmount,
  toMinorUnits,
} from './money.js';
export type {
  WPayOptions,
  WPayRequestEvent,
  WPayResponseEvent,
  WPayRetryEvent,
  WPaySettings,
} from './options.js';
export type { WPayRefundNotMadeReason } from './refund-errors.js';
export { WPayRefundInDoubtError, WPayRefundNotMadeError } from './refund-errors.js';
export type { CheckoutResource } from './resources/checkout.js';
export { paginate } from './resources/paginate.js';
export type { PaymentsResource } from './resources/payments.js';
export type { SafeRefundOptions, SafeRefundResult } from './resources/refund-safely.js';
export type { RefundsResource } from './resources/refunds.js';
export type { CallOptions } from './resources/resource-context.js';
export type { SubscriptionsResource } from './resources/subscriptions.js';
export type {
  CheckoutCreateBody,
  CheckoutCreateParams,
  CheckoutSession,
  CheckoutSessionStatus,
  IntervalUnit,
} from './schemas/checkout.js';
export type { AmountInput, Page } from './schemas/common.js';
export type {
  KnownPaymentStatus,
  Payment,
  PaymentPage,
  PaymentStatus,
  PaymentsFilters,
  PaymentsListParams,
  PaymentsRetrieveParams,
} from './schemas/payments.js';
export type { KnownRefundStatus, Refund, RefundsCreateParams } from './schemas/refunds.js';
export type {
  Bill,
  BillPage,
  KnownBillStatus,
  KnownSubscriptionStatus,
  Subscription,
  SubscriptionPage,
  SubscriptionsBillsFilters,
  SubscriptionsBillsParams,
  SubscriptionsCancelParams,
  SubscriptionsFilters,
  SubscriptionsListParams,
  SubscriptionsRetrieveParams,
} from './schemas/subscriptions.js';
export type { Claim, ClaimOptions, ClaimStore, HeldClaim } from './stores/claim-store.js';
export type { MemoryClaimStoreOptions } from './stores/memory-claim-store.js';
export { MemoryClaimStore } from './stores/memory-claim-store.js';
export type { MemoryTokenStoreOptions, StoredToken, TokenStore } from './stores/token-store.js';
export { MemoryTokenStore } from './stores/token-store.js';
export type { RequestOptions } from './transport/request.js';
export type { RetryPolicy } from './transport/retry.js';
export type { SignatureParts, SignOptions } from './transport/sign.js';
export { signRequest, verifySignature } from './transport/sign.js';
export type { Webhooks } from './webhooks/create-webhooks.js';
export { createWebhooks } from './webhooks/create-webhooks.js';
export type { HeadersLike } from './webhooks/read-header.js';
export type { SignedWebhook, SignWebhookOptions } from './webhooks/sign-webhook.js';
export { signWebhook } from './webhooks/sign-webhook.js';
export type { VerifyWebhookOptions } from './webhooks/verify-webhook.js';
export { verifyWebhook } from './webhooks/verify-webhook.js';
export type { RawBody } from './webhooks/webhook-crypto.js';
export type {
  KnownWebhookEvent,
  KnownWebhookEventType,
  ParseWebhookEventResult,
  UnknownWebhookEvent,
  WebhookBillData,
  WebhookEvent,
  WebhookEventOf,
  WebhookPayment,
  WebhookSubscription,
} from './webhooks/webhook-event.js';
export { parseWebhookEvent } from './webhooks/webhook-event.js';
export { WPay } from './wpay.js';
