/**
 * One HTTP attempt: timeout (covering the body), hooks, and network errors turned into
 * `WPayNetworkError` / `WPayTimeoutError`.
 *
 * @module
 */
import { WPayNetworkError, WPayTimeoutError } from '../errors.js';
import type { TransportContext } from './context.js';
import { createDeadlineSignals, type DeadlineSignals } from './deadline-signals.js';
import { redactBody, redactHeaders } from './redact.js';
import { causedByCode } from './retry.js';
import { scrubCause } from './scrub-cause.js';

/** One attempt to send. */
export interface Attempt {
  kind: 'token' | 'api';
  /** The path as called (for messages and hooks). */
  path: string;
  url: string;
  headers: Record<string, string>;
  body: string | FormData | URLSearchParams;
  /** The body as shown to hooks (secrets are redacted again there). */
  bodyForHooks: unknown;
  /** 1 for the first attempt. */
  attempt: number;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** The answer of one attempt: status, headers and the body text. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

function parseForHooks(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}

function callHook<E>(ctx: TransportContext, hook: (event: E) => void, event: E) {
  try {
    hook(event);
  } catch (error) {
    ctx.logger.warn('wpay: a hook threw; ignored', {
      error: ctx.scrub(error instanceof Error ? error.message : String(error)),
    });
  }
}

function linkSignal(outer: AbortSignal | undefined, controller: AbortController): () => void {
  if (!outer) return () => {};
  if (outer.aborted) controller.abort(outer.reason);
  const onAbort = () => controller.abort(outer.reason);
  outer.addEventListener('abort', onAbort, { once: true });
  return () => outer.removeEventListener('abort', onAbort);
}

/**
 * Sends one attempt and reads the whole body within `timeoutMs`.
 *
 * @throws {WPayTimeoutError} when the limit passes first.
 * @throws {WPayNetworkError} when the request fails (`notSent` when provably never sent).
 * @throws the caller's abort reason when `signal` aborts.
 * @example
 * ```ts
 * const answer = await sendAttempt(ctx, { kind: 'api', path, url, headers, body, bodyForHooks: {}, attempt: 1, timeoutMs: 30_000 });
 * ```
 */
export async function sendAttempt(ctx: TransportContext, attempt: Attempt): Promise<Answer> {
  const secretHeaders = [
    ctx.settings.protocol.headers.signature,
    ctx.settings.protocol.headers.authorization,
  ];
  const base = { kind: attempt.kind, method: 'POST', url: attempt.url, path: attempt.path };
  const { onRequest, onResponse } = ctx.hooks;
  // Events are built (redacted, scrubbed, the answer parsed again) only for a hook that listens.
  if (onRequest) {
    callHook(ctx, onRequest, {
      ...base,
      attempt: attempt.attempt,
      headers: redactHeaders(attempt.headers, secretHeaders),
      body: redactBody(attempt.bodyForHooks, ctx.scrub),
    });
  }
  ctx.logger.debug?.('wpay: request', { ...base, attempt: attempt.attempt });

  const timeout = startTimeout(attempt.timeoutMs, attempt.signal);
  const started = ctx.now();
  try {
    const response = await ctx.fetch(attempt.url, {
      method: 'POST',
      headers: attempt.headers,
      body: attempt.body,
      signal: timeout.signal,
      redirect: 'manual',
    });
    const text = await response.text();
    const answer = { status: response.status, headers: response.headers, text };
    if (onResponse) {
      callHook(ctx, onResponse, {
        ...base,
        attempt: attempt.attempt,
        httpStatus: response.status,
        durationMs: ctx.now() - started,
        headers: redactHeaders(response.headers, secretHeaders),
        body: redactBody(parseForHooks(text), ctx.scrub),
      });
    }
    ctx.logger.debug?.('wpay: response', { ...base, httpStatus: response.status });
    return answer;
  } catch (error) {
    if (timeout.expired()) {
      throw new WPayTimeoutError({ path: attempt.path, timeoutMs: attempt.timeoutMs });
    }
    if (attempt.signal?.aborted) throw attempt.signal.reason;
    const notSent = causedByCode(error, ctx.settings.notSentErrorCodes);
    // Never keep the caught error itself: a fetch wrapper may have copied the request into it.
    const cause = scrubCause(error, ctx.scrub);
    throw new WPayNetworkError({
      path: attempt.path,
      notSent,
      message: `Could not reach WPay for ${attempt.path}: ${describe(cause)}`,
      cause,
    });
  } finally {
    timeout.end();
  }
}

/** The abort signal of one attempt: its timeout, linked to the caller's signal when given. */
interface AttemptTimeout {
  signal: AbortSignal;
  expired(): boolean;
  end(): void;
}

let sharedDeadlines: DeadlineSignals | undefined | null = null;

function startTimeout(timeoutMs: number, outer: AbortSignal | undefined): AttemptTimeout {
  // Made on first use, inside a request: an edge runtime allows no timer at module scope.
  if (sharedDeadlines === null) sharedDeadlines = createDeadlineSignals();
  const deadlines = sharedDeadlines;
  if (deadlines && !outer) {
    // No caller signal: the slot's own signal serves the call (no controller of its own).
    const slot = deadlines.acquire(timeoutMs);
    return {
      signal: slot.signal,
      expired: () => slot.expired,
      end: () => deadlines.release(slot),
    };
  }
  const controller = new AbortController();
  const unlink = linkSignal(outer, controller);
  if (deadlines) {
    const slot = deadlines.acquire(timeoutMs);
    const onTimeout = () => controller.abort();
    slot.signal.addEventListener('abort', onTimeout, { once: true });
    return {
      signal: controller.signal,
      expired: () => slot.expired,
      end: () => {
        slot.signal.removeEventListener('abort', onTimeout);
        deadlines.release(slot);
        unlink();
      },
    };
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  return {
    signal: controller.signal,
    expired: () => timedOut,
    end: () => {
      clearTimeout(timer);
      unlink();
    },
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const code =
    cause && typeof cause === 'object' && 'code' in cause ? ` (${String(cause.code)})` : '';
  return `${error.message}${code}`;
}
