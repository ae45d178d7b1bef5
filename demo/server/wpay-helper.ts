// TEMPORARY: @wpay/server-helper does not export its handlers yet; this re-exports them from its
// sources until it does (then every import here becomes `from '@wpay/server-helper'`).

export { WPay } from '@wpay/server-helper';
export {
  createCheckoutHandler,
  type ResolvedOrder,
} from '../../packages/server-helper/src/handlers/checkout-handler.js';
export { CheckoutRejection } from '../../packages/server-helper/src/handlers/checkout-rejection.js';
export { createStatusHandler } from '../../packages/server-helper/src/handlers/status-handler.js';
export {
  createWebhookHandler,
  type WebhookVerifier,
} from '../../packages/server-helper/src/handlers/webhook-handler.js';
export { createWebhooks } from '../../packages/server-helper/src/webhooks/create-webhooks.js';
