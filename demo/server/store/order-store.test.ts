import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { openDatabase } from './open-database.js';
import { createOrderStore, type OrderStore, type OrderTransition } from './order-store.js';

const MUG = { sku: 'mug', kind: 'one_time', amountMinor: 1250, currency: 'USD' } as const;

/** The `paid` transition of payment `trxNo`, seen by a webhook. */
const paid = (trxNo: string): OrderTransition => ({
  trxNo,
  status: 'paid',
  wpayStatus: 'PAID',
  source: 'webhook',
});

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
      orders.applyTransition(paid('TRX1'));
      const order = orders.create(MUG);
      assert.equal(orders.attachTrxNo(order.mchOrderNo, 'TRX1'), true);
      assert.equal(orders.findByTrxNo('TRX1')?.mchOrderNo, order.mchOrderNo);
      assert.equal(orders.find(earlier.mchOrderNo)?.trxNo, null);
      assert.equal(orders.find(earlier.mchOrderNo)?.status, 'paid');
    });
  });

  describe('when the fulfilment core reports a transition', () => {
    it('applies it to the order WPay names, not to an earlier order holding the same trxNo', () => {
      const earlier = orders.create(MUG);
      orders.attachTrxNo(earlier.mchOrderNo, 'TRX1');
      orders.applyTransition({ ...paid('TRX1'), status: 'cancelled', wpayStatus: 'CANCELLED' });
      const order = orders.create(MUG);
      orders.applyTransition({ ...paid('TRX1'), mchOrderNo: order.mchOrderNo });
      assert.equal(orders.find(order.mchOrderNo)?.status, 'paid');
      assert.equal(orders.find(earlier.mchOrderNo)?.status, 'cancelled');
      assert.equal(orders.find(earlier.mchOrderNo)?.trxNo, null);
    });

    it('marks the order paid, fulfils it and records which entry point saw it', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      const after = orders.applyTransition({ ...paid('TRX1'), source: 'reconcile' });
      assert.equal(after?.status, 'paid');
      assert.equal(after?.wpayStatus, 'PAID');
      assert.equal(after?.statusSource, 'reconcile');
      assert.ok(after?.paidAt);
      assert.equal(orders.fulfilments(order.mchOrderNo), 1);
    });

    it('does not fulfil an order that failed', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      orders.applyTransition({ ...paid('TRX1'), status: 'failed', wpayStatus: 'FAILED' });
      assert.equal(orders.fulfilments(order.mchOrderNo), 0);
      assert.equal(orders.find(order.mchOrderNo)?.paidAt, null);
    });

    it('raises the refunded total to WPay’s, never lowers it', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      const refund = (refundedMinor: number) =>
        orders.applyTransition({
          ...paid('TRX1'),
          status: 'partially_refunded',
          wpayStatus: 'PARTIAL_REFUNDED',
          refundedMinor,
        });
      assert.equal(refund(500)?.refundedMinor, 500);
      assert.equal(refund(200)?.refundedMinor, 500);
      assert.equal(orders.find(order.mchOrderNo)?.status, 'partially_refunded');
    });

    it('finds the order by its number when the trxNo was never attached', () => {
      const order = orders.create(MUG);
      const after = orders.applyTransition({ ...paid('TRX9'), mchOrderNo: order.mchOrderNo });
      assert.equal(after?.status, 'paid');
      assert.equal(orders.findByTrxNo('TRX9')?.mchOrderNo, order.mchOrderNo);
    });

    it('leaves the order alone for another payment with its number (a renewal)', () => {
      const order = orders.create(MUG);
      orders.attachTrxNo(order.mchOrderNo, 'TRX1');
      orders.applyTransition(paid('TRX1'));
      const after = orders.applyTransition({
        ...paid('TRX2'),
        mchOrderNo: order.mchOrderNo,
        status: 'refunded',
        wpayStatus: 'REFUNDED',
      });
      assert.equal(after?.status, 'paid');
      assert.equal(after?.trxNo, 'TRX1');
      assert.equal(orders.fulfilments(order.mchOrderNo), 1);
    });

    it('ignores a payment of an order the shop does not have', () => {
      assert.equal(orders.applyTransition(paid('TRX404')), undefined);
    });
  });

  describe('when an expired order is recovered', () => {
    it('links the new order to the old one, and lists only pending orders for the sweep', () => {
      const old = orders.create(MUG);
      orders.attachTrxNo(old.mchOrderNo, 'TRX1');
      orders.applyTransition({ ...paid('TRX1'), status: 'expired', wpayStatus: 'EXPIRED' });
      const recovered = orders.create({ ...MUG, recoveredFrom: old.mchOrderNo });
      assert.equal(recovered.recoveredFrom, old.mchOrderNo);
      assert.deepEqual(
        orders.recoveriesOf(old.mchOrderNo).map((o) => o.mchOrderNo),
        [recovered.mchOrderNo],
      );
      assert.deepEqual(
        orders.pending().map((o) => o.mchOrderNo),
        [recovered.mchOrderNo],
      );
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
