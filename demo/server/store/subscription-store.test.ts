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
