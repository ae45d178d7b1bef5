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
import type { PaymentsResource } from './payments.js';
import {
  createSafeRefund,
  type SafeRefundOptions,
  type SafeRefundResult,
} from './refund-safely.js';
import type { CallOptions, ResourceContext } from './resource-context.js';

/**
 * `wpay.refunds`.
 *
 * @example
 * ```ts
 * await wpay.refunds.create({ trxNo: 'TRX1', amount: '5.00', currency: 'USD' });
 * await wpay.refunds.createSafely({ trxNo: 'TRX1', amount: '5.00' }, { intentKey: 'rf_1', refundedBefore: 0 });
 * ```
 */
export interface RefundsResource {
  /**
   * Refunds `amount` of a payment. Not idempotent: retried only when the request provably never
   * reached WPay (connection refused, DNS failure), never after a timeout or an answer. After a
   * `WPayTimeoutError`, retrieve the payment to learn whether the refund happened.
   */
  create(params: RefundsCreateParams, options?: CallOptions): Promise<Refund>;
  /**
   * Refunds `amount` of a payment at most once, however the call ends: record the intent (its
   * `intentKey` and the `refundedBefore` your books show) first, then call this. It reads the
   * payment before sending (an earlier attempt that went through answers `already_refunded`), sends
   * the refund once, and settles a lost answer by reading the payment back. It throws
   * `WPayRefundNotMadeError` only when nothing was refunded, `WPayRefundInDoubtError` when it cannot
   * tell (keep the intent; call again later with the same options).
   */
  createSafely(params: RefundsCreateParams, options: SafeRefundOptions): Promise<SafeRefundResult>;
}

/** What the refunds resource uses besides the resource context. */
export interface RefundsDeps {
  /** `wpay.payments`, to read a payment before and after a refund. */
  payments: Pick<PaymentsResource, 'retrieve'>;
  /** Waits between read-backs (the `sleep` option of `WPay`). */
  sleep: (ms: number) => Promise<void>;
}

/**
 * Binds `wpay.refunds` to a resource context.
 *
 * @example
 * ```ts
 * const { refundNo } = await wpay.refunds.create({ trxNo: 'TRX123', amount: '5.00', currency: 'USD', reason: 'damaged' });
 * const safe = await wpay.refunds.createSafely({ trxNo: 'TRX123', amount: '5.00' }, { intentKey: 'rf_1', refundedBefore: 0 });
 * ```
 */
export function createRefundsResource(rc: ResourceContext, deps: RefundsDeps): RefundsResource {
  const paramsSchema = createRefundsCreateParamsSchema(rc.schemaSettings);
  const create = endpoint(rc, {
    name: 'refunds.create',
    path: 'refundCreate',
    params: paramsSchema,
    answer: refundSchema,
    retry: 'unsent-only',
  });
  return {
    create,
    createSafely: createSafeRefund({
      create,
      retrieve: (params, options) => deps.payments.retrieve(params, options),
      paramsSchema,
      settings: rc.settings,
      schemaSettings: rc.schemaSettings,
      sleep: deps.sleep,
    }),
  };
}
