/**
 * A signed business call (§3–4): serialize the body once, sign those exact bytes with a fresh
 * timestamp on every attempt, send, read the envelope, verify the response signature when asked,
 * retry where safe, and on an auth failure drop the token and retry with a new one (once, unless
 * the refusal is explained by a change of token; see `authRetryLimit`).
 *
 * @module
 */
import type * as z from 'zod/mini';
import { WPayAuthError, WPaySignatureError } from '../errors.js';
import { validateAnswer } from '../validate.js';
import type { TransportContext } from './context.js';
import { interpretEnvelope } from './envelope.js';
import type { RetryPolicy } from './retry.js';
import { type Answer, sendAttempt } from './send.js';
import { messageToSign } from './sign.js';
import type { TokenManager } from './token-manager.js';
import { withRetries } from './with-retries.js';

/**
 * Per-call options of `wpay.request(…)`.
 *
 * @example
 * ```ts
 * const options: RequestOptions<Payment> = { schema: paymentSchema, retry: 'safe', timeoutMs: 5_000 };
 * const payment = await wpay.request('/checkout/w-payment/payments/detail', { trxNo }, options);
 * ```
 */
export interface RequestOptions<T = unknown> {
  /**
   * Parses `retdata`: any zod 4 schema, classic or `zod/mini` (use loose objects); without it
   * `retdata` is returned as `unknown`.
   */
  schema?: z.core.$ZodType<T>;
  /** How the call may be retried; default `'unsent-only'` (safe for any call). */
  retry?: RetryPolicy;
  /** Overrides the `maxRetries` option for this call. */
  maxRetries?: number;
  /** Overrides the `timeoutMs` option for this call. */
  timeoutMs?: number;
  /** Aborts the call (the abort reason is thrown as is). */
  signal?: AbortSignal;
  /** Names the call in validation messages, e.g. `'payments.retrieve'`. */
  name?: string;
}

function splitPath(path: string): { pathname: string; query: string } {
  const at = path.indexOf('?');
  return at < 0
    ? { pathname: path, query: '' }
    : { pathname: path.slice(0, at), query: path.slice(at + 1) };
}

async function verifyAnswer(
  ctx: TransportContext,
  answer: Answer,
  signedPath: string,
  query: string,
) {
  const { signature: signatureHeader, timestamp: timestampHeader } = ctx.settings.protocol.headers;
  const path = signedPath;
  const signature = answer.headers.get(signatureHeader);
  const timestamp = answer.headers.get(timestampHeader);
  if (!signature || !timestamp) {
    throw new WPaySignatureError({
      path,
      reason: 'missing_header',
      message: `The response to ${path} has no ${signature ? timestampHeader : signatureHeader} header`,
    });
  }
  const tolerance = ctx.settings.responseTimestampToleranceMs;
  if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - ctx.now()) > tolerance) {
    throw new WPaySignatureError({
      path,
      reason: 'bad_timestamp',
      message: `The response to ${path} has a ${timestampHeader} outside ±${tolerance} ms of this clock`,
    });
  }
  const parts = { method: 'POST', timestamp, path: signedPath, query, body: answer.text };
  if (!(await ctx.signer.verify(messageToSign(parts), signature))) {
    throw new WPaySignatureError({ path, reason: 'signature_mismatch' });
  }
}

/** What every attempt of one business call sends. */
interface SignedCall {
  ctx: TransportContext;
  path: string;
  url: string;
  signedPath: string;
  query: string;
  bytes: string;
  body: unknown;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

/** One attempt of `call`: signed with a fresh timestamp, sent, its envelope read (and verified). */
async function sendSigned(call: SignedCall, accessToken: string, number: number): Promise<unknown> {
  const { ctx, path, signedPath, query, bytes } = call;
  const timestamp = ctx.now();
  const message = messageToSign({
    method: 'POST',
    timestamp,
    path: signedPath,
    query,
    body: bytes,
  });
  const { signer, settings } = ctx;
  const signature = signer.signNow ? signer.signNow(message) : await signer.sign(message);
  const names = settings.protocol.headers;
  const answer = await sendAttempt(ctx, {
    kind: 'api',
    path,
    url: call.url,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      [names.authorization]: `Bearer ${accessToken}`,
      [names.signature]: signature,
      [names.timestamp]: String(timestamp),
    },
    body: bytes,
    bodyForHooks: call.body,
    attempt: number,
    timeoutMs: call.timeoutMs,
    signal: call.signal,
  });
  const data = interpretEnvelope(answer, { path, settings, now: ctx.now(), scrub: ctx.scrub });
  if (settings.verifyResponses) await verifyAnswer(ctx, answer, signedPath, query);
  return data;
}

/** One business call; see {@link RequestOptions}. */
export interface ApiCall {
  path: string;
  body: unknown;
  options: RequestOptions<unknown>;
}

/**
 * Sends a signed business call and returns its parsed `retdata`.
 *
 * @throws {WPayApiError} / {@link WPayAuthError} when WPay refuses, {@link WPayNetworkError},
 *   {@link WPayTimeoutError}, {@link WPaySignatureError}, or {@link WPayValidationError} when the
 *   answer does not match `schema`.
 * @example
 * ```ts
 * const payment = await apiRequest(ctx, tokens, '/checkout/w-payment/payments/detail', { trxNo },
 *   { schema: paymentSchema, retry: 'safe' });
 * ```
 */
export async function apiRequest<T>(
  ctx: TransportContext,
  tokens: TokenManager,
  path: string,
  body: unknown,
  options: RequestOptions<T> = {},
): Promise<T> {
  const bytes = body === undefined ? '' : JSON.stringify(body);
  const { pathname, query } = splitPath(path);
  const signedPath = `${ctx.basePath}${pathname}`;
  const url = `${ctx.baseUrl}${pathname}${query ? `?${query}` : ''}`;
  const call: SignedCall = {
    ctx,
    path,
    url,
    signedPath,
    query,
    bytes,
    body,
    timeoutMs: options.timeoutMs ?? ctx.settings.timeoutMs,
    signal: options.signal,
  };

  const retry = {
    kind: 'api' as const,
    path,
    policy: options.retry ?? 'unsent-only',
    maxRetries: options.maxRetries ?? ctx.settings.maxRetries,
    signal: options.signal,
  };
  let data: unknown;
  // A refusal explained by a change (the token was replaced, or had worked before: revoked or
  // expired since) is retried with the new token; an unexplained one once. At most
  // `authRetryLimit` auth retries in all (a path that always answers 401 must not churn tokens).
  for (let authRetries = 0, unexplained = 0; ; authRetries++) {
    const accessToken = tokens.current() ?? (await tokens.get());
    try {
      data = await withRetries(ctx, retry, (number) => sendSigned(call, accessToken, number));
      tokens.accepted(accessToken);
      break;
    } catch (error) {
      if (!(error instanceof WPayAuthError)) throw error;
      const explained = await tokens.invalidate(accessToken);
      if (!explained) unexplained++;
      if (unexplained > 1 || authRetries >= ctx.settings.authRetryLimit) throw error;
      ctx.logger.debug?.('wpay: token refused; retrying with a new one', { path, explained });
    }
  }
  if (!options.schema) return data as T;
  return validateAnswer(options.schema, data, `answer of ${options.name ?? path}`);
}
