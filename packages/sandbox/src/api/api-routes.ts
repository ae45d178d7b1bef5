/** @module The WPay API (wpay-api.md §5): faults, then auth and signature, then the endpoint. */

import { PATHS, SUCCESS_RETCODE } from '@wpay/protocol';
import { SANDBOX_DEFAULTS } from '../defaults.js';
import { isoTimeOf } from '../domain/iso-time.js';
import { type ActiveFault, firstOf } from '../faults/fault-injector.js';
import { ConnectionDrop } from '../http/connection-drop.js';
import { BodyTooLargeError, readBody } from '../http/read-body.js';
import type { RequestTarget } from '../http/request-target.js';
import { textResponse } from '../http/responses.js';
import type { RequestLogEntry, SandboxContext } from '../sandbox-context.js';
import { sleep } from '../sleep.js';
import { ApiError, refuse } from './api-error.js';
import { authorize } from './authorize.js';
import { errorEnvelope, okEnvelope } from './envelope.js';
import { createHostedPage } from './routes/create-hosted-page.js';
import { createRefund } from './routes/create-refund.js';
import { issueToken, tokenParams } from './routes/issue-token.js';
import { listPayments, paymentDetail } from './routes/payments.js';
import {
  cancelSubscription,
  listBills,
  listSubscriptions,
  subscriptionDetail,
} from './routes/subscriptions.js';

/** A business endpoint: the parsed JSON body in, `retdata` out (or an ApiError). */
type BusinessRoute = (body: unknown, ctx: SandboxContext) => unknown;

/**
 * Every business endpoint of wpay-api.md §5 (all POST).
 *
 * @example
 * ```ts
 * Object.keys(BUSINESS_ROUTES).includes('/checkout/w-payment/hpp'); // true
 * ```
 */
export const BUSINESS_ROUTES: Readonly<Record<string, BusinessRoute>> = {
  [PATHS.checkoutCreate]: createHostedPage,
  [PATHS.paymentsList]: listPayments,
  [PATHS.paymentsDetail]: paymentDetail,
  [PATHS.refundCreate]: createRefund,
  [PATHS.subscriptionsList]: listSubscriptions,
  [PATHS.subscriptionsDetail]: subscriptionDetail,
  [PATHS.subscriptionsCancel]: cancelSubscription,
  [PATHS.subscriptionsBills]: listBills,
};

/**
 * Every path of the WPay API: the token endpoint, then the business endpoints.
 *
 * @example
 * ```ts
 * API_PATHS[0]; // '/user/auth/oauth2/token'
 * ```
 */
export const API_PATHS: readonly string[] = [PATHS.token, ...Object.keys(BUSINESS_ROUTES)];

/** Entries kept in the request log. */
const MAX_LOG = 10_000;
const JSON_TYPE = 'application/json; charset=utf-8';

/** An answer before it becomes a `Response` (its retcode is logged and counted). */
interface Answer {
  status: number;
  contentType: string;
  body: string;
  retcode: string | null;
}

/**
 * Answers one WPay API call: faults, then auth and signature, then the endpoint; every answer
 * is logged. A `timeout` fault never answers: it throws {@link ConnectionDrop} once its hold ends.
 *
 * @example
 * ```ts
 * const response = await answerApiCall(ctx, request, { method: 'POST', path: '/checkout/w-payment/hpp', query: '' });
 * ```
 */
export async function answerApiCall(
  ctx: SandboxContext,
  request: Request,
  target: RequestTarget,
): Promise<Response> {
  ctx.stats.requests += 1;
  if (target.path === PATHS.token) ctx.stats.tokenRequests += 1;
  const entry: RequestLogEntry = {
    method: target.method,
    path: target.path,
    status: null,
    retcode: null,
    at: isoTimeOf(Date.now()),
    fault: null,
  };
  ctx.requestLog.push(entry);
  if (ctx.requestLog.length > MAX_LOG) ctx.requestLog.shift();

  let raw: Uint8Array;
  try {
    raw = await readBody(request, SANDBOX_DEFAULTS.maxBodyBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return finish(ctx, entry, envelopeAnswer(413, '413', 'body: larger than 1 MiB'));
  }

  const fired = ctx.faults.pick(target.path, 'http');
  if (fired.length === 0) return finish(ctx, entry, answerOf(ctx, request.headers, target, raw));
  const latency = fired
    .filter((fault) => fault.kind === 'latency')
    .reduce((sum, fault) => sum + (fault.latencyMs ?? SANDBOX_DEFAULTS.faultLatencyMs), 0);
  if (latency > 0) {
    entry.fault = 'latency';
    await sleep(latency, ctx.closing);
  }
  if (firstOf(fired, ['token-revoke'])) {
    entry.fault = 'token-revoke';
    ctx.tokens.revoke();
  }
  const terminal = firstOf(fired, ['http-5xx', 'retcode', 'malformed', 'timeout']);
  if (terminal?.phase === 'before') return injectFault(ctx, request, target, entry, terminal);
  const answer = answerOf(ctx, request.headers, target, raw);
  if (terminal) return injectFault(ctx, request, target, entry, terminal);
  return finish(ctx, entry, answer);
}

function answerOf(
  ctx: SandboxContext,
  headers: Headers,
  target: RequestTarget,
  raw: Uint8Array,
): Answer {
  try {
    if (target.path === PATHS.token) {
      if (target.method !== 'POST')
        throw new ApiError(405, '405', `method: use POST for ${target.path}`);
      const contentType = headers.get('content-type') ?? '';
      const body = issueToken(tokenParams(target.query, contentType, Buffer.from(raw)), ctx);
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: JSON.stringify(body),
        retcode: SUCCESS_RETCODE,
      };
    }
    const route = BUSINESS_ROUTES[target.path];
    if (!route) throw refuse('notFound', `path: no endpoint ${target.path}`);
    if (target.method !== 'POST')
      throw new ApiError(405, '405', `method: use POST for ${target.path}`);
    authorize(ctx, headers, target, raw);
    let body: unknown;
    try {
      body = raw.length === 0 ? {} : JSON.parse(utf8Of(raw));
    } catch {
      throw refuse('invalidField', 'body: not valid JSON');
    }
    const retdata = route(body, ctx);
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: JSON.stringify(okEnvelope(retdata)),
      retcode: SUCCESS_RETCODE,
    };
  } catch (error) {
    if (error instanceof ApiError)
      return envelopeAnswer(error.httpStatus, error.retcode, error.message);
    ctx.options.logger.error('sandbox endpoint failed', {
      path: target.path,
      error: error instanceof Error ? error.message : String(error),
    });
    return envelopeAnswer(500, '500', 'internal sandbox error');
  }
}

/** The bytes as UTF-8 text, without copying them first. */
function utf8Of(raw: Uint8Array): string {
  return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
}

function envelopeAnswer(status: number, retcode: string, retmsg: string): Answer {
  return {
    status,
    contentType: JSON_TYPE,
    body: JSON.stringify(errorEnvelope(retcode, retmsg)),
    retcode,
  };
}

function finish(ctx: SandboxContext, entry: RequestLogEntry, answer: Answer): Response {
  entry.status = answer.status;
  entry.retcode = answer.retcode;
  ctx.options.logger.debug?.('api call', {
    method: entry.method,
    path: entry.path,
    status: answer.status,
    retcode: answer.retcode,
    fault: entry.fault,
  });
  if (answer.status >= 300 || (answer.retcode !== null && answer.retcode !== SUCCESS_RETCODE)) {
    ctx.stats.refusals += 1;
  }
  return textResponse(answer.status, answer.contentType, answer.body);
}

async function injectFault(
  ctx: SandboxContext,
  request: Request,
  target: RequestTarget,
  entry: RequestLogEntry,
  fault: ActiveFault,
): Promise<Response> {
  entry.fault = fault.kind;
  ctx.options.logger.info?.('injected fault', { kind: fault.kind, path: target.path });
  if (fault.kind === 'http-5xx') {
    const status = fault.status ?? SANDBOX_DEFAULTS.faultHttpStatus;
    return finish(ctx, entry, {
      status,
      contentType: 'text/plain; charset=utf-8',
      body: `injected fault: HTTP ${status}`,
      retcode: null,
    });
  }
  if (fault.kind === 'retcode') {
    const retcode = fault.retcode ?? SANDBOX_DEFAULTS.faultRetcode;
    const answer = envelopeAnswer(fault.status ?? 200, retcode, fault.retmsg ?? 'injected fault');
    return finish(ctx, entry, answer);
  }
  if (fault.kind === 'malformed') {
    return finish(ctx, entry, {
      status: 200,
      contentType: JSON_TYPE,
      body: '{"retcode":"200","retmsg":"success","retdata":{"trxNo":',
      retcode: null,
    });
  }
  await hold(ctx, request.signal, fault.holdMs);
  throw new ConnectionDrop(`timeout fault on ${target.path}`);
}

/** A timeout fault: no answer until `holdMs` passed, the client gave up, or the sandbox closes. */
function hold(ctx: SandboxContext, signal: AbortSignal, holdMs: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const release = () => {
      clearTimeout(timer);
      ctx.closing.removeEventListener('abort', release);
      signal.removeEventListener('abort', release);
      resolve();
    };
    const timer = holdMs === undefined ? undefined : setTimeout(release, holdMs);
    if (signal.aborted || ctx.closing.aborted) return release();
    signal.addEventListener('abort', release, { once: true });
    ctx.closing.addEventListener('abort', release, { once: true });
  });
}
