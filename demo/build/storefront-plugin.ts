import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { CATALOGUE, findProduct, type Product } from '../server/catalogue.js';
import { isOutcomeIcon, outcomeIcon } from './outcome-icons.js';
import { productCard } from './product-card.js';
import { type NavPage, siteFooter, siteHeader, siteIcon } from './site-chrome.js';

const MARKER = /<!--\s*@([a-z-]+)(?:\s+([a-z0-9_-]+))?\s*-->/g;
const NAV_PAGES: readonly NavPage[] = ['shop', 'script-tag', 'admin', 'none'];

/** Where the widget's script-tag build is served from, on every page that loads it. */
export const IIFE_PATH = 'vendor/wpay-widget.iife.js';

/**
 * Fills the storefront's HTML at build time from the server's catalogue, so prices have one
 * source, and repeats nothing by hand: `<!-- @favicon -->`, `<!-- @header shop -->`, `<!-- @footer -->`,
 * `<!-- @products one_time -->`, `<!-- @products subscription -->`, `<!-- @product <sku> -->` and
 * `<!-- @icon done|notice|stop -->`. An unknown marker fails the build.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [storefrontPages()] });
 * ```
 */
export function storefrontPages(catalogue: readonly Product[] = CATALOGUE): Plugin {
  return {
    name: 'wpay-demo:storefront-pages',
    transformIndexHtml(html, context) {
      return html.replace(MARKER, (_match, name: string, arg: string | undefined) =>
        expand(name, arg, catalogue, context.filename),
      );
    },
  };
}

function expand(
  name: string,
  arg: string | undefined,
  catalogue: readonly Product[],
  file: string,
): string {
  if (name === 'favicon') return siteIcon();
  if (name === 'icon' && arg && isOutcomeIcon(arg)) return outcomeIcon(arg);
  if (name === 'header' && NAV_PAGES.includes(arg as NavPage)) return siteHeader(arg as NavPage);
  if (name === 'footer') return siteFooter();
  if (name === 'products' && (arg === 'one_time' || arg === 'subscription')) {
    const wanted = catalogue.filter((p) => (arg === 'subscription') === (p.interval !== undefined));
    return wanted.map((product) => productCard(product)).join('\n');
  }
  if (name === 'product' && arg) {
    const product = findProduct(arg, catalogue);
    if (product) return productCard(product);
  }
  throw new Error(`${file}: unknown storefront marker <!-- @${name}${arg ? ` ${arg}` : ''} -->`);
}

/**
 * Copies `@wpay/widget/iife` (the self-contained script-tag build) into the site as
 * `vendor/wpay-widget.iife.js`, exactly as a merchant would host the file.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [widgetScriptTag()] });
 * ```
 */
export function widgetScriptTag(): Plugin {
  return {
    name: 'wpay-demo:widget-script-tag',
    apply: 'build',
    generateBundle() {
      const file = createRequire(import.meta.url).resolve('@wpay/widget/iife');
      this.emitFile({ type: 'asset', fileName: IIFE_PATH, source: readFileSync(file) });
    },
  };
}

/** The file whose age tells the demo server when the storefront was last built. */
export const BUILD_STAMP = '.built';

/**
 * Writes `dist/.built` after each build, so that the demo server's start-up check knows the
 * storefront is up to date, whoever ran the build (`pnpm build` or the server itself).
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [buildStamp()] });
 * ```
 */
export function buildStamp(): Plugin {
  let outDir = '';
  return {
    name: 'wpay-demo:build-stamp',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      writeFileSync(join(outDir, BUILD_STAMP), `${new Date().toISOString()}\n`);
    },
  };
}
