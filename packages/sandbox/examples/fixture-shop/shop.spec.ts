// The fixture shop tested with @wpay/sandbox/testing's Playwright fixtures: every worker has its
// own sandbox and its own shop; each test checks that it sees only its own orders and webhooks.
import { test as base, expect } from '@playwright/test';
import {
  expectWebhook,
  type SandboxFixtures,
  type SandboxWorkerFixtures,
  sandboxFixtures,
} from '@wpay/sandbox/testing';
import { type Shop, startShop } from './shop.js';

interface ShopFixtures {
  shop: Shop;
}
interface ShopWorkerFixtures {
  shopWorker: Shop;
}

const test = base.extend<
  SandboxFixtures & ShopFixtures,
  SandboxWorkerFixtures & ShopWorkerFixtures
>({
  ...sandboxFixtures({ timeScale: 1000 }),
  shopWorker: [
    async ({ sandboxWorker }, use, workerInfo) => {
      const shop = await startShop({
        baseUrl: sandboxWorker.url,
        ...sandboxWorker.credentials,
        orderPrefix: `W${workerInfo.workerIndex}`,
      });
      await use(shop);
      await shop.close();
    },
    { scope: 'worker' },
  ],
  shop: async ({ shopWorker, sandbox }, use) => {
    shopWorker.webhooks.length = 0;
    sandbox.setWebhookUrl(`${shopWorker.url}/hooks`);
    await use(shopWorker);
  },
});

for (const round of [1, 2]) {
  test(`pays for a mug and sees only its own order (round ${round})`, async ({
    page,
    shop,
    sandbox,
    payOnHostedPage,
  }, testInfo) => {
    await page.goto(shop.url);
    await page.getByRole('button', { name: 'Buy the mug' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${sandbox.url}/hpp/`));
    const landed = await payOnHostedPage({ card: 'success' });
    const trxNo = landed.searchParams.get('trxNo') ?? '';
    await expect(page.getByRole('heading')).toHaveText(/: PAID$/);
    await sandbox.waitForPayment(trxNo, 'PAID');
    await expectWebhook(sandbox, { eventType: 'credit_card.order.paid', trxNo });
    // No cross-talk: this sandbox holds exactly this test's one payment, of this worker's shop.
    const payments = sandbox.state.payments;
    expect(payments.map((p) => p.trxNo)).toEqual([trxNo]);
    expect(String(payments[0]?.mchOrderNo)).toMatch(new RegExp(`^W${testInfo.workerIndex}-`));
    expect(shop.webhooks.map((w) => w.mchOrderNo)).toEqual(
      shop.webhooks.map(() => String(payments[0]?.mchOrderNo)),
    );
  });

  test(`a declined card brings the buyer back to the cart (round ${round})`, async ({
    page,
    shop,
    sandbox,
    payOnHostedPage,
  }) => {
    await page.goto(shop.url);
    await page.getByRole('button', { name: 'Buy the mug' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${sandbox.url}/hpp/`));
    const landed = await payOnHostedPage({ card: 'declined' });
    expect(landed.pathname).toBe('/cart');
    await expect(page.getByRole('heading')).toHaveText(/: FAILED$/);
    expect(sandbox.state.payments).toHaveLength(1);
  });
}

test('approves the 3-D Secure challenge and sees the order paid', async ({
  page,
  shop,
  sandbox,
  payOnHostedPage,
}) => {
  await page.goto(shop.url);
  await page.getByRole('button', { name: 'Buy the mug' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${sandbox.url}/hpp/`));
  const landed = await payOnHostedPage({ card: '3ds_challenge', threeDS: 'approve' });
  expect(landed.pathname).toBe('/thanks');
  await expect(page.getByRole('heading')).toHaveText(/: PAID$/);
});
