import type { Fulfilment, PendingItem, ReconcileReport } from '@wpay/server-helper';
import type { OrderStore } from './store/order-store.js';
import type { SubscriptionStore } from './store/subscription-store.js';

/** What {@link createShopReconciler} works with. */
export interface ShopReconcilerDeps {
  readonly fulfilment: Fulfilment;
  readonly orders: OrderStore;
  readonly subscriptions: SubscriptionStore;
}

/** Options of one sweep. */
export interface ShopSweepOptions {
  /** Orders younger than this are left to their webhook. Default the server helper's (10 min). */
  readonly olderThanMs?: number | undefined;
}

/** The subscription statuses that can still renew. */
const LIVE = new Set(['active', 'past_due']);

/**
 * The shop's reconciliation sweep: hands every pending order (by its `trxNo`, else its
 * `mchOrderNo`) and every live subscription to the server helper's `fulfilment.reconcile()`,
 * which reads each from WPay and runs what the webhooks missed, marked `reconcile`.
 *
 * @example
 * ```ts
 * const reconcile = createShopReconciler({ fulfilment, orders, subscriptions });
 * const report = await reconcile({ olderThanMs: 0 }); // "Reconcile now": every pending order
 * ```
 */
export function createShopReconciler({ fulfilment, orders, subscriptions }: ShopReconcilerDeps) {
  function* pending(): Generator<PendingItem> {
    for (const order of orders.pending()) {
      yield { trxNo: order.trxNo, mchOrderNo: order.mchOrderNo, createdAt: order.createdAt };
    }
    for (const sub of subscriptions.list()) {
      // No createdAt: a subscription renews for as long as it lives, whatever its age.
      if (sub.wpayId !== null && LIVE.has(sub.status)) yield { subscriptionId: sub.wpayId };
    }
  }
  return ({ olderThanMs }: ShopSweepOptions = {}): Promise<ReconcileReport> =>
    fulfilment.reconcile({ pending, ...(olderThanMs === undefined ? {} : { olderThanMs }) });
}

/** The function returned by {@link createShopReconciler}. */
export type ShopReconciler = ReturnType<typeof createShopReconciler>;
