import type {
  ClaimStore,
  Fulfilment,
  FulfilmentHandlers,
  PaymentTransition,
  PaymentTransitionType,
  SubscriptionTransition,
  WPay,
} from '@wpay/server-helper';
import type { DemoLogger } from './logger.js';
import { toMinor } from './money.js';
import type { OrderStatus, OrderStore } from './store/order-store.js';
import type { SubscriptionStore } from './store/subscription-store.js';

/** What {@link createShopFulfilment} works with. */
export interface ShopFulfilmentDeps {
  readonly wpay: WPay;
  readonly orders: OrderStore;
  readonly subscriptions: SubscriptionStore;
  /** Where the core claims each transition (the demo's SQLite: a restart runs nothing twice). */
  readonly store: ClaimStore;
  readonly logger: DemoLogger;
}

/** How many pages of WPay's subscription list are searched for a subscription's id. */
const SUBSCRIPTION_SEARCH_PAGES = 5;

/** The order status each payment transition leads to; keyed by every type the core reports. */
const STATUS_AFTER: Readonly<Record<PaymentTransitionType, Exclude<OrderStatus, 'pending'>>> = {
  paid: 'paid',
  failed: 'failed',
  cancelled: 'cancelled',
  expired: 'expired',
  partiallyRefunded: 'partially_refunded',
  refunded: 'refunded',
};

/**
 * The shop's side effects, run by the server helper's fulfilment core (`wpay.fulfilment()`): the
 * core reads each payment or subscription from WPay, applies its monotonic transition table and
 * calls each side effect here once per transition, whichever entry point (webhook, return page,
 * reconciliation sweep, admin action) saw it first. The side effects only write SQLite: mark the
 * order paid and fulfil it, record its end, raise its refunded total, keep the subscription and
 * its bills in step.
 *
 * @example
 * ```ts
 * const fulfilment = createShopFulfilment({ wpay, orders, subscriptions, store, logger });
 * await fulfilment.payment('TRX123', { source: 'admin' });
 * ```
 */
export function createShopFulfilment(deps: ShopFulfilmentDeps): Fulfilment {
  const { wpay, orders, subscriptions, logger } = deps;

  /** Finds WPay's id of a subscription the shop knows only by its own number. */
  async function findSubscriptionId(mchSubscriptionNo: string): Promise<number | undefined> {
    for (let page = 1; page <= SUBSCRIPTION_SEARCH_PAGES; page++) {
      const { records, total } = await wpay.subscriptions.list({ page, size: 50 });
      const match = records.find((s) => s.mchSubscriptionNo === mchSubscriptionNo);
      if (match) return match.id;
      if (records.length < 50 || (total !== undefined && page * 50 >= total)) return undefined;
    }
    return undefined;
  }

  /** Reads a subscription and its bills from WPay and stores them (idempotent). */
  async function syncSubscription(mchSubscriptionNo: string): Promise<void> {
    const known = subscriptions.find(mchSubscriptionNo);
    const id = known?.wpayId ?? (await findSubscriptionId(mchSubscriptionNo));
    if (id === undefined) return;
    const subscription = await wpay.subscriptions.retrieve({ id });
    const bills = await wpay.subscriptions.bills({ subscriptionId: id, page: 1, size: 100 });
    if (!subscriptions.applyWpay(subscription)) return;
    for (const bill of bills.records) recordBill(bill);
  }

  function recordBill(bill: NonNullable<SubscriptionTransition['bill']>): void {
    subscriptions.recordBill({
      wpayId: bill.id,
      wpaySubscriptionId: bill.subscriptionId,
      amountMinor: toMinor(bill.amount, bill.currency),
      currency: bill.currency,
      status: bill.status,
      createdTime: bill.createdTime ?? '',
    });
  }

  /** One payment transition: the reads first, then one SQLite transaction (all or nothing). */
  async function applyPayment(transition: PaymentTransition): Promise<void> {
    const { payment } = transition;
    if (transition.type === 'paid' && payment.mchSubscriptionNo) {
      await syncSubscription(payment.mchSubscriptionNo);
    }
    const order = orders.applyTransition({
      trxNo: transition.trxNo,
      mchOrderNo: payment.mchOrderNo,
      status: STATUS_AFTER[transition.type],
      wpayStatus: payment.status,
      source: transition.source,
      refundedMinor:
        transition.refundedAmount === undefined
          ? undefined
          : toMinor(transition.refundedAmount, payment.currency),
    });
    if (!order) {
      logger.warn('WPay reported a payment this shop has no order for', {
        trxNo: transition.trxNo,
      });
      return;
    }
    logger.info('order moved', {
      mchOrderNo: order.mchOrderNo,
      transition: transition.type,
      source: transition.source,
    });
  }

  function applySubscription(transition: SubscriptionTransition): void {
    if (!subscriptions.applyWpay(transition.subscription)) {
      logger.warn('WPay reported a subscription this shop does not know', {
        id: transition.subscriptionId,
      });
      return;
    }
    if (transition.bill) recordBill(transition.bill);
  }

  const on: FulfilmentHandlers = {
    paid: applyPayment,
    failed: applyPayment,
    cancelled: applyPayment,
    expired: applyPayment,
    partiallyRefunded: applyPayment,
    refunded: applyPayment,
    subscriptionRenewed: applySubscription,
    subscriptionRenewalFailed: applySubscription,
    subscriptionEnded: applySubscription,
  };
  return wpay.fulfilment({ store: deps.store, on, logger });
}
