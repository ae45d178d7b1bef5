import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Sandbox } from '../index.js';
import { sandboxWithClient, type TestClient } from '../test/wpay-client.js';

/** A stand-in shop whose return pages just say where the browser landed. */
async function startShop(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><title>Shop</title><h1>Back at the shop: ${req.url?.split('?')[0]}</h1>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('when a shopper clicks through the hosted page in Chromium', () => {
  let sb: Sandbox;
  let client: TestClient;
  let browser: Browser;
  let shop: { url: string; server: Server };
  let page: Page;

  before(async () => {
    shop = await startShop();
    ({ sb, client } = await sandboxWithClient({ merchantName: 'Mug Shop' }));
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await sb?.close();
    await new Promise<void>((resolve) => {
      shop.server.close(() => resolve());
      shop.server.closeAllConnections();
    });
  });

  const open = async () => {
    const data = await client.checkout({
      amount: 19.99,
      successUrl: `${shop.url}/thanks`,
      cancelUrl: `${shop.url}/cart`,
    });
    await page.goto(String(data.redirectUrl));
    return { trxNo: String(data.trxNo), mchOrderNo: String(data.mchOrderNo) };
  };

  it('pays with the success card and lands on the success URL', async () => {
    const { trxNo, mchOrderNo } = await open();
    await page.getByRole('heading', { name: 'Complete your payment' }).waitFor();
    assert.ok(
      await page.getByLabel(/4242 4242 4242 4242/).isChecked(),
      'success card is the default',
    );
    await page.getByRole('button', { name: /^Pay \$19\.99/ }).click();
    await page.waitForURL(`${shop.url}/thanks?**`);
    const landed = new URL(page.url());
    assert.equal(landed.searchParams.get('trxNo'), trxNo);
    assert.equal(landed.searchParams.get('mchOrderNo'), mchOrderNo);
    assert.equal(sb.state.payment(trxNo)?.status, 'PAID');
  });

  it('declines the declined card and lands on the cancel URL', async () => {
    const { trxNo } = await open();
    await page.getByLabel(/4000 0000 0000 0002/).check();
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.waitForURL(`${shop.url}/cart?**`);
    assert.equal(sb.state.payment(trxNo)?.status, 'FAILED');
  });

  it('cancels and lands on the cancel URL', async () => {
    const { trxNo } = await open();
    await page.getByRole('button', { name: /^Cancel and return to Mug Shop/ }).click();
    await page.waitForURL(`${shop.url}/cart?**`);
    assert.equal(sb.state.payment(trxNo)?.status, 'CANCELLED');
  });

  it('reaches every control with the keyboard', async () => {
    await open();
    const focused: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(
          () =>
            document.activeElement?.textContent?.trim() ||
            (document.activeElement as HTMLInputElement | null)?.value ||
            '',
        ),
      );
    }
    assert.deepEqual(focused, ['success', 'Pay $19.99', 'Cancel and return to Mug Shop']);
  });

  it('shows the finished page when the shopper comes back', async () => {
    const { trxNo } = await open();
    await sb.pay(trxNo);
    await page.reload();
    await page.getByRole('heading', { name: 'This payment is complete' }).waitFor();
    await page.getByRole('link', { name: 'Return to Mug Shop' }).click();
    await page.waitForURL(`${shop.url}/thanks?**`);
  });
});
