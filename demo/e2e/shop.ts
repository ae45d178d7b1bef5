import type { TestCard } from '@wpay/sandbox';
import { payOnHostedPage } from '@wpay/sandbox/testing';
import type { Page } from 'playwright-core';

/** The sandbox's test cards by what they do (the hosted page lists them with their numbers). */
export const CARDS = {
  pays: 'success',
  declined: 'declined',
  insufficientFunds: 'insufficient_funds',
  slow: 'slow',
} as const satisfies Record<string, TestCard>;

/**
 * Clicks the `<wpay-button>` of a product on the current page (by its accessible name,
 * `Buy now (Sandbox Mug)` / `Subscribe (Coffee Club)`) and waits for WPay's hosted page.
 *
 * @example
 * ```ts
 * await buy(page, 'Buy now (Sandbox Mug)', sandbox.url);
 * ```
 */
export async function buy(page: Page, name: string, sandboxUrl: string): Promise<void> {
  await page.getByRole('button', { name }).click();
  await page.waitForURL((url) => url.href.startsWith(`${sandboxUrl}/hpp/`));
}

/**
 * On WPay's hosted page: picks a test card and presses Pay (the sandbox's own
 * `payOnHostedPage`, without waiting for the return: the tests check where the buyer lands).
 *
 * @example
 * ```ts
 * await payWith(page, CARDS.pays);
 * ```
 */
export async function payWith(page: Page, card: TestCard): Promise<void> {
  await payOnHostedPage(page, { card, return: false });
}

/**
 * The state `<wpay-return>` settles on (`succeeded`, `cancelled`, `failed`…), once it is final.
 *
 * @example
 * ```ts
 * assert.equal(await returnOutcome(page), 'succeeded');
 * ```
 */
export async function returnOutcome(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => {
    const element = document.querySelector('wpay-return') as
      | (HTMLElement & { state?: string; status?: { final?: boolean } })
      | null;
    return element?.status?.final ? element.state : undefined;
  });
  return String(await handle.jsonValue());
}

/**
 * The `mchOrderNo` the hosted page returned to the shop with (from the return page's URL).
 *
 * @example
 * ```ts
 * const mchOrderNo = orderNoOf(page);
 * ```
 */
export function orderNoOf(page: Page): string {
  const value = new URL(page.url()).searchParams.get('mchOrderNo');
  if (!value) throw new Error(`No mchOrderNo in ${page.url()}`);
  return value;
}
