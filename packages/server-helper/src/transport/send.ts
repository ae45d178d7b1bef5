/**
 * One HTTP attempt: timeout (covering the body), hooks, and network errors turned into
 * `WPayNetworkError` / `WPayTimeoutError`.
 *
 * @module
 */
import { WPayNetworkError, WPayTimeoutError } from '../errors.js';
import type { TransportContext } from './context.js';
import {
  createDeadlineSignals,
  type DeadlineSignals,
  type DeadlineSlot,
} from './deadline-signals.js';
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

  // The helper's own transport (node:http) takes string bodies; anything else goes to `fetch`.
  const body = typeof attempt.body === 'string' ? attempt.body : undefined;
  const post = body === undefined ? undefined : ctx.post;
  const timeout = new AttemptTimeout(attempt.timeoutMs, attempt.signal, post !== undefined);
  const started = ctx.now();
  try {
    const answer =
      post !== undefined && body !== undefined
        ? await post(attempt.url, {
            headers: attempt.headers,
            body,
            signal: timeout.signal,
          })
        : await fetchAnswer(ctx, attempt, timeout.signal);
    if (onResponse) {
      callHook(ctx, onResponse, {
        ...base,
        attempt: attempt.attempt,
        httpStatus: answer.status,
        durationMs: ctx.now() - started,
        headers: redactHeaders(answer.headers, secretHeaders),
        body: redactBody(parseForHooks(answer.text), ctx.scrub),
      });
    }
    ctx.logger.debug?.('wpay: response', { ...base, httpStatus: answer.status });
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

/** One attempt through `fetch` (a shop's own, edge runtimes, multipart token calls). */
async function fetchAnswer(
  ctx: TransportContext,
  attempt: Attempt,
  signal: AbortSignal,
): Promise<Answer> {
  const response = await ctx.fetch(attempt.url, {
    method: 'POST',
    headers: attempt.headers,
    body: attempt.body,
    signal,
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

let sharedDeadlines: DeadlineSignals | undefined | null = null;

/**
 * The abort signal of one attempt: its timeout, linked to the caller's signal when given. A class,
 * so an attempt allocates one object and no closure.
 */
class AttemptTimeout {
  readonly signal: AbortSignal;
  readonly #deadlines: DeadlineSignals | undefined;
  readonly #slot: DeadlineSlot | undefined;
  readonly #controller: AbortController | undefined;
  readonly #outer: AbortSignal | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;

  /**
   * `shared`: whether the attempt may use a slot's shared signal. Only the helper's own transport
   * does: a slot's timer runs in the async context of the call that opened it, so a shop's `fetch`
   * listening for the abort would see another call's AsyncLocalStorage; its calls keep a timer
   * each, set in their own context.
   */
  constructor(timeoutMs: number, outer: AbortSignal | undefined, shared: boolean) {
    // Made on first use, inside a request: an edge runtime allows no timer at module scope.
    if (shared && sharedDeadlines === null) sharedDeadlines = createDeadlineSignals();
    const deadlines = shared ? (sharedDeadlines ?? undefined) : undefined;
    this.#deadlines = deadlines;
    this.#outer = outer;
    this.#slot = deadlines?.acquire(timeoutMs);
    if (this.#slot && !outer) {
      // No caller signal: the slot's own signal serves the call (no controller of its own).
      this.signal = this.#slot.signal;
      this.#controller = undefined;
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.signal = controller.signal;
    if (outer) {
      if (outer.aborted) controller.abort(outer.reason);
      outer.addEventListener('abort', this, { once: true });
    }
    if (this.#slot) this.#slot.signal.addEventListener('abort', this, { once: true });
    else {
      this.#timer = setTimeout(() => {
        this.#timedOut = true;
        controller.abort();
      }, timeoutMs);
    }
  }

  /** Whether the attempt ran out of time. */
  expired(): boolean {
    return this.#slot ? this.#slot.expired : this.#timedOut;
  }

  /** An abort of the caller's signal or of the slot's (the object is their listener). */
  handleEvent(event: Event): void {
    if (event.target === this.#outer) this.#controller?.abort(this.#outer?.reason);
    else this.#controller?.abort();
  }

  /** The attempt is over: stop listening, and hand the slot back. */
  end(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#outer?.removeEventListener('abort', this);
    if (this.#slot) {
      if (this.#controller) this.#slot.signal.removeEventListener('abort', this);
      this.#deadlines?.release(this.#slot);
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const code =
    cause && typeof cause === 'object' && 'code' in cause ? ` (${String(cause.code)})` : '';
  return `${error.message}${code}`;
}
