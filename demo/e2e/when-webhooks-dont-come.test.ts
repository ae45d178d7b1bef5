import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually, type Stack, startStack } from './harness.js';
import { buy, CARDS, orderNoOf, payWith, returnOutcome } from './shop.js';

/** The sandbox's hosted sessions expire after 30 minutes of its clock (`sessionTtlSeconds`). */
const PAST_SESSION_TTL_MS = 31 * 60 * 1000;

// Every webhook the sandbox sends is dropped (`webhook-drop`): the shop learns of payments only
// through the return page, the reconciliation sweep ("Reconcile now") and recovery links.
describe('when WPay’s webhooks never come', { timeout: 180_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ faults: [{ kind: 'webhook-drop' }] });
  });
  after(() => stack?.close());

  /** A checkout as the storefront's button asks for it; the order's trxNo. */
  async function checkout(sku: string): Promise<string> {
    const origin = stack.demo.loopbackUrl.slice(0, -1);
    const response = await fetch(`${origin}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ sku }),
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { trxNo: string }).trxNo;
  }

  /** The event the sandbox made (and dropped) for a payment. */
  function eventOf(trxNo: string, eventType: string) {
    return eventually(`the sandbox made its ${eventType} event`, () =>
      stack.demo.sandbox
        ?.events()
        .find(
          (e) =>
            e.eventType === eventType &&
            (JSON.parse(e.body) as { data: { trxNo?: string } }).data.trxNo === trxNo,
        ),
    );
  }

  async function openAdmin(page: Page): Promise<void> {
    await page.goto(`${stack.demo.loopbackUrl}admin`);
    await page.waitForFunction(() => document.body.dataset.loaded !== undefined);
  }

  async function reconcileNow(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Reconcile now' }).click();
    await page
      .getByRole('status')
      .getByText(/^Reconciled: /)
      .waitFor();
  }

  it('makes a paid order paid with "Reconcile now", marked reconciled, fulfilled once', async () => {
    const { demo } = stack;
    const trxNo = await checkout('mug');
    await demo.sandbox!.pay(trxNo);
    await eventOf(trxNo, 'credit_card.order.paid');
    const order = demo.stores.orders.findByTrxNo(trxNo)!;
    assert.equal(order.status, 'pending');

    const page = await stack.newPage();
    await openAdmin(page);
    await reconcileNow(page);
    const row = page.locator(`tr[data-order="${order.mchOrderNo}"]`);
    await row.locator('[data-status="paid"]').waitFor();
    await row.locator('[data-via="reconciled"]').waitFor();
    assert.equal(demo.stores.orders.fulfilments(order.mchOrderNo), 1);

    // Again, and then the lost webhook after all: nothing runs twice.
    await reconcileNow(page);
    const paid = await eventOf(trxNo, 'credit_card.order.paid');
    demo.sandbox!.redeliver(paid.eventId);
    await eventually('the late webhook was answered', () =>
      demo.stores.webhookLog
        .recent()
        .some((d) => d.eventId === paid.eventId && d.httpStatus === 200),
    );
    assert.equal(demo.stores.orders.fulfilments(order.mchOrderNo), 1);
    assert.equal(demo.stores.orders.find(order.mchOrderNo)?.statusSource, 'reconcile');
  });

  it('confirms an order on the return page, and the late webhook runs nothing again', async () => {
    const { demo } = stack;
    const page = await stack.newPage();
    await page.goto(demo.loopbackUrl);
    await buy(page, 'Buy now (Sandbox Mug)', demo.sandbox!.url);
    await payWith(page, CARDS.pays);
    await page.waitForURL(/\/success\?/);
    assert.equal(await returnOutcome(page), 'succeeded');
    const mchOrderNo = orderNoOf(page);
    const order = await eventually(
      'the return page confirmed the order',
      () =>
        demo.stores.orders.find(mchOrderNo)?.status === 'paid' &&
        demo.stores.orders.find(mchOrderNo),
    );
    assert.equal(order.statusSource, 'return');
    assert.equal(demo.stores.orders.fulfilments(mchOrderNo), 1);

    const paid = await eventOf(order.trxNo!, 'credit_card.order.paid');
    demo.sandbox!.redeliver(paid.eventId);
    await eventually('the late webhook was answered', () =>
      demo.stores.webhookLog
        .recent()
        .some((d) => d.eventId === paid.eventId && d.httpStatus === 200),
    );
    assert.equal(demo.stores.orders.fulfilments(mchOrderNo), 1);
    assert.equal(demo.stores.orders.find(mchOrderNo)?.statusSource, 'return');
    await openAdmin(page);
    await page.locator(`tr[data-order="${mchOrderNo}"] [data-via="return page"]`).waitFor();
  });

  it('offers a recovery link for an expired checkout, which the buyer follows and pays', async () => {
    const { demo } = stack;
    const trxNo = await checkout('stickers');
    const expired = demo.stores.orders.findByTrxNo(trxNo)!;
    await demo.sandbox!.clock.advance(PAST_SESSION_TTL_MS);
    await demo.sandbox!.waitForPayment(trxNo, 'EXPIRED');

    const admin = await stack.newPage();
    await openAdmin(admin);
    await reconcileNow(admin);
    const oldRow = admin.locator(`tr[data-order="${expired.mchOrderNo}"]`);
    await oldRow.locator('[data-status="expired"]').waitFor();
    await oldRow.locator('[data-via="reconciled"]').waitFor();
    const link = oldRow.getByRole('link', { name: /^Recovery link/ });
    const url = (await link.getAttribute('href')) ?? '';
    assert.ok(url.startsWith(`${demo.publicUrl}checkout/recover?`), url || 'no link');

    // The buyer opens the link (it works without JavaScript), pays on a new hosted page.
    const buyer = await stack.newPage({ javaScriptEnabled: false });
    await buyer.goto(url);
    await buyer.waitForURL((u) => u.href.startsWith(`${demo.sandbox!.url}/hpp/`));
    await payWith(buyer, CARDS.pays);
    await buyer.waitForURL(/\/success\?/);
    const recoveredNo = orderNoOf(buyer);
    assert.notEqual(recoveredNo, expired.mchOrderNo);
    // No script ran on the return page: the shop learns of the payment by reconciling.
    await reconcileNow(admin);
    const recovered = demo.stores.orders.find(recoveredNo);
    assert.equal(recovered?.status, 'paid');
    assert.equal(recovered?.recoveredFrom, expired.mchOrderNo);
    assert.equal(demo.stores.orders.fulfilments(recoveredNo), 1);

    const newRow = admin.locator(`tr[data-order="${recoveredNo}"]`);
    await newRow.locator(`[data-recovered-from="${expired.mchOrderNo}"]`).waitFor();
    await oldRow.locator(`[data-recovered-as="${recoveredNo}"]`).waitFor();
    assert.equal(await oldRow.getByRole('link', { name: /^Recovery link/ }).count(), 0);

    // The link is single-use.
    const again = await fetch(url, { redirect: 'manual' });
    assert.equal(again.status, 410);
  });
});
