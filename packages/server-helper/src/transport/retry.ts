/**
 * When a failed call may be retried, and how long to wait.
 *
 * @module
 */
import { WPayApiError, WPayAuthError, WPayNetworkError, WPayTimeoutError } from '../errors.js';
import type { WPaySettings } from '../options.js';

/**
 * How a call may be retried:
 * - `'safe'`: reads and idempotent writes (`checkout.create`, idempotent by `mchOrderNo`): retried on
 *   network errors, timeouts and retryable HTTP statuses (5xx, 429);
 * - `'unsent-only'`: refunds, cancellations: retried only when the request provably never left
 *   (connection refused, DNS failure), never after a timeout or an answer;
 * - `'never'`.
 *
 * @example
 * ```ts
 * const retry: RetryPolicy = 'unsent-only'; // a write that must not run twice
 * await wpay.request('/checkout/w-payment/refund', body, { retry });
 * ```
 */
export type RetryPolicy = 'safe' | 'unsent-only' | 'never';

/**
 * `Retry-After` (delta seconds or HTTP date) in milliseconds from `now`, or `undefined`.
 *
 * @example
 * ```ts
 * parseRetryAfter('2', 0); // 2000
 * ```
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether `status` matches one of `patterns` (`'503'` exactly, `'5xx'` a class).
 *
 * @example
 * ```ts
 * statusMatches(503, ['429', '5xx']); // true
 * ```
 */
export function statusMatches(status: number, patterns: readonly string[]): boolean {
  const text = String(status);
  return patterns.some((pattern) =>
    pattern.endsWith('xx') ? text.length === 3 && text[0] === pattern[0] : text === pattern,
  );
}

/**
 * Whether an error's `cause` chain carries one of `codes` (`ECONNREFUSED`, `ENOTFOUND`…), which
 * proves the request never reached the server.
 *
 * @example
 * ```ts
 * causedByCode(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }), ['ECONNREFUSED']); // true
 * ```
 */
export function causedByCode(error: unknown, codes: readonly string[]): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && codes.includes(code)) return true;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => causedByCode(inner, codes))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Whether `error` may be retried under `policy`.
 *
 * @example
 * ```ts
 * isRetryable(new WPayTimeoutError({ path: '/p', timeoutMs: 1 }), 'unsent-only', settings); // false
 * ```
 */
export function isRetryable(error: unknown, policy: RetryPolicy, settings: WPaySettings): boolean {
  if (policy === 'never') return false;
  if (error instanceof WPayNetworkError && error.notSent) return true;
  if (policy !== 'safe') return false;
  if (error instanceof WPayNetworkError || error instanceof WPayTimeoutError) return true;
  return (
    error instanceof WPayApiError &&
    !(error instanceof WPayAuthError) &&
    statusMatches(error.httpStatus, settings.retryHttpStatuses)
  );
}

/**
 * The wait before retry number `retry` (1 = first retry): the refusal's `retryAfterMs` when the
 * answer had a `Retry-After` (capped at `retryAfterMaxMs`), else full jitter: `random() * min(max, base * 2^(retry-1))`.
 *
 * @example
 * ```ts
 * retryDelay(error, 1, settings, Math.random); // 0 … 500 ms with the defaults
 * ```
 */
export function retryDelay(
  error: unknown,
  retry: number,
  settings: WPaySettings,
  random: () => number,
): number {
  const retryAfter = error instanceof WPayApiError ? error.retryAfterMs : undefined;
  if (retryAfter !== undefined) return Math.min(retryAfter, settings.retryAfterMaxMs);
  const cap = Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}
