/** @module How a CI job launches the system's Chromium (Debian's `chromium` package) headless. */

/** Where Debian's and Ubuntu's `chromium` package installs the browser. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The switches every headless run in a container needs: `--no-sandbox` (Chromium refuses to run
 * as root with its sandbox), no GPU, and none of the background traffic or first-run work a
 * fresh profile would start (networking, component updates, sync).
 */
const HEADLESS_CI_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/**
 * Launch options for the system's Chromium, in the shape Playwright's `chromium.launch()`,
 * `@playwright/test`'s `use.launchOptions` and Puppeteer's `launch()` (web-test-runner's
 * `chromeLauncher({ launchOptions })`) all take.
 *
 * @example
 * ```ts
 * const options: ChromiumLaunchOptions = chromiumLaunchOptions();
 * ```
 */
export interface ChromiumLaunchOptions {
  /** The browser to run: `WPAY_CHROMIUM`, else `/usr/bin/chromium`. Never a downloaded one. */
  executablePath: string;
  /** Always headless: CI has no display. */
  headless: true;
  /** The CI switches (`--no-sandbox`…), then the caller's extra ones. */
  args: string[];
}

/**
 * Options of {@link chromiumLaunchOptions}.
 *
 * @example
 * ```ts
 * chromiumLaunchOptions({ args: ['--lang=de-DE'] });
 * ```
 */
export interface ChromiumLaunchOverrides {
  /** Another browser binary. Default: the `WPAY_CHROMIUM` variable, else `/usr/bin/chromium`. */
  executablePath?: string;
  /** Switches added after the CI ones. */
  args?: readonly string[];
}

/**
 * The one definition of how this kit's tests (and a shop's CI) start Chromium: the system's
 * binary (`apt-get install chromium`; `WPAY_CHROMIUM` points elsewhere), headless, with the
 * switches a root container needs. Install no browser with Playwright or Puppeteer
 * (`PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1`, `PUPPETEER_SKIP_DOWNLOAD=1`).
 *
 * @example
 * ```ts
 * import { chromium } from 'playwright-core';
 * import { chromiumLaunchOptions } from '@wpay/sandbox/testing';
 *
 * const browser = await chromium.launch(chromiumLaunchOptions());
 * // @playwright/test: defineConfig({ use: { launchOptions: chromiumLaunchOptions() } })
 * ```
 */
export function chromiumLaunchOptions({
  executablePath = process.env.WPAY_CHROMIUM || SYSTEM_CHROMIUM,
  args = [],
}: ChromiumLaunchOverrides = {}): ChromiumLaunchOptions {
  return { executablePath, headless: true, args: [...HEADLESS_CI_ARGS, ...args] };
}
