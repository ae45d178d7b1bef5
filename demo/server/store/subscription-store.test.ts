import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { openDatabase } from './open-database.js';
import { createSubscriptionStore, type SubscriptionStore } from './subscription-store.js';

const COFFEE = {
  mchSubscriptionNo: 'sub_1',
  sku: 'coffee-club',
  amountMinor: 1800,
  currency: 'USD',
  interval: { unit: 'month', count: 1 },
} as const;

describe('the subscription store', () => {
  let subs: SubscriptionStore;
  beforeEach(() => {
    subs = createSubscriptionStore(openDatabase(':memory:'));
    subs.create(COFFEE);
  });

  it('starts a subscription pending', () => {
    assert.equal(subs.find('sub_1')?.status, 'pending');
  });

  it('activates it and learns its WPay id', () => {
    subs.applyWpay({ id: 7, mchSubscriptionNo: 'sub_1', status: 'ACTIVE' });
    assert.equal(subs.findByWpayId(7)?.status, 'active');
  });

  it('finds it by WPay id when the event names no mchSubscriptionNo', () => {
    subs.applyWpay({ id: 7, mchSubscriptionNo: 'sub_1', status: 'ACTIVE' });
    assert.equal(subs.applyWpay({ id: 7, status: 'CANCELLED' })?.status, 'cancelled');
  });

  it('never revives a cancelled subscription (a late webhook)', () => {
    subs.applyWpay({ id: 7, mchSubscriptionNo: 'sub_1', status: 'CANCELLED' });
    assert.equal(subs.applyWpay({ id: 7, status: 'ACTIVE' })?.status, 'cancelled');
  });

  describe('when a restarted sandbox gives a WPay id to another subscription', () => {
    beforeEach(() => {
      subs.applyWpay({ id: 501, mchSubscriptionNo: 'sub_1', status: 'CANCELLED' });
      subs.create({ ...COFFEE, mchSubscriptionNo: 'sub_2' });
    });

    it('gives the id to the subscription WPay names, and activates it', () => {
      const now = subs.applyWpay({ id: 501, mchSubscriptionNo: 'sub_2', status: 'ACTIVE' });
      assert.equal(now?.status, 'active');
      assert.equal(subs.findByWpayId(501)?.mchSubscriptionNo, 'sub_2');
    });

    it('leaves the earlier subscription as it was, without the id', () => {
      subs.applyWpay({ id: 501, mchSubscriptionNo: 'sub_2', status: 'ACTIVE' });
      const earlier = subs.find('sub_1');
      assert.equal(earlier?.status, 'cancelled');
      assert.equal(earlier?.wpayId, null);
    });
  });

  it('replaces a bill whose id WPay now gives to another subscription', () => {
    const bill = {
      wpayId: 9001,
      wpaySubscriptionId: 501,
      amountMinor: 1800,
      currency: 'USD',
      status: 'PAID',
      createdTime: '2026-01-01 00:00:00',
    };
    subs.recordBill(bill);
    subs.recordBill({ ...bill, wpaySubscriptionId: 502, createdTime: '2026-03-01 00:00:00' });
    assert.deepEqual(subs.bills(501), []);
    assert.equal(subs.bills(502)[0]?.createdTime, '2026-03-01 00:00:00');
  });

  it('records a bill once, and updates its status', () => {
    const bill = {
      wpayId: 1,
      wpaySubscriptionId: 7,
      amountMinor: 1800,
      currency: 'USD',
      status: 'FAILED',
      createdTime: '2026-01-01 00:00:00',
    };
    subs.recordBill(bill);
    subs.recordBill({ ...bill, status: 'PAID' });
    assert.deepEqual(
      subs.bills(7).map((b) => b.status),
      ['PAID'],
    );
  });
});
