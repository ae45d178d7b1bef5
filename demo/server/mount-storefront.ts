import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** The storefront's pages, by the clean URL they are served at. */
export const PAGE_ROUTES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/script-tag': 'script-tag.html',
  '/success': 'success.html',
  '/cancel': 'cancel.html',
  '/admin': 'admin.html',
};

/**
 * Serves the built storefront (`vite build` output) from `distDir`: pages at clean URLs
 * (`/admin`, `/success`), hashed assets cached for a year, everything else revalidated. Pages are
 * `no-cache` rather than `no-store`, so the back-forward cache can keep them.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * mountStorefront(app, '/path/to/demo/dist');
 * ```
 */
export function mountStorefront(app: Hono, distDir: string): void {
  for (const [route, file] of Object.entries(PAGE_ROUTES)) {
    app.get(
      route,
      serveStatic({
        root: distDir,
        path: file,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'no-cache');
        },
      }),
    );
  }
  app.get(
    '/assets/*',
    serveStatic({
      root: distDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get(
    '/vendor/*',
    serveStatic({
      root: distDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'no-cache');
      },
    }),
  );
}
