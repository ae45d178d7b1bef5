// The same fixture shop, but two shops (two merchants) share one sandbox in each worker: every
// test buys on both at once, in two pages, and checks that neither merchant sees the other's
// payment or webhook, and that each shop's webhooks are signed with its own key.
import { test as base, expect, type Page } from '@playwright/test';
import {
  payOnHostedPage,
  type SandboxFixtures,
  type SandboxWorkerFixtures,
  sandboxFixtures,
} from '@wpay/sandbox/testing';
import { type Shop, startShop } from './shop.js';

type Shops = { north: Shop; south: Shop };

const test = base.extend<
  SandboxFixtures & { shops: Shops },
  SandboxWorkerFixtures & { shopsWorker: Shops }
>({
  ...sandboxFixtures({
    timeScale: 1000,
    merchants: [
      { id: 'north', merchantName: 'North Mugs' },
      { id: 'south', merchantName: 'South Mugs' },
    ],
  }),
  shopsWorker: [
    async ({ sandboxWorker }, use, workerInfo) => {
      const open = (id: 'north' | 'south') =>
        startShop({
          baseUrl: sandboxWorker.url,
          ...sandboxWorker.merchant(id).credentials,
          orderPrefix: `W${workerInfo.workerIndex}-${id}`,
        });
      const shops = { north: await open('north'), south: await open('south') };
      await use(shops);
      await shops.north.close();
      await shops.south.close();
    },
    { scope: 'worker' },
  ],
  shops: async ({ shopsWorker, sandbox }, use) => {
    for (const id of ['north', 'south'] as const) {
      shopsWorker[id].webhooks.length = 0;
      sandbox.merchant(id).setWebhookUrl(`${shopsWorker[id].url}/hooks`);
    }
    await use(shopsWorker);
  },
});

/** Buys the mug in `page` at `shop` and pays with `card`; resolves with the trxNo. */
async function buy(page: Page, shop: Shop, sandboxUrl: string, card: 'success' | 'declined') {
  await page.goto(shop.url);
  await page.getByRole('button', { name: 'Buy the mug' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${sandboxUrl}/hpp/`));
  const landed = await payOnHostedPage(page, { card });
  return landed.searchParams.get('trxNo') ?? '';
}

for (const round of [1, 2]) {
  test(`two merchants buy at once in one sandbox, with no cross-talk (round ${round})`, async ({
    page,
    context,
    shops,
    sandbox,
  }, testInfo) => {
    const other = await context.newPage();
    const [northTrx, southTrx] = await Promise.all([
      buy(page, shops.north, sandbox.url, 'success'),
      buy(other, shops.south, sandbox.url, round % 2 === 0 ? 'declined' : 'success'),
    ]);
    await expect(page.getByRole('heading')).toHaveText(/: PAID$/);
    await expect(other.getByRole('heading')).toHaveText(round % 2 === 0 ? /: FAILED$/ : /: PAID$/);
    const north = sandbox.merchant('north');
    const south = sandbox.merchant('south');
    await north.waitForDeliveries({ count: 1 });
    await south.waitForDeliveries({ count: 1 });
    expect(north.state.payments.map((p) => p.trxNo)).toEqual([northTrx]);
    expect(south.state.payments.map((p) => p.trxNo)).toEqual([southTrx]);
    expect(sandbox.state.payments).toEqual([]);
    const prefix = `W${testInfo.workerIndex}`;
    expect(shops.north.webhooks).toEqual([
      {
        eventType: 'credit_card.order.paid',
        mchOrderNo: expect.stringMatching(new RegExp(`^${prefix}-north-`)),
        signedForMe: true,
      },
    ]);
    expect(shops.south.webhooks).toEqual([
      {
        eventType: round % 2 === 0 ? 'credit_card.order.failed' : 'credit_card.order.paid',
        mchOrderNo: expect.stringMatching(new RegExp(`^${prefix}-south-`)),
        signedForMe: true,
      },
    ]);
  });
}
