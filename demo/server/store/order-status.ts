import type { KnownPaymentStatus } from '@wpay/protocol';

/** Where an order stands, from the shop's point of view. */
export type OrderStatus =
  | 'pending'
  | 'paid'
  | 'failed'
  | 'cancelled'
  | 'expired'
  | 'refunding'
  | 'partially_refunded'
  | 'refunded';

// Keyed by every payment status @wpay/protocol knows: the compiler says when one is missing.
const FROM_PAYMENT: Readonly<Record<KnownPaymentStatus, OrderStatus>> = {
  PAYING: 'pending',
  PAID: 'paid',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
  REFUNDING: 'refunding',
  PARTIAL_REFUNDED: 'partially_refunded',
  REFUNDED: 'refunded',
};

/** How far along its life an order is: a status never moves to a lower rank. */
const RANK: Readonly<Record<OrderStatus, number>> = {
  pending: 0,
  paid: 1,
  failed: 1,
  cancelled: 1,
  expired: 1,
  refunding: 2,
  partially_refunded: 3,
  refunded: 4,
};

/**
 * The order status for a WPay payment status, or `undefined` for a status WPay may add later
 * (the order then keeps its status, and the raw value is still stored).
 *
 * @example
 * ```ts
 * orderStatusFromPayment('PARTIAL_REFUNDED'); // 'partially_refunded'
 * ```
 */
export function orderStatusFromPayment(paymentStatus: string): OrderStatus | undefined {
  return Object.hasOwn(FROM_PAYMENT, paymentStatus)
    ? FROM_PAYMENT[paymentStatus as KnownPaymentStatus]
    : undefined;
}

/**
 * Whether an order may move from one status to another. Webhooks arrive late, twice and out of
 * order, so a stale payment detail must never undo a newer one (`refunded` never goes back to
 * `paid`); a partially refunded order may be partially refunded again.
 *
 * @example
 * ```ts
 * canMove('paid', 'refunded'); // true
 * canMove('refunded', 'paid'); // false
 * ```
 */
export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  if (from === to) return true;
  if (RANK[from] === 1 && RANK[to] === 1) return false;
  return RANK[to] >= RANK[from];
}
