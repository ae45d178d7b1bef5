import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { openDatabase } from './open-database.js';
import { createOrderStore, type OrderStore } from './order-store.js';

const MUG = { sku: 'mug', kind: 'one_time', amountMinor: 1250, currency: 'USD' } as const;

describe('the order store', () => {
  let orders: OrderStore;
  beforeEach(() => {
    orders = createOrderStore(openDatabase(':memory:'));
  });

  describe('when an order is created', () => {
    it('starts pending, with an order number WPay accepts', () => {
      const order = orders.create(MUG);
      assert.equal(order.status, 'pending');
      assert.match(order.mchOrderNo, /^[A-Za-z0-9_-]{1,64}$/);
      assert.equal(order.amountMinor, 1250);
    });

    it('gives the same order to a second request with the same idempotency key', () => {
      const first = orders.create({ ...MUG, idempotencyKey: 'k1' });
      const second = orders.create({ ...MUG, idempotencyKey: 'k1' });
      assert.equal(second.mchOrderNo, first.mchOrderNo);
      assert.equal(orders.list().length, 1);
    });

    it('gives a new order to a request with another key', () => {
      orders.create({ ...MUG, idempotencyKey: 'k1' });
      orders.create({ ...MUG, idempotencyKey: 'k2' });
      assert.equal(orders.list().length, 2);
    });
  });

  describe('when WPay gives an order a trxNo', () => {
    it('refuses a second, different trxNo for the same order', () => {
      const order = orders.create(MUG);
      assert.equal(orders.attachTrxNo(order.mchOrderNo, 'TRX1'), true);
      assert.equal(orders.attachTrxNo(order.mchOrderNo, 'TRX2'), false);
      assert.equal(orders.find(order.mchOrderNo)?.trxNo, 'TRX1');
    });

    it('takes it from an earlier order that held it (a restarted sandbox numbers again)', () => {
      const earlier = orders.create(MUG);
      orders.attachTrxNo(earlier.mchOrderNo, 'TRX1');
      orders.applyPayment({ trxNo: 'TRX1', status: 'PAID' });
      const order = orders.create(MUG);
      assert.equal(orders.attachTrxNo(order.mchOrderNo, 'TRX1'), true);
      assert.equal(orders.findByTrxNo('TRX1')?.mchOrderNo, order.mchOrderNo);
      assert.equal(orders.find(earlier.mchOrderNo)?.trxNo, null);
      assert.equal(orders.find(earlier.mchOrderNo)?.status, 'paid');
    });
  });

  describe('when a payment detail is applied', () => {
    it('applies it to the order WPay names, not to an earlier order holding the same trxNo', () => {
      const earlier = orders.create(MUG);
      orders.attachTrxNo(earlier.mchOrderNo, 'TRX1');
      orders.applyPayment({ trxNo: 'TRX1', status: 'CANCELLED' });
      const order = orders.create(MUG);
      orders.applyPayment({ trxNo: 'TRX1', status: 'PAID' }, order.mchOrderNo);
      assert.equal(orders.find(order.mchOrderNo)?.status, 'paid');
      assert.equal(orders.find(earlier.mchOrderNo)?.status, 'cancelled');
      assert.equal(orders.find(earlier.mchOrderNo)?.trxNo, null);
    });

    it('marks the order paid', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      const paid = orders.applyPayment({ trxNo: 'TRX1', status: 'PAID' });
      assert.equal(paid?.status, 'paid');
      assert.equal(paid?.wpayStatus, 'PAID');
      assert.ok(paid?.paidAt);
    });

    it('fulfils the order once, however often it is reported paid or refunded', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      for (const status of ['PAID', 'PAID', 'PARTIAL_REFUNDED', 'PAID', 'REFUNDED']) {
        orders.applyPayment({ trxNo: 'TRX1', status });
      }
      assert.equal(orders.fulfilments(order.mchOrderNo), 1);
    });

    it('fulfils an order first seen refunded (its paid webhook was lost)', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      orders.applyPayment({ trxNo: 'TRX1', status: 'REFUNDED' });
      assert.equal(orders.fulfilments(order.mchOrderNo), 1);
      assert.ok(orders.find(order.mchOrderNo)?.paidAt);
    });

    it('does not fulfil an order that failed', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      orders.applyPayment({ trxNo: 'TRX1', status: 'FAILED' });
      assert.equal(orders.fulfilments(order.mchOrderNo), 0);
    });

    it('never moves a refunded order back to paid (a late, stale webhook)', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      orders.applyPayment({ trxNo: 'TRX1', status: 'REFUNDED' });
      assert.equal(orders.applyPayment({ trxNo: 'TRX1', status: 'PAID' })?.status, 'refunded');
    });

    it('never turns a failed order into a cancelled one', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      orders.applyPayment({ trxNo: 'TRX1', status: 'FAILED' });
      assert.equal(orders.applyPayment({ trxNo: 'TRX1', status: 'CANCELLED' })?.status, 'failed');
    });

    it('keeps the status but records a payment status it does not know', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      const after = orders.applyPayment({ trxNo: 'TRX1', status: 'ON_HOLD' });
      assert.equal(after?.status, 'pending');
      assert.equal(after?.wpayStatus, 'ON_HOLD');
    });

    it('finds the order by its number when the trxNo was never attached', () => {
      const order = orders.create(MUG);
      const paid = orders.applyPayment({ trxNo: 'TRX9', status: 'PAID' }, order.mchOrderNo);
      assert.equal(paid?.status, 'paid');
      assert.equal(orders.findByTrxNo('TRX9')?.mchOrderNo, order.mchOrderNo);
    });

    it('leaves the order alone for another payment with its number (a renewal)', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      orders.applyPayment({ trxNo: 'TRX1', status: 'PAID' });
      const after = orders.applyPayment({ trxNo: 'TRX2', status: 'REFUNDED' }, order.mchOrderNo);
      assert.equal(after?.status, 'paid');
      assert.equal(after?.trxNo, 'TRX1');
    });

    it('ignores a payment of an order the shop does not have', () => {
      assert.equal(orders.applyPayment({ trxNo: 'TRX404', status: 'PAID' }), undefined);
    });
  });

  describe('when a trxNo is attached', () => {
    it('refuses a second, different trxNo for the same order', () => {
      const order = orders.create(MUG);
      assert.equal(orders.attachTrxNo(order.mchOrderNo, 'TRX1'), true);
      assert.equal(orders.attachTrxNo(order.mchOrderNo, 'TRX1'), true);
      assert.equal(orders.attachTrxNo(order.mchOrderNo, 'TRX2'), false);
      assert.equal(orders.find(order.mchOrderNo)?.trxNo, 'TRX1');
    });
  });
});
