/**
 * The statuses of payments, subscriptions and bills (wpay-api.md §6), with the numeric codes of
 * the payments list filter (docs/protocol-defaults.md). Parsers accept unknown values: WPay may
 * add some.
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * Every payment status known [doc: `PAID`; the rest a default, from the twins].
 *
 * @example
 * ```ts
 * PAYMENT_STATUSES.includes('REFUNDED'); // true
 * ```
 */
export const PAYMENT_STATUSES = deepFreeze([
  'PAYING',
  'PAID',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  'REFUNDING',
  'PARTIAL_REFUNDED',
  'REFUNDED',
] as const);

/**
 * A payment status this version knows.
 *
 * @example
 * ```ts
 * const status: KnownPaymentStatus = 'PAID';
 * ```
 */
export type KnownPaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * The numeric status of the payments list filter and of the create-HPP answer (`1` = created,
 * paying) [doc for `1`; the rest a default].
 *
 * @example
 * ```ts
 * PAYMENT_STATUS_CODES.PAID; // 2
 * ```
 */
export const PAYMENT_STATUS_CODES: Readonly<Record<KnownPaymentStatus, number>> = deepFreeze({
  PAYING: 1,
  PAID: 2,
  FAILED: 3,
  CANCELLED: 4,
  EXPIRED: 5,
  REFUNDING: 6,
  PARTIAL_REFUNDED: 7,
  REFUNDED: 8,
});

/**
 * Every subscription status known [doc: `ACTIVE`; the rest a default, from the twins].
 *
 * @example
 * ```ts
 * SUBSCRIPTION_STATUSES.includes('PAST_DUE'); // true
 * ```
 */
export const SUBSCRIPTION_STATUSES = deepFreeze([
  'ACTIVE',
  'CANCELLED',
  'EXPIRED',
  'PAST_DUE',
] as const);

/**
 * A subscription status this version knows.
 *
 * @example
 * ```ts
 * const status: KnownSubscriptionStatus = 'ACTIVE';
 * ```
 */
export type KnownSubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * Every bill status known [doc: `PAID`; `FAILED` a default].
 *
 * @example
 * ```ts
 * BILL_STATUSES; // ['PAID', 'FAILED']
 * ```
 */
export const BILL_STATUSES = deepFreeze(['PAID', 'FAILED'] as const);

/**
 * A bill status this version knows.
 *
 * @example
 * ```ts
 * const status: KnownBillStatus = 'FAILED';
 * ```
 */
export type KnownBillStatus = (typeof BILL_STATUSES)[number];

/**
 * Every refund status known [default: none is documented; the sandbox settles refunds at once as
 * `SUCCESS`]. Parsers accept others.
 *
 * @example
 * ```ts
 * REFUND_STATUSES.includes('PROCESSING'); // true
 * ```
 */
export const REFUND_STATUSES = deepFreeze(['SUCCESS', 'PROCESSING', 'FAILED'] as const);

/**
 * A refund status this version knows.
 *
 * @example
 * ```ts
 * const status: KnownRefundStatus = 'SUCCESS';
 * ```
 */
export type KnownRefundStatus = (typeof REFUND_STATUSES)[number];
