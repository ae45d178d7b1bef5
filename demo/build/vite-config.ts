import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';
import { buildStamp, storefrontPages, widgetScriptTag } from './storefront-plugin.js';

/** The storefront's sources (Vite's root). */
export const STOREFRONT_DIR = fileURLToPath(new URL('../storefront/', import.meta.url));
/** Where `vite build` writes the storefront, and where the merchant server serves it from. */
export const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * The storefront's pages: each is a Vite entry, served by the merchant server at `/<name>`
 * (`not-found` answers every unknown address).
 */
export const PAGES = ['index', 'script-tag', 'success', 'cancel', 'admin', 'not-found'] as const;

/**
 * The storefront's Vite configuration, shared by `vite build` (vite.config.ts) and by the demo's
 * start-up build.
 *
 * @example
 * ```ts
 * import { build } from 'vite';
 * await build(storefrontViteConfig({ logLevel: 'warn' }));
 * ```
 */
export function storefrontViteConfig({
  logLevel = 'info',
}: {
  logLevel?: InlineConfig['logLevel'];
} = {}): InlineConfig {
  return {
    configFile: false,
    root: STOREFRONT_DIR,
    base: '/',
    logLevel,
    plugins: [storefrontPages(), widgetScriptTag(), buildStamp()],
    build: {
      outDir: DIST_DIR,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rolldownOptions: {
        input: Object.fromEntries(PAGES.map((page) => [page, `${STOREFRONT_DIR}${page}.html`])),
      },
    },
  };
}
