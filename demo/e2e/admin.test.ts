import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually, SCREENSHOTS, type Stack, startStack } from './harness.js';
import { buy, CARDS, orderNoOf, payWith, returnOutcome } from './shop.js';

/** Buys a product through the browser and returns its order number once the order is paid. */
async function purchase(stack: Stack, page: Page, button: string): Promise<string> {
  const { demo } = stack;
  await page.goto(demo.loopbackUrl);
  await buy(page, button, demo.sandbox!.url);
  await payWith(page, CARDS.pays);
  await page.waitForURL(/\/success\?/);
  assert.equal(await returnOutcome(page), 'succeeded');
  const mchOrderNo = orderNoOf(page);
  await eventually(
    'the order is paid',
    () => demo.stores.orders.find(mchOrderNo)?.status === 'paid',
  );
  return mchOrderNo;
}

async function openAdmin(stack: Stack, page: Page): Promise<void> {
  await page.goto(`${stack.demo.loopbackUrl}admin`);
  await page.waitForFunction(() => document.body.dataset.loaded !== undefined);
}

describe('the admin page', { timeout: 180_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.close());

  describe('when a one-time order is paid', () => {
    let mchOrderNo: string;
    let page: Page;
    before(async () => {
      page = await stack.newPage();
      mchOrderNo = await purchase(stack, page, 'Buy now (Checkout Kit T-shirt)');
      await openAdmin(stack, page);
    });

    it('shows the order beside the payment WPay lists', async () => {
      const row = page.locator(`tr[data-order="${mchOrderNo}"]`);
      await row.locator('[data-status="paid"]').waitFor();
      await row.locator('[data-wpay-status="PAID"]').waitFor();
      const trxNo = stack.demo.stores.orders.find(mchOrderNo)?.trxNo;
      await page.locator(`tr[data-payment="${trxNo}"]`).waitFor();
    });

    it('refuses more than was paid beside the form, keeping what was typed', async () => {
      const row = page.locator(`tr[data-order="${mchOrderNo}"]`);
      const amount = row.getByRole('textbox', { name: /Refund amount/ });
      await amount.fill('30.00');
      await row.getByRole('button', { name: 'Refund' }).click();
      await row.getByText('Refund an amount from 0.01 to 25.00 USD.').waitFor();
      assert.equal(await amount.inputValue(), '30.00');
      assert.equal(await amount.getAttribute('aria-invalid'), 'true');
      assert.equal(stack.demo.stores.orders.find(mchOrderNo)?.refundedMinor, 0);
    });

    it('refunds part of it, then the rest', async () => {
      const { demo } = stack;
      const row = page.locator(`tr[data-order="${mchOrderNo}"]`);
      await row.getByRole('textbox', { name: /Refund amount/ }).fill('5');
      await row.getByRole('button', { name: 'Refund' }).click();
      await page
        .locator(`tr[data-order="${mchOrderNo}"] [data-status="partially_refunded"]`)
        .waitFor();
      await page.getByRole('status').getByText(`Refunded 5.00 USD on ${mchOrderNo}.`).waitFor();
      assert.equal(demo.stores.orders.find(mchOrderNo)?.refundedMinor, 500);

      await row.getByRole('textbox', { name: /Refund amount/ }).waitFor();
      assert.equal(await row.getByRole('textbox', { name: /Refund amount/ }).inputValue(), '20.00');
      await row.getByRole('button', { name: 'Refund' }).click();
      await page.locator(`tr[data-order="${mchOrderNo}"] [data-status="refunded"]`).waitFor();
      const order = demo.stores.orders.find(mchOrderNo);
      assert.equal(order?.refundedMinor, 2500);
      const payment = await demo.wpay.payments.retrieve({ trxNo: order!.trxNo! });
      assert.equal(payment.status, 'REFUNDED');
    });
  });

  describe('when a subscription is bought', () => {
    let mchOrderNo: string;
    let page: Page;
    before(async () => {
      page = await stack.newPage();
      mchOrderNo = await purchase(stack, page, 'Subscribe (Coffee Club)');
    });

    it('activates the subscription with its first bill', async () => {
      const { demo } = stack;
      const mchSubscriptionNo = demo.stores.orders.find(mchOrderNo)?.mchSubscriptionNo;
      assert.ok(mchSubscriptionNo);
      await eventually(
        'the subscription is active',
        () => demo.stores.subscriptions.find(mchSubscriptionNo)?.status === 'active',
      );
      await openAdmin(stack, page);
      const row = page.locator(`tr[data-subscription="${mchSubscriptionNo}"]`);
      await row.locator('[data-status="active"]').waitFor();
      await row.locator('[data-bills="1"]').waitFor();
    });

    it('shows a new bill once the sandbox dashboard moves the clock a month', async () => {
      const { demo } = stack;
      const mchSubscriptionNo = demo.stores.orders.find(mchOrderNo)!.mchSubscriptionNo!;
      const wpayId = demo.stores.subscriptions.find(mchSubscriptionNo)!.wpayId!;
      // As the README and the admin page say: the dashboard's "+1 month" button.
      const dashboard = await page
        .getByRole('link', { name: 'WPay sandbox dashboard' })
        .getAttribute('href');
      assert.equal(dashboard, `${demo.sandbox!.url}/`);
      await page.goto(dashboard);
      await page.getByRole('button', { name: '+1 month' }).click();
      await eventually(
        'the bill webhook was stored',
        () => demo.stores.subscriptions.bills(wpayId).length === 2,
      );
      await openAdmin(stack, page);
      await page.locator(`tr[data-subscription="${mchSubscriptionNo}"] [data-bills="2"]`).waitFor();
    });

    it('cancels the subscription', async () => {
      const { demo } = stack;
      const mchSubscriptionNo = demo.stores.orders.find(mchOrderNo)!.mchSubscriptionNo!;
      const row = page.locator(`tr[data-subscription="${mchSubscriptionNo}"]`);
      await row.getByRole('button', { name: /^Cancel subscription/ }).click();
      await page
        .locator(`tr[data-subscription="${mchSubscriptionNo}"] [data-status="cancelled"]`)
        .waitFor();
      assert.equal(demo.stores.subscriptions.find(mchSubscriptionNo)?.status, 'cancelled');
    });
  });

  it('lists the webhook deliveries it received', async () => {
    const page = await stack.newPage();
    await openAdmin(stack, page);
    await page.locator('tr[data-delivery]').first().waitFor();
    const types = await page.locator('tr[data-delivery] td:nth-child(2)').allTextContents();
    assert.ok(types.includes('credit_card.order.paid'));
    await page.screenshot({ path: join(SCREENSHOTS, 'admin.png'), fullPage: true });
  });
});
