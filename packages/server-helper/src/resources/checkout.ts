/**
 * `wpay.checkout`: hosted payment page sessions.
 *
 * @module
 */
import {
  type CheckoutCreateParams,
  type CheckoutSession,
  checkoutSessionSchema,
  createCheckoutCreateParamsSchema,
} from '../schemas/checkout.js';
import { endpoint } from './endpoint.js';
import type { CallOptions, ResourceContext } from './resource-context.js';

/**
 * `wpay.checkout`.
 *
 * @example
 * ```ts
 * const { redirectUrl } = await wpay.checkout.create(params);
 * ```
 */
export interface CheckoutResource {
  /**
   * Creates a hosted payment page session; send the customer to `redirectUrl`. Retried on
   * network errors, timeouts, 5xx and 429 (idempotent by `mchOrderNo`).
   */
  create(params: CheckoutCreateParams, options?: CallOptions): Promise<CheckoutSession>;
}

/**
 * Binds `wpay.checkout` to a resource context.
 *
 * @example
 * ```ts
 * const session = await wpay.checkout.create({ mchOrderNo: 'order_42', amount: '19.99', currency: 'USD',
 *   payMode: 'ONETIME', successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cancel' });
 * ```
 */
export function createCheckoutResource(rc: ResourceContext): CheckoutResource {
  return {
    create: endpoint(rc, {
      name: 'checkout.create',
      path: 'checkoutCreate',
      params: createCheckoutCreateParamsSchema(rc.schemaSettings),
      answer: checkoutSessionSchema,
      retry: 'safe',
    }),
  };
}
