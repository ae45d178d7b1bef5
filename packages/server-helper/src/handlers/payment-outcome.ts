/**
 * What a payment status means for the buyer (docs/architecture.md, the status contract).
 *
 * @module
 */

/**
 * The buyer-facing outcome of a payment.
 *
 * @example
 * ```ts
 * const title: Record<PaymentOutcome, string> = {
 *   succeeded: 'Thank you!', processing: 'Confirming…', cancelled: 'Cancelled', failed: 'Card declined',
 * };
 * ```
 */
export type PaymentOutcome = 'succeeded' | 'processing' | 'cancelled' | 'failed';

const OUTCOMES: Readonly<Record<string, PaymentOutcome>> = {
  PAID: 'succeeded',
  REFUNDING: 'succeeded',
  PARTIAL_REFUNDED: 'succeeded',
  REFUNDED: 'succeeded',
  CANCELLED: 'cancelled',
  EXPIRED: 'cancelled',
  FAILED: 'failed',
};

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
  const outcome = Object.hasOwn(OUTCOMES, status) ? OUTCOMES[status] : undefined;
  return outcome ? { outcome, final: true } : { outcome: 'processing', final: false };
}
