import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Stack, startStack } from './harness.js';
import { buy, CARDS, payWith, returnOutcome } from './shop.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe (WCAG 2.1 A and AA) on the page and returns its violations, readably. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    return result.violations;
  });
  return (found as AxeViolation[]).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
  );
}

describe('every page passes axe', { timeout: 120_000 }, () => {
  let stack: Stack;
  let page: Page;
  before(async () => {
    stack = await startStack();
    page = await stack.newPage();
  });
  after(() => stack?.close());

  it('the storefront', async () => {
    await page.goto(stack.demo.loopbackUrl);
    await page.waitForFunction(() => customElements.get('wpay-button') !== undefined);
    assert.deepEqual(await violations(page), []);
  });

  it('the script-tag page', async () => {
    await page.goto(`${stack.demo.loopbackUrl}script-tag`);
    await page.waitForFunction(() => customElements.get('wpay-button') !== undefined);
    assert.deepEqual(await violations(page), []);
  });

  it('the success page, confirmed', async () => {
    await page.goto(stack.demo.loopbackUrl);
    await buy(page, 'Buy now (Sandbox Mug)', stack.demo.sandbox!.url);
    await payWith(page, CARDS.pays);
    await page.waitForURL(/\/success\?/);
    await returnOutcome(page);
    await page.locator('[data-order-status]').waitFor();
    assert.deepEqual(await violations(page), []);
  });

  it('the cancel page, after a declined card', async () => {
    await page.goto(stack.demo.loopbackUrl);
    await buy(page, 'Buy now (Sandbox Mug)', stack.demo.sandbox!.url);
    await payWith(page, CARDS.declined);
    await page.waitForURL(/\/cancel\?/);
    await returnOutcome(page);
    assert.deepEqual(await violations(page), []);
  });

  it('the "page not found" page', async () => {
    const response = await page.goto(`${stack.demo.loopbackUrl}no-such-page`);
    assert.equal(response?.status(), 404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    assert.deepEqual(await violations(page), []);
  });

  it('the admin page', async () => {
    await page.goto(`${stack.demo.loopbackUrl}admin`);
    await page.waitForFunction(() => document.body.dataset.loaded !== undefined);
    assert.deepEqual(await violations(page), []);
  });
});
