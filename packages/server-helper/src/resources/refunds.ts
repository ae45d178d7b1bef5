/**
 * `wpay.refunds`: refund a payment.
 *
 * @module
 */
import {
  createRefundsCreateParamsSchema,
  type Refund,
  type RefundsCreateParams,
  refundSchema,
} from '../schemas/refunds.js';
import { endpoint } from './endpoint.js';
import type { CallOptions, ResourceContext } from './resource-context.js';

/**
 * `wpay.refunds`.
 *
 * @example
 * ```ts
 * await wpay.refunds.create({ trxNo: 'TRX1', amount: '5.00', currency: 'USD' });
 * ```
 */
export interface RefundsResource {
  /**
   * Refunds `amount` of a payment. Not idempotent: retried only when the request provably never
   * reached WPay (connection refused, DNS failure), never after a timeout or an answer. After a
   * `WPayTimeoutError`, retrieve the payment to learn whether the refund happened.
   */
  create(params: RefundsCreateParams, options?: CallOptions): Promise<Refund>;
}

/**
 * Binds `wpay.refunds` to a resource context.
 *
 * @example
 * ```ts
 * const { refundNo } = await wpay.refunds.create({ trxNo: 'TRX123', amount: '5.00', currency: 'USD', reason: 'damaged' });
 * ```
 */
export function createRefundsResource(rc: ResourceContext): RefundsResource {
  return {
    create: endpoint(rc, {
      name: 'refunds.create',
      path: 'refundCreate',
      params: createRefundsCreateParamsSchema(rc.schemaSettings),
      answer: refundSchema,
      retry: 'unsent-only',
    }),
  };
}
