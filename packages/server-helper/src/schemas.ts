/**
 * `@wpay/server-helper/schemas`: the zod schemas behind the helper's types — WPay's resources
 * and pages, the parameters of each call, webhook events, the stored token and the `WPay`
 * options — for a shop that validates data itself (a queue message, a cached payment, its own
 * config). The types live at the root (`Payment`, `WebhookEvent`…); the client and the handlers
 * already parse every answer with these.
 *
 * @example
 * ```ts
 * import { paymentSchema, webhookEnvelopeSchema } from '@wpay/server-helper/schemas';
 *
 * const payment = paymentSchema.parse(JSON.parse(cached)); // a Payment, or a ZodError
 * const envelope = webhookEnvelopeSchema.safeParse(JSON.parse(message));
 * ```
 *
 * @module
 */
export { wpayOptionsSchema } from './options.js';
export { checkoutCreateParamsSchema, checkoutSessionSchema } from './schemas/checkout.js';
export { pageSchema } from './schemas/common.js';
export {
  paymentPageSchema,
  paymentSchema,
  paymentsListParamsSchema,
  paymentsRetrieveParamsSchema,
} from './schemas/payments.js';
export { refundSchema, refundsCreateParamsSchema } from './schemas/refunds.js';
export {
  billPageSchema,
  billSchema,
  subscriptionPageSchema,
  subscriptionSchema,
  subscriptionsBillsParamsSchema,
  subscriptionsCancelParamsSchema,
  subscriptionsListParamsSchema,
  subscriptionsRetrieveParamsSchema,
} from './schemas/subscriptions.js';
export { tokenDataSchema } from './schemas/token.js';
export { storedTokenSchema } from './stores/token-store.js';
export {
  WEBHOOK_EVENT_DATA_SCHEMAS,
  webhookBillDataSchema,
  webhookBillSchema,
  webhookEnvelopeSchema,
  webhookPaymentSchema,
  webhookSubscriptionSchema,
} from './webhooks/webhook-event.js';
