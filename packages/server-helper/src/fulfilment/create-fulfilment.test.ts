import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Payment } from '../schemas/payments.js';
import type { Bill, Subscription } from '../schemas/subscriptions.js';
import type { ClaimOptions } from '../stores/claim-store.js';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';
import { createFulfilment, type FulfilmentClient } from './create-fulfilment.js';
import type { FulfilmentHandlers, Transition } from './transition.js';

/** A WPay double holding one payment and one subscription whose state the test moves. */
function wpayDouble() {
  const state = {
    payment: {
      id: 1,
      trxNo: 'TRX1',
      mchOrderNo: 'order_1',
      status: 'PAYING',
      amount: 20,
      currency: 'USD',
    } as Payment,
    subscription: { id: 7, status: 'ACTIVE', amount: 9, currency: 'USD' } as Subscription,
    bills: [] as Bill[],
    reads: 0,
  };
  const client: FulfilmentClient = {
    payments: {
      retrieve: async () => {
        state.reads++;
        return { ...state.payment };
      },
      list: async () => ({ records: [{ ...state.payment }], total: 1, pageSize: 50, pageNo: 1 }),
    },
    subscriptions: {
      retrieve: async () => ({ ...state.subscription }),
      bills: async () => ({
        records: state.bills,
        total: state.bills.length,
        pageSize: 100,
        pageNo: 1,
      }),
    },
  };
  return { state, client };
}

function recorder() {
  const ran: Transition[] = [];
  const push = (t: Transition) => {
    ran.push(t);
  };
  const on: FulfilmentHandlers = {
    paid: push,
    failed: push,
    cancelled: push,
    expired: push,
    partiallyRefunded: push,
    refunded: push,
    subscriptionRenewed: push,
    subscriptionRenewalFailed: push,
    subscriptionEnded: push,
  };
  return { ran, on, types: () => ran.map((t) => t.type) };
}

const bill = (id: number, status: string): Bill => ({
  id,
  subscriptionId: 7,
  amount: 9,
  currency: 'USD',
  status,
});

describe('the fulfilment core', () => {
  it('runs nothing while the payment is open, then paid once however often it is told', async () => {
    const { state, client } = wpayDouble();
    const shop = recorder();
    const fulfilment = createFulfilment(client, { on: shop.on });
    assert.deepEqual((await fulfilment.payment('TRX1')).ran, []);
    state.payment.status = 'PAID';
    const first = await fulfilment.payment('TRX1', { source: 'return' });
    await fulfilment.payment('TRX1', { source: 'webhook' });
    assert.deepEqual(shop.types(), ['paid']);
    assert.equal(first.ran[0]?.source, 'return');
    assert.deepEqual((await fulfilment.payment('TRX1')).alreadyDone, ['TRX1:paid']);
  });

  it('runs one side effect when many entry points arrive at once', async () => {
    const { state, client } = wpayDouble();
    state.payment.status = 'PAID';
    const shop = recorder();
    const fulfilment = createFulfilment(client, { on: shop.on, pollIntervalMs: 1 });
    await Promise.all(Array.from({ length: 20 }, () => fulfilment.payment('TRX1')));
    assert.deepEqual(shop.types(), ['paid']);
  });

  it('runs paid before refunded when the first thing it sees is REFUNDED, and never paid again', async () => {
    const { state, client } = wpayDouble();
    state.payment.status = 'REFUNDED';
    const shop = recorder();
    const fulfilment = createFulfilment(client, { on: shop.on });
    await fulfilment.payment('TRX1');
    state.payment.status = 'PAID'; // a stale read
    await fulfilment.payment('TRX1');
    assert.deepEqual(shop.types(), ['paid', 'refunded']);
  });

  it('runs a partial refund once per refunded amount, and none after the full refund', async () => {
    const { state, client } = wpayDouble();
    const shop = recorder();
    const fulfilment = createFulfilment(client, { on: shop.on });
    state.payment = { ...state.payment, status: 'PARTIAL_REFUNDED', refundedAmount: 5 };
    await fulfilment.payment('TRX1');
    await fulfilment.payment('TRX1');
    state.payment = { ...state.payment, refundedAmount: 8 };
    await fulfilment.payment('TRX1');
    state.payment = { ...state.payment, status: 'REFUNDED', refundedAmount: 20 };
    await fulfilment.payment('TRX1');
    state.payment = { ...state.payment, status: 'PARTIAL_REFUNDED', refundedAmount: 12 }; // stale
    await fulfilment.payment('TRX1');
    assert.deepEqual(
      shop.ran.map((t) => t.key),
      ['TRX1:paid', 'TRX1:partiallyRefunded:5.00', 'TRX1:partiallyRefunded:8.00', 'TRX1:refunded'],
    );
  });

  it('ends an unpaid payment once, and never after it was paid', async () => {
    const { state, client } = wpayDouble();
    const shop = recorder();
    const fulfilment = createFulfilment(client, { on: shop.on });
    state.payment.status = 'PAID';
    await fulfilment.payment('TRX1');
    state.payment.status = 'EXPIRED'; // stale or wrong: a paid payment does not expire
    await fulfilment.payment('TRX1');
    assert.deepEqual(shop.types(), ['paid']);

    const other = wpayDouble();
    const shop2 = recorder();
    const f2 = createFulfilment(other.client, { on: shop2.on });
    other.state.payment.status = 'FAILED';
    await f2.payment('TRX1');
    other.state.payment.status = 'CANCELLED';
    await f2.payment('TRX1');
    assert.deepEqual(shop2.types(), ['failed']);
  });

  it('releases the claim when the side effect throws, so the next entry point runs it', async () => {
    const { state, client } = wpayDouble();
    state.payment.status = 'PAID';
    let calls = 0;
    const fulfilment = createFulfilment(client, {
      on: {
        paid: () => {
          calls++;
          if (calls === 1) throw new Error('warehouse down');
        },
      },
    });
    await assert.rejects(fulfilment.payment('TRX1', { source: 'webhook' }), /warehouse down/);
    const retried = await fulfilment.payment('TRX1', { source: 'reconcile' });
    assert.equal(calls, 2);
    assert.equal(retried.ran[0]?.source, 'reconcile');
    await fulfilment.payment('TRX1');
    assert.equal(calls, 2);
  });

  it('retries recording done when the store fails after the side effect ran, and logs it', async () => {
    const { state, client } = wpayDouble();
    state.payment.status = 'PAID';
    const inner = new MemoryClaimStore();
    let failures = 2;
    const store = {
      claim: async (key: string, options: ClaimOptions) => {
        const claim = await inner.claim(key, options);
        if (claim.state !== 'claimed') return claim;
        return {
          ...claim,
          complete: async () => {
            if (key.endsWith(':paid') && failures-- > 0) throw new Error('store down');
            return claim.complete();
          },
        };
      },
    };
    const shop = recorder();
    const fulfilment = createFulfilment(client, { on: shop.on, store });
    await fulfilment.payment('TRX1');
    await fulfilment.payment('TRX1');
    assert.deepEqual(shop.types(), ['paid']);
    assert.equal(failures, -1);

    const logged: string[] = [];
    failures = 100;
    const other = wpayDouble();
    other.state.payment = { ...other.state.payment, trxNo: 'TRX2', status: 'PAID' };
    const f2 = createFulfilment(other.client, {
      store,
      completeAttempts: 2,
      logger: { warn: () => {}, error: (message) => logged.push(message) },
    });
    await f2.payment('TRX2');
    assert.equal(logged.length, 1);
    assert.match(logged[0] ?? '', /could not record/);
  });

  it('answers busy, doing nothing, when another entry point holds the payment too long', async () => {
    const { state, client } = wpayDouble();
    state.payment.status = 'PAID';
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fulfilment = createFulfilment(client, {
      on: { paid: () => slow },
      waitMs: 20,
      pollIntervalMs: 5,
    });
    const first = fulfilment.payment('TRX1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await fulfilment.payment('TRX1');
    assert.equal(second.busy, true);
    release();
    assert.equal((await first).ran.length, 1);
  });

  it('detects renewals and failed renewals from bills (not the first one), and the end once', async () => {
    const { state, client } = wpayDouble();
    const shop = recorder();
    const fulfilment = createFulfilment(client, { on: shop.on });
    state.bills = [bill(1, 'PAID')];
    assert.deepEqual((await fulfilment.subscription(7)).ran, []);
    state.bills = [bill(3, 'FAILED'), bill(1, 'PAID'), bill(2, 'PAID')];
    await fulfilment.subscription(7);
    await fulfilment.subscription(7);
    state.subscription = { ...state.subscription, status: 'EXPIRED' };
    await fulfilment.subscription(7);
    state.subscription = { ...state.subscription, status: 'CANCELLED' };
    const last = await fulfilment.subscription(7);
    assert.deepEqual(shop.types(), [
      'subscriptionRenewed',
      'subscriptionRenewalFailed',
      'subscriptionEnded',
    ]);
    assert.equal(last.final, true);
  });
});
