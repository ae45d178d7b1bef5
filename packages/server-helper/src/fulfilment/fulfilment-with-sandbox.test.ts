// The fulfilment core against the sandbox: webhooks lost, duplicated and reordered, refunds, the
// sweep, subscriptions on the sandbox clock.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import { closeAll, mapConcurrent, recordingShop, serve } from '../test/fulfilment-shop.js';
import { WPay } from '../wpay.js';
import type { Fulfilment } from './create-fulfilment.js';
import type { PendingItem } from './reconcile.js';

const SHOP = 'https://shop.example';
const servers: Server[] = [];
const sandboxes: Sandbox[] = [];
let seq = 0;

after(async () => {
  await Promise.all(sandboxes.map((sb) => sb.close()));
  await closeAll(servers);
});

async function sandbox(
  options: Parameters<typeof startSandbox>[0] = {},
): Promise<{ sb: Sandbox; wpay: WPay }> {
  const sb = await startSandbox({ port: 0, timeScale: 1000, seed: 11, ...options });
  sandboxes.push(sb);
  return { sb, wpay: new WPay({ ...sb.credentials, baseUrl: sb.url }) };
}

/** The shop's webhook endpoint, handing every event to the fulfilment core. */
async function webhookEndpoint(sb: Sandbox, wpay: WPay, fulfilment: Fulfilment): Promise<void> {
  const url = await serve(wpay.webhookHandler({ fulfilment }), servers);
  sb.setWebhookUrl(`${url}/webhooks/wpay`);
}

async function checkout(wpay: WPay, amount = '20.00') {
  const mchOrderNo = `order_${process.pid}_${++seq}`;
  const session = await wpay.checkout.create({
    mchOrderNo,
    amount,
    currency: 'USD',
    payMode: 'ONETIME',
    successUrl: `${SHOP}/thanks`,
    cancelUrl: `${SHOP}/cart`,
  });
  return { mchOrderNo, trxNo: session.trxNo };
}

describe('when every webhook is dropped', () => {
  it('fulfils 200 paid checkouts with one sweep, each paid side effect once', async () => {
    const { sb, wpay } = await sandbox({ faults: [{ kind: 'webhook-drop', path: '*' }] });
    const shop = recordingShop();
    const fulfilment = wpay.fulfilment({ on: shop.on });
    await webhookEndpoint(sb, wpay, fulfilment);
    const orders = await mapConcurrent(Array.from({ length: 200 }), 8, () => checkout(wpay));
    await mapConcurrent(orders, 8, (order) => sb.pay(order.trxNo));
    await sb.idle();
    assert.ok(sb.deliveries().every((d) => d.state === 'dropped'));
    assert.equal(shop.effects.length, 0);

    const createdAt = Date.now() - 60 * 60_000;
    // Half known by trxNo, half only by mchOrderNo (found by one bounded scan of the list).
    const pending = orders.map((o, i) =>
      i % 2 ? { trxNo: o.trxNo, createdAt } : { mchOrderNo: o.mchOrderNo, createdAt },
    );
    const report = await fulfilment.reconcile({
      pending: () => pending,
      scan: { maxPages: 3, pageSize: 100 },
    });

    assert.equal(report.transitions.paid, 200);
    assert.equal(report.reconciled, 200);
    assert.deepEqual(report.errors, []);
    const paid = shop.ofType('paid');
    assert.equal(paid.length, 200);
    assert.equal(new Set(paid.map((t) => t.key)).size, 200);
    assert.ok(paid.every((t) => t.source === 'reconcile'));
    assert.deepEqual(
      new Set(paid.map((t) => ('mchOrderNo' in t ? t.mchOrderNo : undefined))),
      new Set(orders.map((o) => o.mchOrderNo)),
    );

    const again = await fulfilment.reconcile({
      pending: () => pending,
      scan: { maxPages: 3, pageSize: 100 },
    });
    assert.equal(again.unchanged, 200);
    assert.equal(shop.effects.length, 200);
  });

  it('leaves young orders to their webhook and stops sweeping old ones', async () => {
    const { wpay } = await sandbox();
    const fulfilment = wpay.fulfilment();
    const now = Date.now();
    const report = await fulfilment.reconcile({
      pending: async function* () {
        yield { trxNo: 'TRX1', createdAt: new Date(now - 1000) };
        yield { trxNo: 'TRX2', createdAt: now - 30 * 24 * 3600_000 };
        yield { mchOrderNo: 'order_nobody_knows', createdAt: now - 3600_000 };
      },
      olderThanMs: 60_000,
      maxAgeMs: 7 * 24 * 3600_000,
      now: () => now,
    });
    assert.equal(report.tooRecent, 1);
    assert.equal(report.tooOld, 1);
    assert.equal(report.notFound, 1);
    assert.equal(report.checked, 0);
  });
});

describe('when webhooks are duplicated and reordered around a partial and a full refund', () => {
  it('ends REFUNDED, never back to paid, each side effect once', async () => {
    const { sb, wpay } = await sandbox({
      seed: 5,
      faults: [
        { kind: 'webhook-duplicate', path: '*' },
        { kind: 'webhook-reorder', path: '*', probability: 0.5 },
      ],
    });
    const shop = recordingShop();
    const fulfilment = wpay.fulfilment({ on: shop.on });
    await webhookEndpoint(sb, wpay, fulfilment);
    const orders = await mapConcurrent(Array.from({ length: 10 }), 5, () => checkout(wpay));
    await mapConcurrent(orders, 5, (o) => sb.pay(o.trxNo));
    await mapConcurrent(orders, 5, (o) =>
      wpay.refunds.create({ trxNo: o.trxNo, amount: '5.00', currency: 'USD' }),
    );
    await sb.idle();
    await mapConcurrent(orders, 5, (o) =>
      wpay.refunds.create({ trxNo: o.trxNo, amount: '15.00', currency: 'USD' }),
    );
    await sb.idle();

    for (const order of orders) {
      assert.equal(sb.state.payment(order.trxNo)?.status, 'REFUNDED');
      const mine = shop.effects.filter(
        (t) => t.type !== 'subscriptionRenewed' && 'trxNo' in t && t.trxNo === order.trxNo,
      );
      assert.deepEqual(
        mine.map((t) => t.key),
        [`${order.trxNo}:paid`, `${order.trxNo}:partiallyRefunded:5.00`, `${order.trxNo}:refunded`],
      );
    }
    assert.ok([...shop.counts().values()].every((n) => n === 1));
    assert.ok(sb.deliveries().some((d) => d.faults.includes('webhook-reorder')));
  });
});

describe('when a subscription renews with webhooks off', () => {
  it('detects three renewals over three months with the sweep', async () => {
    const { sb, wpay } = await sandbox();
    const shop = recordingShop();
    const fulfilment = wpay.fulfilment({ on: shop.on });
    const mchSubscriptionNo = `sub_${process.pid}_${++seq}`;
    const session = await wpay.checkout.create({
      mchOrderNo: `order_${process.pid}_${++seq}`,
      amount: '9.00',
      currency: 'USD',
      payMode: 'SUBSCRIPTION',
      mchSubscriptionNo,
      intervalUnit: 'month',
      intervalCount: 1,
      successUrl: `${SHOP}/thanks`,
      cancelUrl: `${SHOP}/cart`,
    });
    await sb.pay(session.trxNo);
    const subscriptionId = Number(
      sb.state.subscriptions.find((s) => s.mchSubscriptionNo === mchSubscriptionNo)?.id,
    );
    assert.ok(subscriptionId > 0);
    const pending = (): PendingItem[] => [{ trxNo: session.trxNo }, { subscriptionId }];

    await fulfilment.reconcile({ pending });
    assert.deepEqual(
      shop.effects.map((t) => t.type),
      ['paid'],
    );
    for (let month = 0; month < 3; month++) await sb.clock.advanceBy({ months: 1 });
    const report = await fulfilment.reconcile({ pending });

    assert.equal(report.transitions.subscriptionRenewed, 3);
    assert.equal(shop.ofType('subscriptionRenewed').length, 3);
    assert.ok(shop.ofType('subscriptionRenewed').every((t) => t.source === 'reconcile'));
    assert.equal((await fulfilment.reconcile({ pending })).unchanged, 2);
    assert.ok(sb.deliveries().every((d) => d.state === 'no_url'));
  });
});

describe('when the buyer returns before any webhook', () => {
  it('fulfils the order once through the status endpoint; the late webhook runs nothing again', async () => {
    const { sb, wpay } = await sandbox(); // no webhook URL yet: events wait as `no_url`
    const shop = recordingShop();
    const fulfilment = wpay.fulfilment({ on: shop.on });
    const status = wpay.statusHandler({ fulfilment });
    const order = await checkout(wpay);
    const { returnUrl } = await sb.pay(order.trxNo);
    const back = new URL(returnUrl).searchParams;
    const poll = `${SHOP}/api/wpay/status?trxNo=${back.get('trxNo')}&mchOrderNo=${back.get('mchOrderNo')}`;
    for (let i = 0; i < 3; i++) {
      const answer = await status(new Request(poll));
      assert.equal(answer.status, 200);
      assert.equal((await answer.json()).outcome, 'succeeded');
    }
    assert.deepEqual(
      shop.effects.map((t) => [t.type, t.source]),
      [['paid', 'return']],
    );

    await webhookEndpoint(sb, wpay, fulfilment);
    const paid = sb
      .events()
      .find((e) => e.eventType === 'credit_card.order.paid' && e.body.includes(order.trxNo));
    assert.ok(paid);
    sb.redeliver(paid.eventId);
    await sb.idle();
    assert.equal(sb.deliveries().find((d) => d.redelivery)?.state, 'delivered');
    assert.equal(shop.effects.length, 1);
  });
});
