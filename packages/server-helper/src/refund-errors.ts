/**
 * The two errors of `wpay.refunds.createSafely`: one when it is certain that nothing was refunded,
 * one when it cannot tell. Any other outcome is a result, never an error.
 *
 * @module
 */
import { WPayError } from './errors.js';

/**
 * Why `createSafely` is sure nothing was refunded:
 * - `refused`: WPay answered and refused (a 4xx retcode, e.g. `422` above the refundable amount);
 * - `not_sent`: the refund never reached WPay (connection refused, DNS), or reading the payment
 *   first failed, so no refund was sent;
 * - `not_applied`: the answer was lost, and reading the payment back shows no refund;
 * - `out_of_date`: WPay's refunded total is neither `refundedBefore` nor `refundedBefore + amount`,
 *   so the caller's books are out of date; nothing was sent.
 *
 * @example
 * ```ts
 * const retryable = (reason: WPayRefundNotMadeReason) => reason === 'not_sent' || reason === 'not_applied';
 * ```
 */
export type WPayRefundNotMadeReason = 'refused' | 'not_sent' | 'not_applied' | 'out_of_date';

/** What both refund errors carry. */
export interface WPayRefundErrorInit {
  /** The caller's key of this refund intent. */
  intentKey: string;
  trxNo: string;
  /** The refund's amount, major units. */
  amount: number;
  /** WPay's refunded total as last read (major units), or `undefined` when it could not be read. */
  observedRefundedAmount: number | undefined;
  cause?: unknown;
}

/**
 * `refunds.createSafely` is certain that this call refunded nothing (see `reason`). The intent may
 * be retried, or abandoned; for `out_of_date`, bring the books to `observedRefundedAmount` first.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof WPayRefundNotMadeError) intents.markFailed(error.intentKey, error.reason);
 * }
 * ```
 */
export class WPayRefundNotMadeError extends WPayError {
  override readonly name: string = 'WPayRefundNotMadeError';
  readonly reason: WPayRefundNotMadeReason;
  readonly intentKey: string;
  readonly trxNo: string;
  readonly amount: number;
  readonly observedRefundedAmount: number | undefined;

  constructor(init: WPayRefundErrorInit & { reason: WPayRefundNotMadeReason; message: string }) {
    super('refund_not_made', {
      message: init.message,
      hint:
        init.reason === 'out_of_date'
          ? 'Nothing was refunded: record WPay’s refunded total (observedRefundedAmount) in your books, then decide again.'
          : 'Nothing was refunded: the refund may be tried again (createSafely reads the payment first).',
      cause: init.cause,
    });
    this.reason = init.reason;
    this.intentKey = init.intentKey;
    this.trxNo = init.trxNo;
    this.amount = init.amount;
    this.observedRefundedAmount = init.observedRefundedAmount;
  }
}

/**
 * `refunds.createSafely` sent the refund, got no usable answer, and reading the payment back did
 * not settle whether it happened. Do not send it again by other means: keep the intent open and
 * call `createSafely` again later with the same `intentKey` and `refundedBefore` (it reads the
 * payment first and answers `already_refunded` if the refund went through).
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof WPayRefundInDoubtError) intents.markInDoubt(error.intentKey);
 * }
 * ```
 */
export class WPayRefundInDoubtError extends WPayError {
  override readonly name: string = 'WPayRefundInDoubtError';
  readonly intentKey: string;
  readonly trxNo: string;
  readonly amount: number;
  readonly observedRefundedAmount: number | undefined;

  constructor(init: WPayRefundErrorInit & { message: string }) {
    super('refund_in_doubt', {
      message: init.message,
      hint: 'Do not refund again by hand. Keep the intent open and call createSafely again later with the same intentKey and refundedBefore: it reads the payment first.',
      cause: init.cause,
    });
    this.intentKey = init.intentKey;
    this.trxNo = init.trxNo;
    this.amount = init.amount;
    this.observedRefundedAmount = init.observedRefundedAmount;
  }
}
