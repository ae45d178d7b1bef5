import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { withAllowedHosts } from './allowed-hosts.js';

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
 * `no-cache` rather than `no-store`, so the back-forward cache can keep them. With
 * `allowedHosts`, every `<wpay-button>` of a page gets it as its `allowed-hosts` attribute.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * mountStorefront(app, '/path/to/demo/dist', { allowedHosts: '127.0.0.1:41234' });
 * ```
 */
export function mountStorefront(
  app: Hono,
  distDir: string,
  { allowedHosts = '' }: { allowedHosts?: string } = {},
): void {
  const files = (cacheControl: string, path?: string) =>
    serveStatic({
      root: distDir,
      ...(path === undefined ? {} : { path }),
      onFound: (_path, c) => {
        c.header('Cache-Control', cacheControl);
      },
    });
  for (const [route, file] of Object.entries(PAGE_ROUTES)) {
    if (allowedHosts.trim() === '') {
      app.get(route, files('no-cache', file));
      continue;
    }
    app.get(route, async (c, next) => {
      const page = await readFile(join(distDir, file), 'utf8').catch(() => undefined);
      if (page === undefined) return next();
      c.header('Cache-Control', 'no-cache');
      return c.html(withAllowedHosts(page, allowedHosts));
    });
  }
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
