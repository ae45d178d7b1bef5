import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from './api-auth.js';
import { ApiError } from './api-error.js';
import type { RequestLogEntry, SandboxContext } from './context.js';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { errorEnvelope, okEnvelope } from './envelope.js';
import { type ActiveFault, firstOf } from './faults.js';
import { BodyTooLargeError, headerOf, readBody } from './http-io.js';
import { type RequestTarget, sendSigned } from './respond.js';
import { createHostedPage } from './routes/checkout.js';
import { listPayments, paymentDetail } from './routes/payments.js';
import { createRefund } from './routes/refunds.js';
import {
  cancelSubscription,
  listBills,
  listSubscriptions,
  subscriptionDetail,
} from './routes/subscriptions.js';
import { issueToken, TOKEN_PATH, tokenParams } from './routes/token.js';
import { sleep } from './sleep.js';

/** A business endpoint: the parsed JSON body in, `retdata` out (or an ApiError). */
type BusinessRoute = (body: unknown, ctx: SandboxContext) => unknown;

/** Every business endpoint of wpay-api.md §5 (all POST). */
export const BUSINESS_ROUTES: Readonly<Record<string, BusinessRoute>> = {
  '/checkout/w-payment/hpp': createHostedPage,
  '/checkout/w-payment/payments/list': listPayments,
  '/checkout/w-payment/payments/detail': paymentDetail,
  '/checkout/w-payment/refund': createRefund,
  '/checkout/w-payment/subscriptions/list': listSubscriptions,
  '/checkout/w-payment/subscriptions/detail': subscriptionDetail,
  '/checkout/w-payment/subscriptions/cancel': cancelSubscription,
  '/checkout/w-payment/subscriptions/bills': listBills,
};

/** Entries kept in the request log. */
const MAX_LOG = 10_000;
const JSON_TYPE = 'application/json; charset=utf-8';

/** An answer before it is sent. */
interface Answer {
  status: number;
  contentType: string;
  body: string;
  retcode: string | null;
}

/**
 * Whether a path is a WPay API endpoint (token or business).
 *
 * @example
 * ```ts
 * isApiPath('/checkout/w-payment/hpp'); // true
 * ```
 */
export function isApiPath(path: string): boolean {
  return path === TOKEN_PATH || Object.hasOwn(BUSINESS_ROUTES, path);
}

/**
 * Answers one WPay API call: faults, then auth and signature, then the endpoint; every answer
 * is signed and logged.
 *
 * @example
 * ```ts
 * await handleApi(ctx, req, res, { method: 'POST', path: '/checkout/w-payment/hpp', query: '' });
 * ```
 */
export async function handleApi(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
): Promise<void> {
  ctx.stats.requests += 1;
  if (target.path === TOKEN_PATH) ctx.stats.tokenRequests += 1;
  const entry: RequestLogEntry = {
    method: target.method,
    path: target.path,
    status: null,
    retcode: null,
    at: new Date().toISOString(),
    fault: null,
  };
  ctx.requestLog.push(entry);
  if (ctx.requestLog.length > MAX_LOG) ctx.requestLog.shift();

  let raw: Buffer;
  try {
    raw = await readBody(req, SANDBOX_DEFAULTS.maxBodyBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return finish(ctx, res, target, entry, envelopeAnswer(413, '413', 'body: larger than 1 MiB'));
  }

  const fired = ctx.faults.pick(target.path, 'http');
  const latency = fired
    .filter((f) => f.kind === 'latency')
    .reduce((sum, f) => sum + (f.latencyMs ?? SANDBOX_DEFAULTS.faultLatencyMs), 0);
  if (latency > 0) {
    entry.fault = 'latency';
    await sleep(latency, ctx.closing);
  }
  if (firstOf(fired, ['token-revoke'])) {
    entry.fault = 'token-revoke';
    ctx.tokens.revoke();
  }
  const terminal = firstOf(fired, ['http-5xx', 'retcode', 'malformed', 'timeout']);
  if (terminal?.phase === 'before') return injectFault(ctx, res, target, entry, terminal);
  const answer = answerOf(ctx, req, target, raw);
  if (terminal) return injectFault(ctx, res, target, entry, terminal);
  finish(ctx, res, target, entry, answer);
}

function answerOf(
  ctx: SandboxContext,
  req: IncomingMessage,
  target: RequestTarget,
  raw: Buffer,
): Answer {
  try {
    if (target.path === TOKEN_PATH) {
      if (target.method !== 'POST')
        throw new ApiError(405, '405', `method: use POST for ${target.path}`);
      const contentType = headerOf(req, 'content-type') ?? '';
      const body = issueToken(tokenParams(target.query, contentType, raw), ctx);
      return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(body), retcode: '200' };
    }
    const route = BUSINESS_ROUTES[target.path];
    if (!route) throw new ApiError(404, '404', `path: no endpoint ${target.path}`);
    if (target.method !== 'POST')
      throw new ApiError(405, '405', `method: use POST for ${target.path}`);
    authorize(ctx, req, target, raw);
    let body: unknown;
    try {
      body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ApiError(400, '400', 'body: not valid JSON');
    }
    const retdata = route(body, ctx);
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: JSON.stringify(okEnvelope(retdata)),
      retcode: '200',
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

function envelopeAnswer(status: number, retcode: string, retmsg: string): Answer {
  return {
    status,
    contentType: JSON_TYPE,
    body: JSON.stringify(errorEnvelope(retcode, retmsg)),
    retcode,
  };
}

function finish(
  ctx: SandboxContext,
  res: ServerResponse,
  target: RequestTarget,
  entry: RequestLogEntry,
  answer: Answer,
): void {
  entry.status = answer.status;
  entry.retcode = answer.retcode;
  ctx.options.logger.debug('api call', {
    method: entry.method,
    path: entry.path,
    status: answer.status,
    retcode: answer.retcode,
    fault: entry.fault,
  });
  if (answer.status >= 300 || (answer.retcode !== null && answer.retcode !== '200')) {
    ctx.stats.refusals += 1;
  }
  sendSigned(ctx, res, target, answer.status, answer.contentType, answer.body);
}

async function injectFault(
  ctx: SandboxContext,
  res: ServerResponse,
  target: RequestTarget,
  entry: RequestLogEntry,
  fault: ActiveFault,
): Promise<void> {
  entry.fault = fault.kind;
  ctx.options.logger.info('injected fault', { kind: fault.kind, path: target.path });
  if (fault.kind === 'http-5xx') {
    const status = fault.status ?? SANDBOX_DEFAULTS.faultHttpStatus;
    return finish(ctx, res, target, entry, {
      status,
      contentType: 'text/plain; charset=utf-8',
      body: `injected fault: HTTP ${status}`,
      retcode: null,
    });
  }
  if (fault.kind === 'retcode') {
    const retcode = fault.retcode ?? SANDBOX_DEFAULTS.faultRetcode;
    const answer = envelopeAnswer(fault.status ?? 200, retcode, fault.retmsg ?? 'injected fault');
    return finish(ctx, res, target, entry, answer);
  }
  if (fault.kind === 'malformed') {
    return finish(ctx, res, target, entry, {
      status: 200,
      contentType: JSON_TYPE,
      body: '{"retcode":"200","retmsg":"success","retdata":{"trxNo":',
      retcode: null,
    });
  }
  await hold(ctx, res, fault.holdMs);
}

/** A timeout fault: never answer; drop the connection after `holdMs`, when the client gives up, or on close. */
function hold(ctx: SandboxContext, res: ServerResponse, holdMs: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const release = () => {
      clearTimeout(timer);
      ctx.closing.removeEventListener('abort', release);
      res.destroy();
      resolve();
    };
    const timer = holdMs === undefined ? undefined : setTimeout(release, holdMs);
    res.once('close', release);
    ctx.closing.addEventListener('abort', release, { once: true });
  });
}
