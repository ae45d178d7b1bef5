import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { SANDBOX_DEFAULTS } from '../defaults.js';
import { type Sandbox, startSandbox } from '../index.js';
import { sandboxWithClient, subscriptionBody, type TestClient } from '../test/wpay-client.js';
import { chromiumLaunchOptions, payOnHostedPage } from '../testing/index.js';

const FORM = 'application/x-www-form-urlencoded';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe (WCAG 2.1 A and AA, best practices) on the page; its violations, readably. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(options: unknown): Promise<{ violations: unknown[] }> };
    };
    const result = await axe.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    return result.violations;
  });
  return (found as Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
  );
}

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
  let axePage: Page;

  before(async () => {
    shop = await startShop();
    ({ sb, client } = await sandboxWithClient({ merchantName: 'Mug Shop' }));
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage();
    // The pages forbid every script (CSP); axe is injected past it, in its own context.
    axePage = await (await browser.newContext({ bypassCSP: true })).newPage();
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

  it('pays and cancels with JavaScript off, the form posting to the page itself', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    try {
      const paid = await client.checkout({ successUrl: `${shop.url}/thanks` });
      await noScript.goto(String(paid.redirectUrl));
      await noScript.getByRole('button', { name: /^Pay/ }).click();
      await noScript.waitForURL(`${shop.url}/thanks?**`);
      assert.equal(sb.state.payment(String(paid.trxNo))?.status, 'PAID');
      const cancelled = await client.checkout({ cancelUrl: `${shop.url}/cart` });
      await noScript.goto(String(cancelled.redirectUrl));
      await noScript.getByRole('button', { name: /^Cancel/ }).click();
      await noScript.waitForURL(`${shop.url}/cart?**`);
      assert.equal(sb.state.payment(String(cancelled.trxNo))?.status, 'CANCELLED');
      const before = sb.clock.now();
      await noScript.goto(`${sb.url}/`);
      await noScript.getByRole('button', { name: /^\+1 ?h/ }).click();
      await noScript.waitForURL(`${sb.url}/`);
      assert.ok(sb.clock.now() - before >= 3_600_000, 'the dashboard button moved the clock');
    } finally {
      await context.close();
    }
  });

  it('ignores what a page of another site posts to the control API, the dashboard and a hosted page', async () => {
    sb.setWebhookUrl('http://127.0.0.1:1/hooks');
    const { redirectUrl, trxNo } = await client.checkout();
    const attacker = await browser.newPage();
    try {
      await attacker.goto(`${shop.url}/evil`);
      const forged = [
        [`${sb.url}/__sandbox/webhook-url`, '{"url":"https://evil.example/x"}', 'text/plain'],
        [`${sb.url}/__sandbox/payments/${trxNo}/pay`, '{}', 'text/plain'],
        [`${sb.url}/__dashboard/webhook-url`, 'url=https%3A%2F%2Fevil.example%2Fx', FORM],
        [String(redirectUrl), 'action=pay&card=success', FORM],
      ];
      // no-cors: the page cannot read the answers, but the requests do reach the sandbox.
      const sent = await attacker.evaluate(async (requests) => {
        for (const [url = '', body = '', type = ''] of requests) {
          await fetch(url, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'content-type': type },
            body,
          });
        }
        return requests.length;
      }, forged);
      assert.equal(sent, 4);
      // A real form post too, as a page without script permission would send it.
      await attacker.setContent(
        `<form method="post" action="${sb.url}/__dashboard/webhook-url"><input name="url" value="https://evil.example/y"><button>go</button></form>`,
      );
      await attacker.getByRole('button', { name: 'go' }).click();
      await attacker.waitForLoadState();
      assert.match(await attacker.content(), /cross-site request refused/);
      const control = (await (await fetch(`${sb.url}/__sandbox/webhook-url`)).json()) as {
        url: string;
      };
      assert.equal(control.url, 'http://127.0.0.1:1/hooks');
      assert.equal(sb.state.payment(String(trxNo))?.status, 'PAYING');
    } finally {
      await attacker.close();
    }
  });

  it('is driven by payOnHostedPage from @wpay/sandbox/testing (card, cancel, no wait)', async () => {
    const declined = await open();
    const landed = await payOnHostedPage(page, { card: 'declined' });
    assert.equal(landed.pathname, '/cart');
    assert.equal(sb.state.payment(declined.trxNo)?.status, 'FAILED');
    const cancelled = await open();
    assert.equal((await payOnHostedPage(page, { action: 'cancel' })).pathname, '/cart');
    assert.equal(sb.state.payment(cancelled.trxNo)?.status, 'CANCELLED');
    const paid = await open();
    await payOnHostedPage(page, { card: 'success', return: false });
    assert.equal((await sb.waitForPayment(paid.trxNo, 'PAID')).trxNo, paid.trxNo);
  });

  it('passes, fails and abandons the 3-D Secure challenge with payOnHostedPage', async () => {
    const approved = await open();
    const landed = await payOnHostedPage(page, { card: '3ds_challenge', threeDS: 'approve' });
    assert.equal(landed.pathname, '/thanks');
    assert.equal(sb.state.payment(approved.trxNo)?.status, 'PAID');
    const failed = await open();
    const back = await payOnHostedPage(page, { card: '3ds_challenge', threeDS: 'fail' });
    assert.equal(back.pathname, '/cart');
    assert.equal(sb.state.payment(failed.trxNo)?.failureReason, 'authentication_failed');
    const abandoned = await open();
    const left = await payOnHostedPage(page, { card: '3ds_challenge', threeDS: 'abandon' });
    assert.match(left.pathname, /\/challenge$/);
    assert.equal(sb.state.payment(abandoned.trxNo)?.status, 'PAYING');
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

  describe('when axe checks every page', () => {
    const checkout = async (fields: Record<string, unknown> = {}) =>
      client.checkout({
        successUrl: `${shop.url}/thanks`,
        cancelUrl: `${shop.url}/cart`,
        ...fields,
      });
    const assertAccessible = async (url: string, heading: string | RegExp) => {
      await axePage.goto(url);
      await axePage.getByRole('heading', { name: heading }).waitFor();
      assert.deepEqual(await violations(axePage), []);
    };

    it('passes on the open page', async () => {
      const { redirectUrl } = await checkout({ description: 'Blue mug' });
      await assertAccessible(String(redirectUrl), 'Complete your payment');
    });

    it('passes on the open page of a subscription', async () => {
      const { redirectUrl } = await checkout(subscriptionBody());
      await assertAccessible(String(redirectUrl), 'Start your subscription');
    });

    it('passes on the finished page', async () => {
      const { redirectUrl, trxNo } = await checkout();
      await sb.pay(String(trxNo));
      await assertAccessible(String(redirectUrl), 'This payment is complete');
    });

    it('passes on the 3-D Secure challenge page and the abandoned page', async () => {
      const { redirectUrl, trxNo } = await checkout();
      await sb.pay(String(trxNo), { card: '3ds_challenge' });
      await assertAccessible(`${String(redirectUrl)}/challenge`, 'Confirm it is you');
      await axePage.getByRole('button', { name: /^Abandon/ }).click();
      await axePage.getByRole('heading', { name: 'Authentication abandoned' }).waitFor();
      assert.deepEqual(await violations(axePage), []);
    });

    it('passes on the failed page', async () => {
      const { redirectUrl, trxNo } = await checkout();
      await sb.pay(String(trxNo), { card: 'declined' });
      await assertAccessible(String(redirectUrl), 'This payment failed');
    });

    it('passes on the cancelled and the processing page', async () => {
      const cancelled = await checkout();
      await sb.cancel(String(cancelled.trxNo));
      await assertAccessible(String(cancelled.redirectUrl), 'This payment was cancelled');
      // Unscaled, the slow card stays PAYING for 30 s: long enough to look at the page.
      const unscaled = await sandboxWithClient({ timeScale: 1 });
      try {
        const slow = await unscaled.client.checkout();
        await unscaled.sb.pay(String(slow.trxNo), { card: 'slow' });
        await assertAccessible(String(slow.redirectUrl), 'Your payment is being processed');
      } finally {
        await unscaled.sb.close();
      }
    });

    it('passes on the expired page', async () => {
      const { redirectUrl } = await checkout();
      await sb.clock.advance(SANDBOX_DEFAULTS.sessionTtlSeconds * 1000 + 1);
      await assertAccessible(String(redirectUrl), 'This payment page has expired');
    });

    it('passes on the page of an unknown session', async () => {
      await assertAccessible(`${sb.url}/hpp/hpp_unknown`, 'Payment page not found');
    });

    it('passes on the dashboard, every table filled', async () => {
      sb.setWebhookUrl(`${shop.url}/hooks`);
      const { trxNo } = await checkout();
      await sb.pay(String(trxNo));
      await client.call('/checkout/w-payment/refund', { trxNo, amount: 1 });
      await client.subscribe();
      sb.faults.add({ kind: 'latency', path: '/nowhere' });
      await sb.idle();
      await assertAccessible(sb.url, 'WPay sandbox');
      await axePage.locator('details summary').first().click();
      assert.deepEqual(await violations(axePage), [], 'with an attempt list open');
    });

    it('passes on the empty dashboard', async () => {
      const empty = await startSandbox();
      try {
        await assertAccessible(empty.url, 'WPay sandbox');
      } finally {
        await empty.close();
      }
    });
  });
});
