/**
 * The monotonic transition table of a payment: which transitions a payment status implies, in
 * order, and what guards each one.
 *
 * A status implies its whole path from `PAYING`: `REFUNDED` implies `paid` then `refunded`. Each
 * transition runs once (its key is claimed), so a late or stale read can only name transitions
 * that already ran: nothing moves backwards, and `REFUNDED` never goes back to `PAID`.
 * - `failed`, `cancelled`, `expired` share one key (`trxNo:unpaid`): a payment ends unpaid once;
 *   `paid` closes that key too, so a stale unpaid status read after `paid` runs nothing.
 * - `partiallyRefunded` is keyed by the amount refunded so far (`trxNo:partiallyRefunded:5.00`): a
 *   second partial refund is a new transition; none runs once `refunded` has run.
 *
 * @module
 */

import { englishZodMessages } from '../english-zod-messages.js';
import { formatAmount } from '../money.js';
import type { KnownPaymentStatus, Payment } from '../schemas/payments.js';
import * as z from '../zod.js';
import type { PaymentTransitionType } from './transition.js';

englishZodMessages();

/**
 * One step of a payment's path.
 *
 * @example
 * ```ts
 * const step: PaymentStep = { type: 'paid', key: 'TRX1:paid', closes: ['TRX1:unpaid'], unlessDone: [] };
 * ```
 */
export interface PaymentStep {
  type: PaymentTransitionType;
  /** Claimed while the side effect runs, then remembered as done. */
  key: string;
  /** Keys marked done (without a side effect) before this step runs, so they never run after it. */
  closes: readonly string[];
  /** The step is skipped when one of these keys is done. */
  unlessDone: readonly string[];
}

/** The path each known status implies, in order. Unknown statuses imply nothing yet. */
const PATHS: Readonly<Record<KnownPaymentStatus, readonly PaymentTransitionType[]>> = {
  PAYING: [],
  PAID: ['paid'],
  FAILED: ['failed'],
  CANCELLED: ['cancelled'],
  EXPIRED: ['expired'],
  REFUNDING: ['paid'],
  PARTIAL_REFUNDED: ['paid', 'partiallyRefunded'],
  REFUNDED: ['paid', 'refunded'],
};

const refundedAmountSchema = z.number().check(z.nonnegative());

/**
 * The amount refunded so far, when WPay reports it (`refundedAmount`), else `undefined`.
 *
 * @example
 * ```ts
 * refundedAmountOf(payment); // 5
 * ```
 */
export function refundedAmountOf(payment: Payment): number | undefined {
  const parsed = refundedAmountSchema.safeParse(payment.refundedAmount);
  return parsed.success ? parsed.data : undefined;
}

function amountKey(amount: number | undefined, currency: string): string {
  if (amount === undefined) return 'unknown';
  try {
    return formatAmount(amount, currency);
  } catch {
    return String(amount);
  }
}

/**
 * The steps `payment`'s current status implies, in the order they must run.
 *
 * @example
 * ```ts
 * paymentSteps({ ...payment, status: 'REFUNDED' }).map((s) => s.key); // ['TRX1:paid', 'TRX1:refunded']
 * ```
 */
export function paymentSteps(payment: Payment): PaymentStep[] {
  const path = Object.hasOwn(PATHS, payment.status)
    ? PATHS[payment.status as KnownPaymentStatus]
    : [];
  const { trxNo } = payment;
  const unpaid = `${trxNo}:unpaid`;
  const refunded = `${trxNo}:refunded`;
  const unpaidEnd = (type: PaymentTransitionType): PaymentStep => ({
    type,
    key: unpaid,
    closes: [],
    unlessDone: [],
  });
  const build: Record<PaymentTransitionType, () => PaymentStep> = {
    paid: () => ({ type: 'paid', key: `${trxNo}:paid`, closes: [unpaid], unlessDone: [] }),
    failed: () => unpaidEnd('failed'),
    cancelled: () => unpaidEnd('cancelled'),
    expired: () => unpaidEnd('expired'),
    partiallyRefunded: () => ({
      type: 'partiallyRefunded',
      key: `${trxNo}:partiallyRefunded:${amountKey(refundedAmountOf(payment), payment.currency)}`,
      closes: [],
      unlessDone: [refunded],
    }),
    refunded: () => ({ type: 'refunded', key: refunded, closes: [], unlessDone: [] }),
  };
  return path.map((type) => build[type]());
}
