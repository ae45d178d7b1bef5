// Section: the widget's runtime cost in Chromium (playwright-core, /usr/bin/chromium), against
// plain markup doing the same job: upgrading 1 / 100 / 1 000 priced buttons (parse, upgrade,
// render, layout) against as many plain <button>s showing the same price, and click → navigation
// against a hand-written button (fetch the checkout, then location.assign). Timings report only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@wpay/sandbox/testing';
import { chromium, type Page } from 'playwright-core';
import type { FigureMeta, Section } from '../../../bench/harness.mjs';

const IIFE = fileURLToPath(new URL('../dist/wpay-widget.iife.js', import.meta.url));
const SHOP = 'http://shop.test/';
const HPP = 'https://pay.test/hpp/1';
const COUNTS = [1, 100, 1000] as const;
const VARIANTS = ['plain <button>', '<wpay-button>'] as const;

/** The shop page: the IIFE file (both variants, so both pay for loading it), one button. */
function shopPage(variant: string): string {
  const button =
    variant === VARIANTS[0]
      ? '<button id="pay" type="button">Pay $19.99</button><script src="/hand-written.js"></script>'
      : '<wpay-button id="pay" endpoint="/api/checkout" amount="19.99" currency="USD" locale="en-US" allowed-hosts="pay.test">Pay</wpay-button>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/wpay-widget.iife.js"></script></head><body>${button}<div id="host"></div></body></html>`;
}

/** What a shop writes by hand: one POST, then off to the payment page. */
const HAND_WRITTEN = `document.getElementById('pay').addEventListener('click', async () => {
  const response = await fetch('/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': String(Math.random()) }, body: '{}' });
  location.assign((await response.json()).redirectUrl);
});`;

async function openShop(page: Page, variant: string): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.href === SHOP)
      return route.fulfill({ contentType: 'text/html', body: shopPage(variant) });
    if (url.pathname === '/wpay-widget.iife.js') {
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(IIFE) });
    }
    if (url.pathname === '/hand-written.js') {
      return route.fulfill({ contentType: 'text/javascript', body: HAND_WRITTEN });
    }
    if (url.pathname === '/api/checkout') {
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ redirectUrl: HPP }),
      });
    }
    if (url.href === HPP) return route.fulfill({ contentType: 'text/html', body: '<p>pay</p>' });
    return route.abort();
  });
  await page.goto(SHOP);
}

/**
 * What one button's markup is: a plain <button>, a <wpay-button> with or without a price, or the
 * floor of any button with a shadow root: `<bench-shadow-floor>`, an open shadow root holding one
 * `<button><slot>` with <wpay-button>'s stylesheets adopted, and nothing else (`defineFloor`).
 */
type Markup = 'plain' | 'priced' | 'unpriced' | 'floor';

/** Defines `<bench-shadow-floor>` in the page (after the widget file has defined its tags). */
function defineFloor(page: Page): Promise<void> {
  return page.evaluate(() => {
    const styles = (customElements.get('wpay-button') as unknown as { elementStyles: unknown[] })
      .elementStyles;
    const sheets = styles.map((style) =>
      style instanceof CSSStyleSheet ? style : (style as { styleSheet: CSSStyleSheet }).styleSheet,
    );
    customElements.define(
      'bench-shadow-floor',
      class extends HTMLElement {
        constructor() {
          super();
          const root = this.attachShadow({ mode: 'open' });
          root.adoptedStyleSheets = sheets;
          const button = document.createElement('button');
          button.append(document.createElement('slot'));
          root.append(button);
        }
      },
    );
  });
}

/** Milliseconds from inserting `count` buttons to all of them rendered and laid out. */
function upgrade(page: Page, markup: Markup, count: number): Promise<number> {
  return page.evaluate(
    async ({ markup, count }) => {
      const host = document.getElementById('host') as HTMLElement;
      host.replaceChildren();
      const html = {
        plain: '<button type="button">Pay $19.99</button>',
        priced:
          '<wpay-button endpoint="/api/checkout" amount="19.99" currency="USD" locale="en-US" allowed-hosts="pay.test">Pay</wpay-button>',
        unpriced:
          '<wpay-button endpoint="/api/checkout" locale="en-US" allowed-hosts="pay.test">Pay $19.99</wpay-button>',
        floor: '<bench-shadow-floor>Pay $19.99</bench-shadow-floor>',
      }[markup];
      const start = performance.now();
      host.innerHTML = html.repeat(count);
      if (markup === 'priced' || markup === 'unpriced') {
        const buttons = [...host.children] as unknown as { updateComplete: Promise<boolean> }[];
        await Promise.all(buttons.map((button) => button.updateComplete));
      }
      void host.offsetHeight;
      return performance.now() - start;
    },
    { markup, count },
  );
}

/** The median of `times` runs of `upgrade`. */
async function medianUpgrade(page: Page, markup: Markup, count: number, times: number) {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) runs.push(await upgrade(page, markup, count));
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? Number.NaN;
}

const figures: Record<string, FigureMeta> = {
  'click → navigation': { unit: 'ms', better: 'lower' },
  // What a price costs: 1 000 priced <wpay-button>s against 1 000 showing the same label without
  // `amount` (the number formatting and price rendering alone), measured in the same page.
  'upgrade 1000 unpriced': { unit: 'ms', better: 'lower' },
  'priced ÷ unpriced 1000': {
    unit: '×',
    better: 'lower',
    target: { '<wpay-button>': { value: ['<=', 2] } },
  },
  // The floor of issue 15's 2×: 1 000 elements with a shadow root and the stylesheet but no
  // nodes of <wpay-button>'s own (defineFloor), measured in the <wpay-button> variant's page.
  'upgrade 1000 shadow-root floor': { unit: 'ms', better: 'lower' },
  'priced ÷ shadow-root floor 1000': { unit: '×', better: 'lower' },
};
for (const count of COUNTS) {
  figures[`upgrade ${count}`] = {
    unit: 'ms',
    better: 'lower',
    ...(count === 1000 ? { target: { ratio: ['<=', 2] as const } } : {}),
  };
}

const section: Section = {
  id: 'widget-runtime',
  title: 'Widget in Chromium: upgrade and click → navigation vs plain buttons',
  description:
    'Upgrade: innerHTML of N priced buttons until all rendered and laid out (median of 5 in one page), 1 000 without a price, and 1 000 bare shadow roots with the stylesheet (the floor); click: click() until the payment page is requested.',
  variants: VARIANTS,
  figures,
  async measure(variant, { quick }) {
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      await openShop(page, variant);
      const result: Record<string, number> = {};
      const markup: Markup = variant === VARIANTS[0] ? 'plain' : 'priced';
      const times = quick ? 3 : 5;
      await upgrade(page, markup, 100); // warm-up: JIT, styles, the number formatter
      for (const count of COUNTS) {
        result[`upgrade ${count}`] = await medianUpgrade(page, markup, count, times);
      }
      if (markup === 'priced') {
        const unpriced = await medianUpgrade(page, 'unpriced', 1000, times);
        result['upgrade 1000 unpriced'] = unpriced;
        result['priced ÷ unpriced 1000'] = (result['upgrade 1000'] ?? Number.NaN) / unpriced;
        await defineFloor(page);
        const floor = await medianUpgrade(page, 'floor', 1000, times);
        result['upgrade 1000 shadow-root floor'] = floor;
        result['priced ÷ shadow-root floor 1000'] = (result['upgrade 1000'] ?? Number.NaN) / floor;
      }
      await page.evaluate(() => document.getElementById('host')?.replaceChildren());
      const start = performance.now();
      await Promise.all([
        page.waitForRequest(HPP),
        page.evaluate(() => (document.getElementById('pay') as HTMLElement).click()),
      ]);
      result['click → navigation'] = performance.now() - start;
      return result;
    } finally {
      await browser.close();
    }
  },
};
export default section;
