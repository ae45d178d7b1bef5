/**
 * WPay's endpoint paths (wpay-api.md §2 and §5).
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * The path of every endpoint, all `POST`. `refundCreate` is [twin]; `subscriptionsCancel` is a
 * [default] (docs/protocol-defaults.md): both are overridable settings of every client.
 *
 * @example
 * ```ts
 * PATHS.checkoutCreate; // '/checkout/w-payment/hpp'
 * ```
 */
export const PATHS = deepFreeze({
  token: '/user/auth/oauth2/token',
  checkoutCreate: '/checkout/w-payment/hpp',
  paymentsList: '/checkout/w-payment/payments/list',
  paymentsDetail: '/checkout/w-payment/payments/detail',
  refundCreate: '/checkout/w-payment/refund',
  subscriptionsList: '/checkout/w-payment/subscriptions/list',
  subscriptionsDetail: '/checkout/w-payment/subscriptions/detail',
  subscriptionsCancel: '/checkout/w-payment/subscriptions/cancel',
  subscriptionsBills: '/checkout/w-payment/subscriptions/bills',
} as const);

/**
 * The name of an endpoint.
 *
 * @example
 * ```ts
 * const endpoint: Endpoint = 'paymentsDetail';
 * ```
 */
export type Endpoint = keyof typeof PATHS;
