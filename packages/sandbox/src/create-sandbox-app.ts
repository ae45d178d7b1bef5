/** @module The sandbox as one `(Request) => Promise<Response>`: every route, signed in one step. */
import { Hono } from 'hono';
import { API_PATHS, answerApiCall } from './api/api-routes.js';
import { errorEnvelope } from './api/envelope.js';
import type { SandboxBindings, SandboxEnv } from './app-bindings.js';
import { mountControlRoutes } from './control/control-routes.js';
import { ConnectionDrop } from './http/connection-drop.js';
import { mountOpenApiRoute } from './http/openapi-route.js';
import { targetOf } from './http/request-target.js';
import { jsonResponse } from './http/responses.js';
import { signResponse } from './http/sign-response.js';
import { mountDashboardRoutes } from './pages/dashboard-routes.js';
import { mountHostedPageRoutes } from './pages/hosted-page-routes.js';
import type { SandboxContext } from './sandbox-context.js';

/**
 * The sandbox's HTTP core, free of any server: hand it a `Request`, get the `Response`.
 *
 * @example
 * ```ts
 * const response = await app.fetch(new Request(`${url}/__sandbox/state`));
 * ```
 */
export interface SandboxApp {
  /**
   * Answers one request. Rejects with {@link ConnectionDrop} when the request must get no answer
   * at all (a `timeout` fault), after holding it until its signal aborts or the hold ends.
   */
  fetch(request: Request, bindings?: SandboxBindings): Promise<Response>;
}

/**
 * Builds the core on Hono: control API (`/__sandbox/*`), dashboard (`/`), hosted pages
 * (`/hpp/*`), the OpenAPI document (`/openapi.json`) and the WPay API; any other path answers a 404 envelope. Every answer, errors
 * included, is signed like WPay's by one step around all routes.
 *
 * @example
 * ```ts
 * const app = createSandboxApp(ctx);
 * const response = await app.fetch(new Request('http://sandbox/__sandbox/clock'));
 * ```
 */
export function createSandboxApp(ctx: SandboxContext): SandboxApp {
  const app = new Hono<SandboxEnv>();
  mountControlRoutes(app, ctx);
  mountOpenApiRoute(app);
  mountDashboardRoutes(app, ctx);
  mountHostedPageRoutes(app, ctx);
  for (const path of API_PATHS) {
    app.all(path, (c) => answerApiCall(ctx, c.req.raw, targetOf(c.req.raw, c.env?.rawTarget)));
  }
  const failed = (error: Error, path: string): Response => {
    if (error instanceof ConnectionDrop) throw error;
    ctx.options.logger.error('sandbox request failed', { path, error: error.message });
    return jsonResponse(500, errorEnvelope('500', 'internal sandbox error'));
  };
  app.notFound((c) => jsonResponse(404, errorEnvelope('404', `path: no endpoint ${c.req.path}`)));
  app.onError((error, c) => failed(error, c.req.path));
  const apiPaths = new Set(API_PATHS);
  return {
    fetch: async (request, bindings = {}) => {
      const target = targetOf(request, bindings.rawTarget);
      let response: Response;
      if (apiPaths.has(target.path)) {
        // The WPay API is a handful of exact paths: answered without Hono's routing and context
        // (what it would do for them), which cost a WPay call as much as its signature check.
        try {
          response = await answerApiCall(ctx, request, target);
        } catch (error) {
          response = failed(error instanceof Error ? error : new Error(String(error)), target.path);
        }
      } else {
        response = await app.fetch(request, bindings);
      }
      // Signed here rather than in a middleware: `c.res = …` would copy the response.
      const { signKey } = ctx.options.credentials;
      const { signatureHeader, timestampHeader } = ctx.options;
      return signResponse(response, { signKey, signatureHeader, timestampHeader, target });
    },
  };
}
