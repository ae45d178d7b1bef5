/**
 * The monotonic transition table of a subscription: renewals and failed renewals from its bills,
 * and its end from its status.
 *
 * The oldest bill is the first payment (fulfilled as that payment's `paid`); every later bill is a
 * renewal, `subscriptionRenewed` when paid and `subscriptionRenewalFailed` when failed, each keyed
 * by the bill's id. `CANCELLED` and `EXPIRED` end the subscription once (`subscription:<id>:ended`);
 * a subscription that ended never runs `subscriptionEnded` again, whatever is read later.
 *
 * @module
 */
import type {
  Bill,
  KnownBillStatus,
  KnownSubscriptionStatus,
  Subscription,
} from '../schemas/subscriptions.js';
import type { SubscriptionTransitionType } from './transition.js';

/**
 * One step of a subscription's history.
 *
 * @example
 * ```ts
 * const step: SubscriptionStep = { type: 'subscriptionEnded', key: 'subscription:7:ended' };
 * ```
 */
export interface SubscriptionStep {
  type: SubscriptionTransitionType;
  key: string;
  bill?: Bill;
}

const FROM_BILL: Readonly<
  Record<KnownBillStatus, { type: SubscriptionTransitionType; suffix: string }>
> = {
  PAID: { type: 'subscriptionRenewed', suffix: 'renewed' },
  FAILED: { type: 'subscriptionRenewalFailed', suffix: 'renewalFailed' },
};

/** Whether a subscription status is an end (`true`) or still live (`false`). */
const ENDED: Readonly<Record<KnownSubscriptionStatus, boolean>> = {
  ACTIVE: false,
  PAST_DUE: false,
  CANCELLED: true,
  EXPIRED: true,
};

/**
 * The prefix of every key of subscription `id`.
 *
 * @example
 * ```ts
 * subscriptionKey(7); // 'subscription:7'
 * ```
 */
export function subscriptionKey(id: number): string {
  return `subscription:${id}`;
}

/**
 * The steps a subscription and its bills imply, in order: renewals oldest first, then the end.
 *
 * @example
 * ```ts
 * subscriptionSteps(subscription, bills).map((s) => s.type); // ['subscriptionRenewed', 'subscriptionRenewed']
 * ```
 */
export function subscriptionSteps(
  subscription: Subscription,
  bills: readonly Bill[],
): SubscriptionStep[] {
  const prefix = subscriptionKey(subscription.id);
  const [, ...renewals] = [...bills].sort((a, b) => a.id - b.id);
  const steps: SubscriptionStep[] = [];
  for (const bill of renewals) {
    const known = Object.hasOwn(FROM_BILL, bill.status)
      ? FROM_BILL[bill.status as KnownBillStatus]
      : undefined;
    if (known)
      steps.push({ type: known.type, key: `${prefix}:bill:${bill.id}:${known.suffix}`, bill });
  }
  if (
    Object.hasOwn(ENDED, subscription.status) &&
    ENDED[subscription.status as KnownSubscriptionStatus]
  ) {
    steps.push({ type: 'subscriptionEnded', key: `${prefix}:ended` });
  }
  return steps;
}
