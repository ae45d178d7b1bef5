import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
 * (`/admin`, `/success`), hashed assets cached for a year, everything else revalidated, and a
 * "page not found" page (a JSON error under `/api/`) for any other address. Pages are
 * `no-cache` rather than `no-store`, so the back-forward cache can keep them.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * mountStorefront(app, '/path/to/demo/dist');
 * ```
 */
export function mountStorefront(app: Hono, distDir: string): void {
  const files = (cacheControl: string, path?: string) =>
    serveStatic({
      root: distDir,
      ...(path === undefined ? {} : { path }),
      onFound: (_path, c) => {
        c.header('Cache-Control', cacheControl);
      },
    });
  for (const [route, file] of Object.entries(PAGE_ROUTES)) app.get(route, files('no-cache', file));
  app.get('/assets/*', files('public, max-age=31536000, immutable'));
  app.get('/vendor/*', files('no-cache'));
  app.notFound(async (c) => {
    if (c.req.path.startsWith('/api/')) {
      return c.json({ error: { code: 'not_found', message: 'No such API route' } }, 404);
    }
    const page = await readFile(join(distDir, 'not-found.html'), 'utf8').catch(() => 'Not found');
    return c.html(page, 404);
  });
}
