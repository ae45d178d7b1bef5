import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@wpay/sandbox/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type Demo, type StartDemoOptions, startDemo } from '../server/start-demo.js';

export { eventually } from './eventually.js';

/**
 * Where the tests save their screenshots. With `UPDATE_SCREENSHOTS=1` they replace the ones the
 * README shows (`demo/docs/screenshots/`); otherwise they go to a temporary folder, so that a test run
 * leaves the work tree clean.
 */
export const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
    : mkdtempSync(join(tmpdir(), 'wpay-demo-screenshots-'));

/** Everything one test file needs: one demo, one browser. */
export interface Stack {
  readonly demo: Demo;
  readonly browser: Browser;
  /** A fresh browser context (own cookies, 1280×800) and its page. */
  newPage(options?: { javaScriptEnabled?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts the whole demo in-process on random ports with a fresh SQLite file, and one headless
 * Chromium with the back-forward cache enabled (Playwright disables it by default). The sandbox
 * runs its waits 1000 times faster (`timeScale`) unless `sandbox` says otherwise.
 *
 * @example
 * ```ts
 * let stack: Stack;
 * before(async () => { stack = await startStack(); });
 * after(() => stack.close());
 * ```
 */
export async function startStack(sandbox: StartDemoOptions['sandbox'] = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'wpay-demo-e2e-'));
  const demo = await startDemo({
    port: 0,
    dbPath: join(dir, 'demo.db'),
    sandbox: { timeScale: 1000, ...sandbox },
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      ...chromiumLaunchOptions(),
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    });
  } catch (error) {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    demo,
    browser,
    async newPage({ javaScriptEnabled = true } = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        javaScriptEnabled,
      });
      context.setDefaultTimeout(30_000);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
