import type { DemoLogger } from './logger.js';
import { toMinor } from './money.js';
import type { ShopWPay } from './shop-wpay.js';
import type { Order, OrderStore } from './store/order-store.js';
import type { Subscription, SubscriptionStore } from './store/subscription-store.js';

/** What {@link createFulfilment} works with. */
export interface FulfilmentDeps {
  readonly wpay: ShopWPay;
  readonly orders: OrderStore;
  readonly subscriptions: SubscriptionStore;
  readonly logger: DemoLogger;
  /**
   * The payment field holding WPay's refunded total (the server helper's setting
   * `refunds.refundedAmountField`): the books' refunded total is raised to it on every read.
   */
  readonly refundedAmountField?: string | undefined;
}

/** How many pages of WPay's subscription list are searched for a subscription's id. */
const SUBSCRIPTION_SEARCH_PAGES = 5;

/**
 * The shop's reaction to WPay's news. A webhook is a hint, never proof: each function reads the
 * current state from WPay's API and stores *that*, so duplicates, retries and out-of-order
 * deliveries all converge on the truth (and the stores never move an order backwards).
 *
 * @example
 * ```ts
 * const fulfil = createFulfilment({ wpay, orders, subscriptions, logger });
 * await fulfil.payment('TRX123'); // after a verified `credit_card.order.paid`
 * ```
 */
export function createFulfilment({
  wpay,
  orders,
  subscriptions,
  logger,
  refundedAmountField,
}: FulfilmentDeps) {
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

  /** Reads a subscription and its bills from WPay and stores them. */
  async function syncSubscription(id: number): Promise<Subscription | undefined> {
    const subscription = await wpay.subscriptions.retrieve({ id });
    const stored = subscriptions.applyWpay(subscription);
    if (!stored) {
      logger.warn('WPay reported a subscription this shop does not know', { id });
      return undefined;
    }
    const bills = await wpay.subscriptions.bills({ subscriptionId: id, page: 1, size: 100 });
    for (const bill of bills.records) {
      subscriptions.recordBill({
        wpayId: bill.id,
        wpaySubscriptionId: bill.subscriptionId,
        amountMinor: toMinor(bill.amount, bill.currency),
        currency: bill.currency,
        status: bill.status,
        createdTime: bill.createdTime ?? '',
      });
    }
    return subscriptions.find(stored.mchSubscriptionNo);
  }

  return {
    /**
     * Reads a payment from WPay and applies it to its order: the only way an order becomes paid.
     * A paid subscription payment also activates the subscription.
     */
    async payment(trxNo: string): Promise<Order | undefined> {
      const payment = await wpay.payments.retrieve({ trxNo });
      const order = orders.applyPayment(payment, payment.mchOrderNo ?? undefined);
      if (!order) {
        logger.warn('WPay reported a payment this shop has no order for', { trxNo });
        return undefined;
      }
      const refunded: unknown = refundedAmountField
        ? (payment as unknown as Record<string, unknown>)[refundedAmountField]
        : undefined;
      if (typeof refunded === 'number' && order.trxNo === payment.trxNo) {
        orders.raiseRefunded(order.mchOrderNo, toMinor(refunded, payment.currency));
      }
      logger.info('order updated from WPay', {
        mchOrderNo: order.mchOrderNo,
        status: order.status,
        wpayStatus: payment.status,
      });
      const mchSubscriptionNo = payment.mchSubscriptionNo ?? order.mchSubscriptionNo;
      if (payment.status === 'PAID' && mchSubscriptionNo) {
        const known = subscriptions.find(mchSubscriptionNo);
        const id = known?.wpayId ?? (await findSubscriptionId(mchSubscriptionNo));
        if (id !== undefined) await syncSubscription(id);
      }
      return order;
    },

    /** Reads a subscription (and its bills) from WPay and stores it; `id` as an event carries it. */
    async subscription(id: number | string): Promise<Subscription | undefined> {
      const numeric = Number(id);
      if (!Number.isSafeInteger(numeric) || numeric <= 0) {
        logger.warn('ignored a subscription event without a usable id', { id: String(id) });
        return undefined;
      }
      return syncSubscription(numeric);
    },
  };
}

/** The functions returned by {@link createFulfilment}. */
export type Fulfilment = ReturnType<typeof createFulfilment>;
