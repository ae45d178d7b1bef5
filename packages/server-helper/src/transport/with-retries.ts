/**
 * The retry loop: run an attempt, and on a retryable failure wait (back-off with full jitter, or
 * `Retry-After`) and run it again, at most `maxRetries` times.
 *
 * @module
 */
import type { TransportContext } from './context.js';
import { isRetryable, type RetryPolicy, retryDelay } from './retry.js';

/** How {@link withRetries} retries. */
export interface RetryOptions {
  kind: 'token' | 'api';
  path: string;
  policy: RetryPolicy;
  maxRetries: number;
  signal?: AbortSignal | undefined;
}

/**
 * Runs `attempt(1)`, then `attempt(2)`… while failures are retryable under `policy`.
 * Each attempt builds its own request (so it is signed with a fresh timestamp).
 *
 * @example
 * ```ts
 * const answer = await withRetries(ctx, { kind: 'api', path, policy: 'safe', maxRetries: 2 },
 *   (attempt) => sendAttempt(ctx, { ...request, attempt }));
 * ```
 */
export async function withRetries<T>(
  ctx: TransportContext,
  options: RetryOptions,
  attempt: (attempt: number) => Promise<T>,
): Promise<T> {
  for (let number = 1; ; number++) {
    try {
      return await attempt(number);
    } catch (error) {
      const retryable =
        number <= options.maxRetries &&
        !options.signal?.aborted &&
        isRetryable(error, options.policy, ctx.settings);
      if (!retryable) throw error;
      const delayMs = retryDelay(error, number, ctx.settings, ctx.random);
      const event = {
        kind: options.kind,
        path: options.path,
        attempt: number,
        delayMs,
        error: error as Error,
      };
      try {
        ctx.hooks.onRetry?.(event);
      } catch {
        // A logging hook must never change the outcome of a payment call.
      }
      ctx.logger.debug?.('wpay: retrying', {
        path: options.path,
        attempt: number,
        delayMs,
        code: (error as { code?: unknown }).code,
      });
      await ctx.sleep(delayMs);
    }
  }
}
