import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createFulfilment } from './fulfilment.js';
import { silentLogger } from './logger.js';
import type { ShopPayment, ShopSubscription, ShopWPay } from './shop-wpay.js';
import { openDatabase } from './store/open-database.js';
import { createOrderStore, type OrderStore } from './store/order-store.js';
import { createSubscriptionStore, type SubscriptionStore } from './store/subscription-store.js';

/** A WPay double holding one payment and one subscription; tests change them. */
function fakeWPay() {
  const state = {
    payment: {
      trxNo: 'TRX1',
      status: 'PAID',
      mchOrderNo: 'x',
      amount: 12.5,
      currency: 'USD',
    } as ShopPayment,
    subscription: { id: 7, mchSubscriptionNo: 'sub_1', status: 'ACTIVE' } as ShopSubscription,
    retrieved: 0,
  };
  const wpay: ShopWPay = {
    payments: {
      retrieve: async ({ trxNo }) => {
        state.retrieved += 1;
        if (trxNo !== state.payment.trxNo) throw new Error('404');
        return state.payment;
      },
      list: async () => ({ records: [state.payment] }),
    },
    refunds: {
      createSafely: async () => {
        throw new Error('fulfilment never refunds');
      },
    },
    subscriptions: {
      list: async () => ({ records: [state.subscription], total: 1 }),
      retrieve: async () => state.subscription,
      cancel: async () => state.subscription,
      bills: async () => ({
        records: [
          {
            id: 1,
            subscriptionId: 7,
            amount: 18,
            currency: 'USD',
            status: 'PAID',
            createdTime: 't',
          },
        ],
      }),
    },
  };
  return { wpay, state };
}

describe('fulfilment', () => {
  let orders: OrderStore;
  let subscriptions: SubscriptionStore;
  beforeEach(() => {
    const db = openDatabase(':memory:');
    orders = createOrderStore(db);
    subscriptions = createSubscriptionStore(db);
  });

  /** A pending mug order whose session is WPay's payment TRX1. */
  function pendingMugOrder() {
    const order = orders.create({
      sku: 'mug',
      kind: 'one_time',
      amountMinor: 1250,
      currency: 'USD',
    });
    orders.attachTrxNo(order.mchOrderNo, 'TRX1');
    return order;
  }

  it('marks an order paid when WPay’s payment detail says PAID', async () => {
    const { wpay, state } = fakeWPay();
    const order = pendingMugOrder();
    state.payment = { ...state.payment, mchOrderNo: order.mchOrderNo };
    const fulfil = createFulfilment({ wpay, orders, subscriptions, logger: silentLogger });
    assert.equal((await fulfil.payment('TRX1'))?.status, 'paid');
    assert.equal(state.retrieved, 1);
  });

  it('raises the books’ refunded total to WPay’s (a refund made elsewhere), never lowers it', async () => {
    const { wpay, state } = fakeWPay();
    const order = pendingMugOrder();
    const read = (status: string, refundedAmount: number) => {
      state.payment = {
        ...state.payment,
        mchOrderNo: order.mchOrderNo,
        status,
        refundedAmount,
      } as ShopPayment;
    };
    const fulfil = createFulfilment({
      wpay,
      orders,
      subscriptions,
      logger: silentLogger,
      refundedAmountField: 'refundedAmount',
    });
    read('PARTIAL_REFUNDED', 5);
    await fulfil.payment('TRX1');
    assert.equal(orders.find(order.mchOrderNo)?.refundedMinor, 500);
    read('PARTIAL_REFUNDED', 2);
    await fulfil.payment('TRX1');
    assert.equal(orders.find(order.mchOrderNo)?.refundedMinor, 500);
  });

  it('keeps the order pending when the detail still says PAYING, whatever the webhook claimed', async () => {
    const { wpay, state } = fakeWPay();
    const order = pendingMugOrder();
    state.payment = { ...state.payment, mchOrderNo: order.mchOrderNo, status: 'PAYING' };
    const fulfil = createFulfilment({ wpay, orders, subscriptions, logger: silentLogger });
    assert.equal((await fulfil.payment('TRX1'))?.status, 'pending');
  });

  it('activates a subscription, learning its WPay id and bills, when its first payment is paid', async () => {
    const { wpay, state } = fakeWPay();
    const order = orders.create({
      sku: 'coffee-club',
      kind: 'subscription',
      amountMinor: 1800,
      currency: 'USD',
      mchSubscriptionNo: 'sub_1',
    });
    subscriptions.create({
      mchSubscriptionNo: 'sub_1',
      sku: 'coffee-club',
      amountMinor: 1800,
      currency: 'USD',
      interval: { unit: 'month', count: 1 },
    });
    orders.attachTrxNo(order.mchOrderNo, 'TRX1');
    state.payment = {
      ...state.payment,
      mchOrderNo: order.mchOrderNo,
      mchSubscriptionNo: 'sub_1',
      amount: 18,
    };
    const fulfil = createFulfilment({ wpay, orders, subscriptions, logger: silentLogger });
    await fulfil.payment('TRX1');
    const sub = subscriptions.find('sub_1');
    assert.equal(sub?.status, 'active');
    assert.equal(sub?.wpayId, 7);
    assert.equal(subscriptions.bills(7).length, 1);
  });

  it('ignores a payment the shop has no order for (and does not throw, so WPay stops retrying)', async () => {
    const { wpay } = fakeWPay();
    const fulfil = createFulfilment({ wpay, orders, subscriptions, logger: silentLogger });
    assert.equal(await fulfil.payment('TRX1'), undefined);
  });

  it('ignores a subscription event whose id is not a number', async () => {
    const { wpay } = fakeWPay();
    const fulfil = createFulfilment({ wpay, orders, subscriptions, logger: silentLogger });
    assert.equal(await fulfil.subscription('sub-abc'), undefined);
  });
});
