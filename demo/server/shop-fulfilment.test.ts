import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Demo, startDemo } from './start-demo.js';

// The shop's side effects behind the server helper's fulfilment core, with every webhook dropped:
// only the sweep (and the admin) tell the shop what happened.
describe('when the shop fulfils without webhooks', { timeout: 120_000 }, () => {
  let demo: Demo;
  let origin: string;
  before(async () => {
    demo = await startDemo({
      port: 0,
      dbPath: ':memory:',
      build: false,
      reconcileEveryMs: 0,
      sandbox: { timeScale: 1000, faults: [{ kind: 'webhook-drop' }] },
    });
    origin = demo.loopbackUrl.slice(0, -1);
  });
  after(() => demo?.close());

  async function checkout(sku: string): Promise<string> {
    const response = await fetch(`${origin}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ sku }),
    });
    return ((await response.json()) as { trxNo: string }).trxNo;
  }

  it('activates a subscription, then records each renewal the sweep finds, once', async () => {
    const { orders, subscriptions } = demo.stores;
    const trxNo = await checkout('coffee-club');
    await demo.sandbox!.pay(trxNo);
    const report = await demo.reconcile({ olderThanMs: 0 });
    assert.equal(report.transitions.paid, 1);
    const order = orders.findByTrxNo(trxNo)!;
    assert.equal(order.status, 'paid');
    assert.equal(order.statusSource, 'reconcile');
    const sub = subscriptions.find(order.mchSubscriptionNo!)!;
    assert.equal(sub.status, 'active');
    assert.equal(subscriptions.bills(sub.wpayId!).length, 1);

    await demo.sandbox!.clock.advanceBy({ months: 1 });
    await demo.sandbox!.idle();
    const renewed = await demo.reconcile({ olderThanMs: 0 });
    assert.equal(renewed.transitions.subscriptionRenewed, 1);
    assert.equal(subscriptions.bills(sub.wpayId!).length, 2);
    const again = await demo.reconcile({ olderThanMs: 0 });
    assert.equal(again.transitions.subscriptionRenewed, undefined);
    assert.equal(orders.fulfilments(order.mchOrderNo), 1);
  });

  it('marks a declined checkout failed, never fulfilled', async () => {
    const { orders } = demo.stores;
    const declined = await checkout('mug');
    await demo.sandbox!.pay(declined, { card: 'declined' }).catch(() => undefined);
    await demo.sandbox!.waitForPayment(declined, 'FAILED');
    const report = await demo.reconcile({ olderThanMs: 0 });
    assert.equal(report.errors.length, 0);
    assert.equal(orders.findByTrxNo(declined)?.status, 'failed');
    assert.equal(orders.findByTrxNo(declined)?.paidAt, null);
  });

  it('leaves orders younger than the sweep’s window to their webhook', async () => {
    const trxNo = await checkout('stickers');
    await demo.sandbox!.pay(trxNo);
    const report = await demo.reconcile();
    assert.ok(report.tooRecent >= 1);
    assert.equal(demo.stores.orders.findByTrxNo(trxNo)?.status, 'pending');
  });
});
