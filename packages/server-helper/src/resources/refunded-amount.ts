/**
 * How much of a payment WPay has refunded, as far as its payment detail tells.
 *
 * @module
 */
import { parseAmount } from '../money.js';
import type { Payment } from '../schemas/payments.js';

/** What {@link refundedMinorOf} needs besides the payment. */
export interface RefundedAmountOptions {
  /** The payment field holding the refunded total in major units (setting `refunds.refundedAmountField`). */
  field: string;
  /** The payment currency's exponent (decimals). */
  exponent: number;
}

/**
 * WPay's refunded total of `payment` in minor units: the `field` when the payment carries it,
 * else what the status proves (`PAID` → 0, `REFUNDED` → the whole amount), else `undefined`
 * (e.g. `PARTIAL_REFUNDED` or `REFUNDING` without the field: some amount, not known which).
 *
 * @example
 * ```ts
 * refundedMinorOf(payment, { field: 'refundedAmount', exponent: 2 }); // 500 for 5.00 refunded
 * ```
 */
export function refundedMinorOf(
  payment: Payment,
  { field, exponent }: RefundedAmountOptions,
): number | undefined {
  const value: unknown = (payment as Record<string, unknown>)[field];
  if (typeof value === 'number' || typeof value === 'string') {
    if (Number(value) === 0) return 0;
    const parsed = parseAmount(value, exponent);
    if (parsed.ok) return parsed.value.minor;
  }
  if (payment.status === 'PAID') return 0;
  if (payment.status === 'REFUNDED') {
    const whole = parseAmount(payment.amount, exponent);
    return whole.ok ? whole.value.minor : undefined;
  }
  return undefined;
}
