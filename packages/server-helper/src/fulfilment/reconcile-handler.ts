/**
 * `fulfilment.reconcileHandler()`: the endpoint a cron job or scheduler calls to run one sweep.
 * Never open: it needs a configured secret, sent as `Authorization: Bearer <secret>` (Vercel Cron
 * and most schedulers send exactly that).
 *
 * `GET` or `POST` → `200` with the {@link ReconcileReport}; 401 (missing or wrong bearer), 405
 * (another method), 500 (the sweep itself failed, e.g. `pending()` threw).
 *
 * @module
 */
import { errorResponse, jsonResponse } from '../handlers/error-response.js';
import { describeError, type Logger, silentLogger } from '../logger.js';
import { assertSecret, hasBearer } from './bearer-secret.js';
import type { ReconcileOptions, ReconcileReport } from './reconcile.js';

/**
 * Options of the reconcile endpoint: the sweep's options plus its secret.
 *
 * @example
 * ```ts
 * const options: ReconcileHandlerOptions = { secret: process.env.CRON_SECRET!, pending: () => db.openOrders() };
 * ```
 */
export interface ReconcileHandlerOptions extends ReconcileOptions {
  /** The bearer token the scheduler sends; at least 32 characters. Required. */
  secret: string;
  /** Where failed sweeps are reported. */
  logger?: Logger;
}

/**
 * Creates the reconcile endpoint over a sweep function.
 *
 * @example
 * ```ts
 * const handler = createReconcileHandler((o) => fulfilment.reconcile(o), { secret, pending });
 * ```
 */
export function createReconcileHandler(
  sweep: (options: ReconcileOptions) => Promise<ReconcileReport>,
  { secret, logger = silentLogger, ...options }: ReconcileHandlerOptions,
): (request: Request) => Promise<Response> {
  assertSecret(secret, 'secret', 'reconcileHandler');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', 'Use GET or POST', {
        headers: { allow: 'GET, POST' },
      });
    }
    if (!(await hasBearer(request, secret))) {
      return errorResponse(401, 'unauthorized', 'Send Authorization: Bearer <secret>', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    try {
      return jsonResponse(200, await sweep(options));
    } catch (error) {
      logger.error('reconcileHandler: the sweep failed', describeError(error));
      return errorResponse(500, 'reconcile_failed', 'The sweep failed; see the server log');
    }
  };
}
