/** @module The records the sandbox keeps, the test cards and the payment statuses. */
import type {
  IntervalUnit,
  KnownBillStatus,
  KnownPaymentStatus,
  KnownRefundStatus,
  KnownSubscriptionStatus,
  PayMode,
} from '@wpay/protocol';

/**
 * Payment statuses (wpay-api.md §6 and the twins), from `@wpay/protocol`.
 *
 * @example
 * ```ts
 * const status: PaymentStatus = 'PARTIAL_REFUNDED';
 * ```
 */
export type PaymentStatus = KnownPaymentStatus;

/**
 * The test cards the hosted page offers.
 *
 * @example
 * ```ts
 * await sb.pay(trxNo, { card: 'insufficient_funds' satisfies TestCard });
 * ```
 */
export type TestCard =
  | 'success'
  | 'declined'
  | 'insufficient_funds'
  | 'slow'
  | '3ds_challenge'
  | '3ds_frictionless'
  | 'authentication_required';

/**
 * What the buyer does on the 3-D Secure challenge page: approve it (the payment goes through),
 * fail it (declined, `authentication_failed`), or abandon it (close the window: the payment
 * stays `PAYING` until the session expires on the sandbox clock).
 *
 * @example
 * ```ts
 * await sb.pay(trxNo, { card: '3ds_challenge', threeDS: 'fail' satisfies ThreeDSOutcome });
 * ```
 */
export type ThreeDSOutcome = 'approve' | 'fail' | 'abandon';

/**
 * Every 3-D Secure challenge outcome, in the order of the challenge page's buttons.
 *
 * @example
 * ```ts
 * THREE_DS_OUTCOMES.includes('abandon'); // true
 * ```
 */
export const THREE_DS_OUTCOMES: readonly ThreeDSOutcome[] = ['approve', 'fail', 'abandon'];

/**
 * Why a card fails at once (`failureReason`), or `null` when it does not; `offSession` for a
 * renewal, where no buyer can answer a 3-D Secure challenge.
 *
 * @example
 * ```ts
 * immediateFailureOf('declined', { offSession: false }); // 'card_declined'
 * ```
 */
export function immediateFailureOf(
  card: TestCard,
  { offSession }: { offSession: boolean },
): string | null {
  switch (card) {
    case 'declined':
      return 'card_declined';
    case 'insufficient_funds':
      return 'insufficient_funds';
    case 'authentication_required':
      return 'authentication_required';
    case '3ds_challenge':
      return offSession ? 'authentication_required' : null;
    default:
      return null;
  }
}

/**
 * Card numbers and outcomes of the test cards (protocol-defaults.md).
 *
 * @example
 * ```ts
 * TEST_CARDS[0]; // { card: 'success', number: '4242 4242 4242 4242', outcome: 'succeeds' }
 * ```
 */
export const TEST_CARDS: ReadonlyArray<{ card: TestCard; number: string; outcome: string }> = [
  { card: 'success', number: '4242 4242 4242 4242', outcome: 'succeeds' },
  { card: 'declined', number: '4000 0000 0000 0002', outcome: 'is declined' },
  { card: 'insufficient_funds', number: '4000 0000 0000 9995', outcome: 'has insufficient funds' },
  { card: 'slow', number: '4000 0000 0000 0259', outcome: 'stays pending, then succeeds' },
  {
    card: '3ds_challenge',
    number: '4000 0000 0000 3220',
    outcome: 'asks for 3-D Secure: approve, fail or abandon',
  },
  {
    card: '3ds_frictionless',
    number: '4000 0000 0000 3055',
    outcome: 'passes 3-D Secure without a challenge, then succeeds',
  },
  {
    card: 'authentication_required',
    number: '4000 0000 0000 3063',
    outcome: 'is declined: authentication required',
  },
];

/** Subscription statuses, from `@wpay/protocol`. */
export type SubscriptionStatus = KnownSubscriptionStatus;

/** What a hosted-page session was created with (compared for idempotency). */
export interface CheckoutRequest {
  mchOrderNo: string;
  amountMinor: number;
  currency: string;
  payMode: PayMode;
  successUrl: string;
  cancelUrl: string;
  description: string | null;
  customerEmail: string | null;
  mchSubscriptionNo: string | null;
  intervalUnit: IntervalUnit | null;
  intervalCount: number | null;
}

/** A payment, and the hosted-page session that created it. */
export interface PaymentRecord {
  id: number;
  trxNo: string;
  gatewayOrderNo: string;
  sessionId: string | null;
  request: CheckoutRequest;
  status: PaymentStatus;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  paidAt: number | null;
  /** Set when a card was submitted (a slow card stays PAYING after this). */
  submittedCard: TestCard | null;
  /**
   * The 3-D Secure challenge of a `3ds_challenge` card: `pending` while its page waits for the
   * buyer, `abandoned` once they left it (the payment then expires with the session).
   */
  challenge: 'pending' | 'abandoned' | null;
  failureReason: string | null;
  refundedMinor: number;
  subscriptionId: number | null;
}

/** A subscription created by a paid SUBSCRIPTION checkout. */
export interface SubscriptionRecord {
  id: number;
  mchSubscriptionNo: string;
  mchOrderNo: string;
  firstTrxNo: string;
  status: SubscriptionStatus;
  amountMinor: number;
  currency: string;
  intervalUnit: IntervalUnit;
  intervalCount: number;
  description: string | null;
  customerEmail: string | null;
  createdAt: number;
  /** Periods billed so far (the first payment is period 1). */
  periodsBilled: number;
  nextBillAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
  /** When it became `EXPIRED` (too many failed renewals, or ended on demand). */
  expiredAt: number | null;
  /** Failed renewals in a row (a paid one resets it). */
  failedRenewals: number;
  /** Card used for the next renewals (control API), `success` by default. */
  renewalCard: TestCard;
}

/** One bill of a subscription. */
export interface BillRecord {
  id: number;
  subscriptionId: number;
  trxNo: string;
  period: number;
  amountMinor: number;
  currency: string;
  status: KnownBillStatus;
  failureReason: string | null;
  createdAt: number;
}

/** A refund (settled at once, hence always `SUCCESS`). */
export interface RefundRecord {
  refundNo: string;
  trxNo: string;
  amountMinor: number;
  currency: string;
  reason: string | null;
  status: Extract<KnownRefundStatus, 'SUCCESS'>;
  createdAt: number;
}
