/**
 * What a payment status means for the buyer (docs/architecture.md, the status contract). The
 * table is `@wpay/protocol`'s `PAYMENT_STATUS_OUTCOMES`.
 *
 * @module
 */
import {
  PAYMENT_STATUS_OUTCOMES,
  type PaymentOutcome,
  UNKNOWN_STATUS_OUTCOME,
} from '@wpay/protocol';

export type { PaymentOutcome } from '@wpay/protocol';

/**
 * Maps WPay's string status to `{ outcome, final }`: `PAID`, `REFUNDING`, `PARTIAL_REFUNDED`,
 * `REFUNDED` → succeeded; `CANCELLED`, `EXPIRED` → cancelled; `FAILED` → failed (all final);
 * `PAYING` or anything unknown → processing (not final).
 *
 * @example
 * ```ts
 * paymentOutcome('PAID');   // { outcome: 'succeeded', final: true }
 * paymentOutcome('PAYING'); // { outcome: 'processing', final: false }
 * ```
 */
export function paymentOutcome(status: string): { outcome: PaymentOutcome; final: boolean } {
  const known = Object.hasOwn(PAYMENT_STATUS_OUTCOMES, status)
    ? PAYMENT_STATUS_OUTCOMES[status as keyof typeof PAYMENT_STATUS_OUTCOMES]
    : UNKNOWN_STATUS_OUTCOME;
  return { outcome: known.outcome, final: known.final };
}
