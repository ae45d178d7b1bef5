import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, type Stack, startStack } from './harness.js';
import { buy, CARDS, orderNoOf, payWith, returnOutcome } from './shop.js';

describe('when the shopper does not pay', { timeout: 120_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.close());

  it('cancelling returns to the cancel page and cancels the order', async () => {
    const { demo } = stack;
    const page = await stack.newPage();
    await page.goto(demo.loopbackUrl);
    await buy(page, 'Buy now (Sandbox Mug)', demo.sandbox!.url);
    await page.getByRole('button', { name: /^Cancel and return to/ }).click();

    await page.waitForURL(/\/cancel\?/);
    assert.equal(await returnOutcome(page), 'cancelled');
    await page.locator('wpay-return [slot="cancelled"]').waitFor();
    const mchOrderNo = orderNoOf(page);
    await eventually(
      'the order is cancelled',
      () => demo.stores.orders.find(mchOrderNo)?.status === 'cancelled',
    );
  });

  it('a declined card returns to the cancel page, says so, and fails the order', async () => {
    const { demo } = stack;
    const page = await stack.newPage();
    await page.goto(demo.loopbackUrl);
    await buy(page, 'Buy now (Checkout Kit T-shirt)', demo.sandbox!.url);
    await payWith(page, CARDS.declined);

    await page.waitForURL(/\/cancel\?/);
    assert.equal(await returnOutcome(page), 'failed');
    await page.locator('wpay-return [slot="failed"]').getByText('declined').waitFor();
    const mchOrderNo = orderNoOf(page);
    await eventually(
      'the order is failed',
      () => demo.stores.orders.find(mchOrderNo)?.status === 'failed',
    );
    assert.equal(demo.stores.orders.find(mchOrderNo)?.paidAt, null);
  });

  it('Back from the hosted page restores the shop with a working button', async () => {
    const { demo } = stack;
    const page = await stack.newPage();
    await page.addInitScript(() => {
      // Set by the latest pageshow only: cleared when the page is left for the hosted page.
      window.addEventListener('pagehide', () => {
        delete document.documentElement.dataset.restored;
      });
      window.addEventListener('pageshow', (event) => {
        document.documentElement.dataset.restored = String(event.persisted);
      });
    });
    await page.goto(demo.loopbackUrl);
    await buy(page, 'Buy now (Sticker Pack)', demo.sandbox!.url);
    const firstSession = page.url();

    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => document.documentElement.dataset.restored !== undefined);
    const restored = await page.evaluate(() => document.documentElement.dataset.restored);
    assert.equal(restored, 'true', 'the shop came back from the back-forward cache');
    await page.waitForFunction(
      () =>
        (document.querySelector('wpay-button[data-sku="stickers"]') as { state?: string } | null)
          ?.state === 'idle',
      undefined,
      { timeout: 5_000 },
    );

    await buy(page, 'Buy now (Sticker Pack)', demo.sandbox!.url);
    assert.notEqual(page.url(), firstSession, 'a new click starts a new session');
    await payWith(page, CARDS.pays);
    await page.waitForURL(/\/success\?/);
    assert.equal(await returnOutcome(page), 'succeeded');
  });
});
