/**
 * The transitions the fulfilment core emits: what happened to a payment or a subscription, read
 * back from WPay, each one run once.
 *
 * @module
 */
import type { Payment } from '../schemas/payments.js';
import type { Bill, Subscription } from '../schemas/subscriptions.js';

/**
 * Which entry point saw a transition first: a webhook, the buyer's return page, a reconciliation
 * sweep or the shop's own admin action.
 *
 * @example
 * ```ts
 * const label: Record<TransitionSource, string> = {
 *   webhook: 'webhook', return: 'return page', reconcile: 'reconciled', admin: 'admin',
 * };
 * ```
 */
export type TransitionSource = 'webhook' | 'return' | 'reconcile' | 'admin';

/**
 * What can happen to a payment. `failed`, `cancelled` and `expired` end an unpaid payment (at
 * most one of them runs); `partiallyRefunded` runs once per refunded amount.
 *
 * @example
 * ```ts
 * const ships: PaymentTransitionType = 'paid';
 * ```
 */
export type PaymentTransitionType =
  | 'paid'
  | 'failed'
  | 'cancelled'
  | 'expired'
  | 'partiallyRefunded'
  | 'refunded';

/**
 * What can happen to a subscription: a renewal bill paid or failed, or its end (cancelled or
 * expired).
 *
 * @example
 * ```ts
 * const extends_: SubscriptionTransitionType = 'subscriptionRenewed';
 * ```
 */
export type SubscriptionTransitionType =
  | 'subscriptionRenewed'
  | 'subscriptionRenewalFailed'
  | 'subscriptionEnded';

/**
 * One transition of a payment, as handed to its side effect.
 *
 * @example
 * ```ts
 * paid: async ({ payment, source }: PaymentTransition) => orders.markPaid(payment.mchOrderNo, { source }),
 * ```
 */
export interface PaymentTransition {
  type: PaymentTransitionType;
  /** The key it is claimed under, e.g. `TRX1:paid` or `TRX1:partiallyRefunded:500`. */
  key: string;
  source: TransitionSource;
  trxNo: string;
  mchOrderNo: string;
  /** The payment as WPay reported it when the transition ran (its current status). */
  payment: Payment;
  /** `partiallyRefunded` and `refunded`: the amount refunded so far, when WPay reports it. */
  refundedAmount?: number | undefined;
}

/**
 * One transition of a subscription, as handed to its side effect.
 *
 * @example
 * ```ts
 * subscriptionRenewed: async ({ subscription, bill }: SubscriptionTransition) =>
 *   members.extend(subscription.mchSubscriptionNo, bill?.id),
 * ```
 */
export interface SubscriptionTransition {
  type: SubscriptionTransitionType;
  /** The key it is claimed under, e.g. `subscription:7:bill:12:renewed` or `subscription:7:ended`. */
  key: string;
  source: TransitionSource;
  subscriptionId: number;
  subscription: Subscription;
  /** The renewal bill (`subscriptionRenewed`, `subscriptionRenewalFailed`). */
  bill?: Bill | undefined;
}

/**
 * Any transition.
 *
 * @example
 * ```ts
 * const log = (t: Transition) => audit.write({ key: t.key, type: t.type, source: t.source });
 * ```
 */
export type Transition = PaymentTransition | SubscriptionTransition;

/**
 * Every transition type.
 *
 * @example
 * ```ts
 * const counts: Partial<Record<TransitionType, number>> = { paid: 3 };
 * ```
 */
export type TransitionType = Transition['type'];

/**
 * The shop's side effects, one per transition type, each run once per transition. A side effect
 * that throws is retried by the next entry point (webhook retry, return page, sweep).
 *
 * @example
 * ```ts
 * const on: FulfilmentHandlers = {
 *   paid: ({ payment }) => orders.ship(payment.mchOrderNo),
 *   refunded: ({ payment }) => orders.restock(payment.mchOrderNo),
 *   subscriptionRenewed: ({ subscription }) => members.extend(subscription.id),
 * };
 * ```
 */
export type FulfilmentHandlers = {
  [T in PaymentTransitionType]?: (transition: PaymentTransition & { type: T }) => unknown;
} & {
  [T in SubscriptionTransitionType]?: (transition: SubscriptionTransition & { type: T }) => unknown;
};
