import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleApi, isApiPath } from './api-handler.js';
import type { SandboxContext } from './context.js';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { errorEnvelope } from './envelope.js';
import { splitTarget } from './http-io.js';
import { type RequestTarget, sendSigned } from './respond.js';
import { handleControl } from './routes/control.js';
import { DASHBOARD_ACTIONS, handleDashboard } from './routes/dashboard.js';
import { handleHostedPage } from './routes/hosted-page.js';

/**
 * The sandbox's `node:http` listener: control API (`/__sandbox/*`), dashboard (`/`), hosted pages
 * (`/hpp/:id`) and the WPay API; any other path answers a signed 404 envelope.
 *
 * @example
 * ```ts
 * const server = createServer(createRequestListener(ctx));
 * ```
 */
export function createRequestListener(ctx: SandboxContext): RequestListener {
  return (req, res) => {
    const target = { method: (req.method ?? 'GET').toUpperCase(), ...splitTarget(req.url ?? '/') };
    route(ctx, req, res, target).catch((error: unknown) => {
      ctx.options.logger.error('sandbox request failed', {
        path: target.path,
        error: error instanceof Error ? error.message : String(error),
      });
      if (!res.headersSent) {
        sendSigned(
          ctx,
          res,
          target,
          500,
          'application/json; charset=utf-8',
          JSON.stringify(errorEnvelope('500', 'internal sandbox error')),
        );
      } else {
        res.destroy();
      }
    });
  };
}

function route(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
): Promise<void> {
  const { path } = target;
  const { controlPath } = SANDBOX_DEFAULTS;
  const { hostedPagePath } = ctx.options.defaults;
  if (path === controlPath || path.startsWith(`${controlPath}/`)) {
    return handleControl(ctx, req, res, target);
  }
  if (path === '/' || path.startsWith(DASHBOARD_ACTIONS))
    return handleDashboard(ctx, req, res, target);
  if (path.startsWith(`${hostedPagePath}/`)) return handleHostedPage(ctx, req, res, target);
  if (isApiPath(path)) return handleApi(ctx, req, res, target);
  req.resume();
  sendSigned(
    ctx,
    res,
    target,
    404,
    'application/json; charset=utf-8',
    JSON.stringify(errorEnvelope('404', `path: no endpoint ${path}`)),
  );
  return Promise.resolve();
}
