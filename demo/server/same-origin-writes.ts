import type { MiddlewareHandler } from 'hono';

/**
 * Guards the admin API's writes against cross-site requests: a write must be JSON (a cross-site
 * form cannot send `application/json` without a CORS preflight this server never grants) and,
 * when the browser says where it comes from, come from one of `allowedOrigins` — the shop's own
 * origins from configuration, never the request's `Host` (which the sender chooses).
 *
 * @example
 * ```ts
 * admin.use('*', sameOriginWrites(['https://shop.example']));
 * ```
 */
export function sameOriginWrites(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      return c.json(
        { error: { code: 'unsupported_media_type', message: 'Send JSON (application/json)' } },
        415,
      );
    }
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    if (crossSite || (origin !== undefined && !allowed.has(origin))) {
      return c.json(
        { error: { code: 'forbidden_origin', message: 'Cross-site request refused' } },
        403,
      );
    }
    return next();
  };
}
