import type { MiddlewareHandler } from 'hono';

/**
 * Guards the admin API's writes against cross-site requests: a write must be JSON (a cross-site
 * form cannot send `application/json` without a CORS preflight this server never grants) and,
 * when the browser says where it comes from, come from this origin.
 *
 * @example
 * ```ts
 * admin.use('*', sameOriginWrites());
 * ```
 */
export function sameOriginWrites(): MiddlewareHandler {
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
    if (crossSite || (origin !== undefined && origin !== new URL(c.req.url).origin)) {
      return c.json(
        { error: { code: 'forbidden_origin', message: 'Cross-site request refused' } },
        403,
      );
    }
    return next();
  };
}
