import type { Page } from 'playwright-core';

/** The sandbox's test cards, as the hosted page lists them. */
export const CARDS = {
  pays: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
  slow: '4000 0000 0000 0259',
} as const;

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
 * On WPay's hosted page: picks a test card and presses Pay.
 *
 * @example
 * ```ts
 * await payWith(page, CARDS.pays);
 * ```
 */
export async function payWith(page: Page, card: string): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(card) }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
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
