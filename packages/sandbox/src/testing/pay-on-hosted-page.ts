/** @module Drives the real hosted page in a browser, as a shopper would (Playwright's `Page`). */
import type { TestCard, ThreeDSOutcome } from '../domain/records.js';

/**
 * The part of a Playwright `Page` (playwright-core or @playwright/test) the helpers use; a real
 * `Page` fits it, so the package needs no Playwright at run time.
 *
 * @example
 * ```ts
 * const page: HostedPageBrowser = await browser.newPage();
 * ```
 */
export interface HostedPageBrowser {
  url(): string;
  locator(selector: string): {
    check(): Promise<void>;
    click(): Promise<void>;
    waitFor(options?: { timeout?: number }): Promise<void>;
  };
  waitForURL(url: (url: URL) => boolean, options?: { timeout?: number }): Promise<void>;
}

/**
 * How the shopper completes the page.
 *
 * @example
 * ```ts
 * const how: PayOnHostedPage = { card: 'declined', action: 'pay', return: true };
 * ```
 */
export interface PayOnHostedPage {
  /** Test card to choose (default `success`). */
  card?: TestCard;
  /** `pay` (default) or `cancel`. */
  action?: 'pay' | 'cancel';
  /**
   * With the `3ds_challenge` card: the button pressed on the 3-D Secure challenge page. After
   * `abandon` the browser stays on the sandbox (the buyer left): it resolves with that page's URL.
   */
  threeDS?: ThreeDSOutcome;
  /**
   * Wait until the browser has left the hosted page for the shop's return URL (default `true`);
   * `false` answers as soon as the form is sent.
   */
  return?: boolean;
  /** Give up waiting after this many ms (default 10 000). */
  timeoutMs?: number;
}

/**
 * Chooses a test card on the open hosted page and presses Pay (or Cancel), then waits until the
 * browser lands back at the shop; resolves with the URL it landed on (with `trxNo` and
 * `mchOrderNo`). The page must already show the hosted page (`page.goto(redirectUrl)`, or the
 * shop's own button).
 *
 * @example
 * ```ts
 * await page.goto(redirectUrl);
 * const landed = await payOnHostedPage(page, { card: 'success' });
 * landed.searchParams.get('trxNo');
 * ```
 */
export async function payOnHostedPage(
  page: HostedPageBrowser,
  options: PayOnHostedPage = {},
): Promise<URL> {
  const { card = 'success', action = 'pay', return: follow = true, timeoutMs = 10_000 } = options;
  const { threeDS } = options;
  const hostedPage = new URL(page.url());
  if (action === 'pay') await page.locator(`input[name="card"][value="${card}"]`).check();
  await page.locator(`button[name="action"][value="${action}"]`).click();
  if (threeDS !== undefined && action === 'pay') {
    const challenge = `${hostedPage.origin}${hostedPage.pathname}/challenge`;
    await page.waitForURL((url) => url.href === challenge, { timeout: timeoutMs });
    await page.locator(`button[name="outcome"][value="${threeDS}"]`).click();
    if (!follow) return new URL(challenge);
    if (threeDS === 'abandon') {
      await page.locator('h1:text-is("Authentication abandoned")').waitFor({ timeout: timeoutMs });
      return new URL(page.url());
    }
    await page.waitForURL((url) => url.href !== challenge, { timeout: timeoutMs });
    return new URL(page.url());
  }
  if (!follow) return hostedPage;
  await page.waitForURL((url) => url.href !== hostedPage.href, { timeout: timeoutMs });
  return new URL(page.url());
}
