/**
 * What a payment status means for the buyer (docs/architecture.md, the status contract).
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';
import type { KnownPaymentStatus } from './statuses.js';

/**
 * Every buyer-facing outcome of a payment.
 *
 * @example
 * ```ts
 * PAYMENT_OUTCOMES; // ['succeeded', 'processing', 'cancelled', 'failed']
 * ```
 */
export const PAYMENT_OUTCOMES = deepFreeze([
  'succeeded',
  'processing',
  'cancelled',
  'failed',
] as const);

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
export type PaymentOutcome = (typeof PAYMENT_OUTCOMES)[number];

/**
 * An outcome and whether it can still change.
 *
 * @example
 * ```ts
 * const paid: OutcomeOfStatus = { outcome: 'succeeded', final: true };
 * ```
 */
export interface OutcomeOfStatus {
  readonly outcome: PaymentOutcome;
  readonly final: boolean;
}

/**
 * The status → outcome table: `PAID`, `REFUNDING`, `PARTIAL_REFUNDED`, `REFUNDED` → succeeded;
 * `CANCELLED`, `EXPIRED` → cancelled; `FAILED` → failed (all final); `PAYING` → processing (not
 * final). A status missing from the table (one WPay adds later) reads as
 * {@link UNKNOWN_STATUS_OUTCOME}.
 *
 * @example
 * ```ts
 * PAYMENT_STATUS_OUTCOMES.REFUNDED; // { outcome: 'succeeded', final: true }
 * ```
 */
export const PAYMENT_STATUS_OUTCOMES: Readonly<Record<KnownPaymentStatus, OutcomeOfStatus>> =
  deepFreeze({
    PAYING: { outcome: 'processing', final: false },
    PAID: { outcome: 'succeeded', final: true },
    REFUNDING: { outcome: 'succeeded', final: true },
    PARTIAL_REFUNDED: { outcome: 'succeeded', final: true },
    REFUNDED: { outcome: 'succeeded', final: true },
    CANCELLED: { outcome: 'cancelled', final: true },
    EXPIRED: { outcome: 'cancelled', final: true },
    FAILED: { outcome: 'failed', final: true },
  });

/**
 * The outcome of a status this version does not know: still processing, not final.
 *
 * @example
 * ```ts
 * UNKNOWN_STATUS_OUTCOME; // { outcome: 'processing', final: false }
 * ```
 */
export const UNKNOWN_STATUS_OUTCOME: OutcomeOfStatus = deepFreeze({
  outcome: 'processing',
  final: false,
});
