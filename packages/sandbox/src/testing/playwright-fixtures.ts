/** @module Fixtures for @playwright/test's `test.extend`: a sandbox per worker, the hosted page. */
import type { SandboxOptions } from '../options.js';
import { type Sandbox, startSandbox } from '../start-sandbox.js';
import {
  type HostedPageBrowser,
  type PayOnHostedPage,
  payOnHostedPage,
} from './pay-on-hosted-page.js';

/**
 * What the fixtures give a test.
 *
 * @example
 * ```ts
 * test('pays', async ({ sandbox, payOnHostedPage }) => { … });
 * ```
 */
export interface SandboxFixtures {
  /** This worker's sandbox, `reset()` before the test. */
  sandbox: Sandbox;
  /** Completes the hosted page open in `page` (see the plain `payOnHostedPage`). */
  payOnHostedPage: (options?: PayOnHostedPage) => Promise<URL>;
}

/**
 * The worker-scoped part: one sandbox per Playwright worker, so parallel workers never share one.
 *
 * @example
 * ```ts
 * test.extend<SandboxFixtures, SandboxWorkerFixtures>(sandboxFixtures());
 * ```
 */
export interface SandboxWorkerFixtures {
  sandboxWorker: Sandbox;
}

type Use<T> = (value: T) => Promise<void>;

/** A worker-scoped fixture as `test.extend` takes it: the function and `{ scope: 'worker' }`. */
type WorkerFixture<T> = [(dependencies: object, use: Use<T>) => Promise<void>, { scope: 'worker' }];

/**
 * The fixtures to hand to `test.extend`: `sandboxWorker` (worker scope: started on port 0 with
 * `options`, closed when the worker ends), `sandbox` (the same, reset before each test) and
 * `payOnHostedPage` (bound to the test's `page`). Works with @playwright/test's `test.extend`;
 * the package itself needs no Playwright.
 *
 * @example
 * ```ts
 * import { test as base, expect } from '@playwright/test';
 * import { sandboxFixtures, type SandboxFixtures, type SandboxWorkerFixtures } from '@wpay/sandbox/testing';
 * export const test = base.extend<SandboxFixtures, SandboxWorkerFixtures>(sandboxFixtures({ timeScale: 1000 }));
 * test('pays', async ({ page, sandbox, payOnHostedPage }) => {
 *   await page.goto(shopUrl); // the shop's checkout button leads to the hosted page
 *   await payOnHostedPage({ card: 'success' });
 *   await sandbox.waitForPayment(trxNo, 'PAID');
 * });
 * ```
 */
export function sandboxFixtures(options: SandboxOptions = {}): {
  sandboxWorker: WorkerFixture<Sandbox>;
  sandbox: (dependencies: SandboxWorkerFixtures, use: Use<Sandbox>) => Promise<void>;
  payOnHostedPage: (
    dependencies: { page: HostedPageBrowser },
    use: Use<SandboxFixtures['payOnHostedPage']>,
  ) => Promise<void>;
} {
  return {
    sandboxWorker: [
      // Playwright reads the fixture's dependencies from this first parameter: it must be a pattern.
      // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture syntax needs `{}`.
      async ({}, use: Use<Sandbox>) => {
        const sb = await startSandbox({ port: 0, ...options });
        try {
          await use(sb);
        } finally {
          await sb.close();
        }
      },
      { scope: 'worker' },
    ],
    sandbox: async ({ sandboxWorker }: { sandboxWorker: Sandbox }, use: Use<Sandbox>) => {
      sandboxWorker.reset();
      await use(sandboxWorker);
    },
    payOnHostedPage: async (
      { page }: { page: HostedPageBrowser },
      use: Use<(how?: PayOnHostedPage) => Promise<URL>>,
    ) => {
      await use((how) => payOnHostedPage(page, how));
    },
  };
}
