import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually, SCREENSHOTS, type Stack, startStack } from './harness.js';
import { buy, CARDS, orderNoOf, payWith, returnOutcome } from './shop.js';

/**
 * The slow card keeps its payment processing for an hour of sandbox time (its seconds are divided
 * by the harness's `timeScale` of 1000), so it pays when a test moves the sandbox clock, not before.
 */
const SLOW_CARD_SECONDS = 3_600_000;

describe('a one-time purchase', { timeout: 120_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ slowCardSeconds: SLOW_CARD_SECONDS });
  });
  after(() => stack?.close());

  it('goes from a click to a confirmed success page and a paid order', async () => {
    const { demo } = stack;
    const sandboxUrl = demo.sandbox!.url;
    const page = await stack.newPage();
    await page.goto(demo.loopbackUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'storefront.png'), fullPage: true });
    // Each button follows redirects to the sandbox's hosted page only.
    const hosts = await page
      .locator('wpay-button')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('allowed-hosts')));
    assert.ok(hosts.length > 0);
    assert.ok(hosts.every((host) => host === new URL(sandboxUrl).host));

    await buy(page, 'Buy now (Checkout Kit T-shirt)', sandboxUrl);
    await page.getByRole('heading', { name: 'Complete your payment' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'hosted-page.png') });
    await payWith(page, CARDS.pays);

    await page.waitForURL(/\/success\?/);
    assert.equal(await returnOutcome(page), 'succeeded');
    await page.locator('wpay-return [slot="succeeded"]').waitFor();
    const mchOrderNo = orderNoOf(page);
    const order = await eventually(
      'the order is paid',
      () =>
        demo.stores.orders.find(mchOrderNo)?.status === 'paid' &&
        demo.stores.orders.find(mchOrderNo),
    );
    assert.equal(order.sku, 'tee');
    assert.equal(order.amountMinor, 2500);
    assert.equal(order.wpayStatus, 'PAID');
    await page.locator('[data-order-status="paid"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'success.png') });
  });

  it('was marked paid by a verified webhook, logged for the admin page', async () => {
    const deliveries = stack.demo.stores.webhookLog.recent();
    const paid = deliveries.find((d) => d.eventType === 'credit_card.order.paid');
    assert.ok(paid, 'a credit_card.order.paid delivery was logged');
    assert.equal(paid.verified, true);
    assert.equal(paid.httpStatus, 200);
  });

  it('shows the pending order while a slow card processes, then confirms it', async () => {
    const { demo } = stack;
    const page = await stack.newPage();
    await page.goto(demo.loopbackUrl);
    await buy(page, 'Buy now (Sandbox Mug)', demo.sandbox!.url);
    await payWith(page, CARDS.slow);
    await page.waitForURL(/\/success\?/);
    await page.waitForFunction(
      () =>
        (document.querySelector('wpay-return') as { state?: string } | null)?.state ===
        'processing',
    );
    await page.locator('wpay-return [slot="processing"]').getByText('Waiting for WPay').waitFor();
    await page.locator('[data-order-status="pending"]').waitFor();

    // The bank answers: the slow card's wait is on the sandbox clock.
    await demo.sandbox!.clock.advanceBy({ hours: 1 });
    assert.equal(await returnOutcome(page), 'succeeded');
    await page.locator('[data-order-status="paid"]').waitFor();
  });

  it('makes one order and one session when the button is double-clicked', async () => {
    const { demo } = stack;
    const ordersBefore = demo.stores.orders.list().length;
    const checkoutsBefore = demo.sandbox!.stats().checkouts;
    const page = await stack.newPage();
    await page.goto(demo.loopbackUrl);
    await page.getByRole('button', { name: 'Buy now (Sandbox Mug)' }).dblclick();
    await page.waitForURL((url) => url.href.startsWith(`${demo.sandbox!.url}/hpp/`));
    assert.equal(demo.stores.orders.list().length, ordersBefore + 1);
    assert.equal(demo.sandbox!.stats().checkouts, checkoutsBefore + 1);
  });

  it('works from the page that loads the widget with a plain script tag', async () => {
    const { demo } = stack;
    const page = await stack.newPage();
    await page.goto(`${demo.loopbackUrl}script-tag`);
    await page.waitForFunction(() => customElements.get('wpay-button') !== undefined);
    const esmModules = await page.evaluate(
      () => Array.from(document.scripts).filter((script) => script.type === 'module').length,
    );
    assert.equal(esmModules, 0, 'the script-tag page loads no module script');
    await buy(page, 'Buy now (Sticker Pack)', demo.sandbox!.url);
    await payWith(page, CARDS.pays);
    await page.waitForURL(/\/success\?/);
    assert.equal(await returnOutcome(page), 'succeeded');
    const mchOrderNo = orderNoOf(page);
    await eventually(
      'the sticker order is paid',
      () => demo.stores.orders.find(mchOrderNo)?.status === 'paid',
    );
    assert.equal(demo.stores.orders.find(mchOrderNo)?.sku, 'stickers');
  });

  it('still sells without JavaScript, through the fallback form', async () => {
    const { demo } = stack;
    const page = await stack.newPage({ javaScriptEnabled: false });
    await page.goto(demo.loopbackUrl);
    await page.getByRole('button', { name: 'Buy now (Sandbox Mug)' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.sandbox!.url}/hpp/`));
    await page.getByRole('heading', { name: 'Complete your payment' }).waitFor();
  });
});
